package nl.bluevitaal.benchmark;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.function.Supplier;

/** Latency of one request as a single user sees it: sequential, so the figures are free of queueing. */
public final class Latency {

  public record Stats(int count, double medianMs, double p95Ms, double p99Ms, double maxMs) {}

  private Latency() {}

  public static Stats measure(int warmup, int count, Supplier<HttpResponse<String>> request) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    for (int i = 0; i < warmup; i++) {
      check(request.get());
    }
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = request.get();
      millis[i] = (System.nanoTime() - start) / 1_000_000.0;
      check(response);
    }
    return of(millis);
  }

  /** The figures of samples measured elsewhere (e.g. many users at once); none: all zero. */
  public static Stats of(double[] samples) {
    if (samples.length == 0) {
      return new Stats(0, 0, 0, 0, 0);
    }
    double[] millis = samples.clone();
    Arrays.sort(millis);
    return new Stats(millis.length, nearestRank(millis, 50), nearestRank(millis, 95), nearestRank(millis, 99),
        millis[millis.length - 1]);
  }

  // Nearest rank: an observed value, never an interpolation, so p99 of 50 samples is simply the maximum.
  private static double nearestRank(double[] sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      String body = response.body() == null ? "" : response.body();
      throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
          + response.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
    }
  }
}
