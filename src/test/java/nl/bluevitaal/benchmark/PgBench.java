package nl.bluevitaal.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own benchmark, as a yardstick of what the database host can do apart from the app. */
public final class PgBench {

  public record Result(int clients, double tps, long transactions, Duration duration) {}

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: ([0-9]+)");

  private PgBench() {}

  public static void init(Path pgbench, String host, int port, String user, String database, int scale) {
    List<String> command = command(pgbench, host, port, user);
    command.addAll(List.of("-i", "-q", "-s", Integer.toString(scale), database));
    execute(command);
  }

  /**
   * The default TPC-B-like script. Without -n: pgbench then vacuums the small tables and truncates pgbench_history
   * first, which costs well under a second at benchmark scales and lets runs at different client counts after one
   * init start from the same state instead of inheriting the previous run's dead rows and history.
   */
  public static Result run(Path pgbench, String host, int port, String user, String database, int clients,
      Duration duration) {
    long seconds = Math.max(1, duration.toSeconds());
    List<String> command = command(pgbench, host, port, user);
    command.addAll(List.of("-c", Integer.toString(clients), "-j", Integer.toString(clients),
        "-T", Long.toString(seconds), database));
    String output = execute(command);
    return new Result(clients, Double.parseDouble(find(TPS, output)), Long.parseLong(find(TRANSACTIONS, output)),
        Duration.ofSeconds(seconds));
  }

  private static List<String> command(Path pgbench, String host, int port, String user) {
    return new ArrayList<>(List.of(pgbench.toString(), "-h", host, "-p", Integer.toString(port), "-U", user));
  }

  private static String execute(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
    }
  }

  private static String find(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("pgbench output without " + pattern + ":\n" + output);
    }
    return m.group(1);
  }
}
