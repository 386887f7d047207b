package nl.bluevitaal.benchmark;

import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weekly check-in peak (issue 15): every employee checks in once within the same hour, as on their phone. Each
 * arrives at a moment of their own, logs in, opens the check-in, sends it (the submit: stored, triaged by the DMN
 * table, the level set on the journey) and reads the result page. Arrivals rise and fall over the hour (a triangular
 * density: the busiest minutes get twice the hour's average), and the hour is compressed by a factor to fit a run.
 * An open model: an arrival starts at its moment whether or not the ones before it are answered, so a slow node shows
 * as latency (and as arrivals waiting for a free user thread, reported as lag), not as fewer arrivals.
 */
final class CheckInPeak {

  static final String FORM = "/mijn-traject/check-in";
  private static final Pattern RESULT = Pattern.compile(".*/mijn-traject/check-in/[0-9a-f-]{36}$");

  record Result(int arrivals, Duration window, double compression, Duration took, Latency.Stats login,
      Latency.Stats form, Latency.Stats submit, Latency.Stats result, Latency.Stats lag, int errors,
      List<String> errorSamples, double submitsPerSecond, double busiestTenthPerSecond, int maxInFlight,
      Map<String, Long> triage, String loadBefore, String loadAfter) {
  }

  /** What one submit costs PostgreSQL: the statements the node sent, counted from the server's statement log. */
  record Cost(int submits, int statements, int jobExecutor, Map<String, Integer> byKind) {

    double perSubmit() {
      return submits == 0 ? 0 : (statements - jobExecutor) / (double) submits;
    }
  }

  private CheckInPeak() {
  }

  static Result run(URI uri, List<String> employees, String password, double compression, int threads, long seed,
      Postgres postgres, String database) throws Exception {
    Random random = new Random(seed);
    long windowNanos = (long) (Duration.ofHours(1).toNanos() / compression);
    List<Long> arrivals = new ArrayList<>();
    for (int i = 0; i < employees.size(); i++) {
      arrivals.add((long) (windowNanos * (random.nextDouble() + random.nextDouble()) / 2));
    }
    Collections.sort(arrivals);
    List<String> order = new ArrayList<>(employees);
    Collections.shuffle(order, random);

    HttpClient shared = WebClient.sharedClient();
    ConcurrentLinkedQueue<Double> login = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Double> form = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Double> submit = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Double> result = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Double> lag = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> submittedAt = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    String loadBefore = load();
    long dbStart = postgres.number(database, "select cast(extract(epoch from clock_timestamp()) * 1000 as bigint)");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    for (int i = 0; i < order.size(); i++) {
      long planned = start + arrivals.get(i);
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String user = order.get(i);
      int number = i;
      pool.execute(() -> {
        long begun = System.nanoTime();
        lag.add((begun - planned) / 1e6);
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        String step = "login";
        try {
          long t = System.nanoTime();
          WebClient session = WebClient.login(uri, shared, user, password);
          login.add((System.nanoTime() - t) / 1e6);
          step = "form";
          t = System.nanoTime();
          HttpResponse<String> page = session.get(FORM);
          expect(page, 200);
          form.add((System.nanoTime() - t) / 1e6);
          Random answers = new Random(seed + number);
          Map<String, String> fields = new LinkedHashMap<>();
          fields.put("_csrf", WebClient.csrf(page.body()));
          fields.put("clientId", WebClient.hidden(page.body(), "clientId"));
          int[] chosen = CheckInHistory.answers(4 + answers.nextInt(18), answers);
          for (int q = 0; q < chosen.length; q++) {
            fields.put("antwoord[" + q + "]", String.valueOf(chosen[q]));
          }
          fields.put("notitie", answers.nextInt(4) == 0 ? "Deze week wat beter geslapen, nog snel moe." : "");
          step = "submit";
          t = System.nanoTime();
          HttpResponse<String> sent = session.post(FORM, fields);
          double took = (System.nanoTime() - t) / 1e6;
          String location = sent.headers().firstValue("Location").orElse("");
          if (sent.statusCode() != 302 || !RESULT.matcher(location).matches()) {
            throw new IllegalStateException("POST " + FORM + " answered " + sent.statusCode() + " to '" + location
                + "': " + snippet(sent.body()));
          }
          submit.add(took);
          submittedAt.add(System.nanoTime());
          step = "result";
          t = System.nanoTime();
          expect(session.get(URI.create(location).getPath()), 200);
          result.add((System.nanoTime() - t) / 1e6);
        } catch (Exception e) {
          errors.add(user + " at " + step + ": " + e);
        } finally {
          inFlight.decrementAndGet();
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      errors.add("The peak did not end within 30 minutes after its last arrival");
    }
    long end = System.nanoTime();
    String loadAfter = load();
    Map<String, Long> triage = new TreeMap<>();
    for (String level : List.of("GREEN", "AMBER", "RED")) {
      triage.put(level, postgres.number(database, "select count(*) from check_in where triage_level = ?"
          + " and received_at >= to_timestamp(? / 1000.0)", level, dbStart));
    }
    // Throughput where it is highest: the busiest tenth of the run, by submits answered.
    long[] times = submittedAt.stream().mapToLong(Long::longValue).sorted().toArray();
    long slice = Math.max(1, (end - start) / 10);
    int busiest = 0;
    for (int i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] > slice) {
        j++;
      }
      busiest = Math.max(busiest, i - j + 1);
    }
    double seconds = (end - start) / 1e9;
    return new Result(order.size(), Duration.ofNanos(windowNanos), compression, Duration.ofNanos(end - start),
        stats(login), stats(form), stats(submit), stats(result), stats(lag), errors.size(),
        errors.stream().limit(5).toList(), times.length / seconds, busiest / (slice / 1e9), maxInFlight.get(), triage,
        loadBefore, loadAfter);
  }

  /**
   * A few submits one after the other with PostgreSQL logging every statement (switched on for the moment through the
   * server's configuration, and off again): the statements of one submit, by kind. The job executor's polls that fall
   * in the window are counted apart.
   */
  static Cost cost(URI uri, List<String> employees, String password, int submits, Postgres postgres,
      String database, Path postgresLog) throws Exception {
    List<WebClient> sessions = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (String employee : employees.subList(0, Math.min(5, employees.size()))) {
      WebClient session = WebClient.login(uri, employee, password);
      HttpResponse<String> page = session.get(FORM);
      expect(page, 200);
      sessions.add(session);
      tokens.add(WebClient.csrf(page.body()));
    }
    long from;
    long to;
    admin(postgres, "alter system set log_statement = 'all'", "alter system set log_line_prefix = '%m [%p] %d '");
    try {
      Thread.sleep(1_000);
      from = Files.size(postgresLog);
      Random random = new Random(7);
      for (int i = 0; i < submits; i++) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", tokens.get(i % sessions.size()));
        fields.put("clientId", UUID.randomUUID().toString());
        int[] chosen = CheckInHistory.answers(4 + random.nextInt(18), random);
        for (int q = 0; q < chosen.length; q++) {
          fields.put("antwoord[" + q + "]", String.valueOf(chosen[q]));
        }
        fields.put("notitie", "");
        HttpResponse<String> sent = sessions.get(i % sessions.size()).post(FORM, fields);
        if (sent.statusCode() != 302) {
          throw new IllegalStateException("POST " + FORM + " answered " + sent.statusCode());
        }
      }
      Thread.sleep(500);
      to = Files.size(postgresLog);
    } finally {
      admin(postgres, "alter system reset log_statement", "alter system reset log_line_prefix");
    }
    byte[] bytes = new byte[(int) (to - from)];
    try (RandomAccessFile file = new RandomAccessFile(postgresLog.toFile(), "r")) {
      file.seek(from);
      file.readFully(bytes);
    }
    // A statement's text goes on over the following lines (without the prefix) until the next entry of the log.
    Pattern entry = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\S+ \\S+ \\[\\d+\\] (\\S*) (\\w+):  (.*)$");
    Pattern statement = Pattern.compile("^(?:statement|execute [^:]*): (.*)$");
    List<StringBuilder> sqls = new ArrayList<>();
    StringBuilder current = null;
    for (String text : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      Matcher m = entry.matcher(text);
      if (m.matches()) {
        Matcher st = statement.matcher(m.group(3));
        current = m.group(1).equals(database) && m.group(2).equals("LOG") && st.matches()
            ? new StringBuilder(st.group(1)) : null;
        if (current != null) {
          sqls.add(current);
        }
      } else if (current != null) {
        current.append(' ').append(text.strip());
      }
    }
    Pattern table = Pattern.compile("(?i)\\b(?:from|into|update)\\s+([a-z_][a-z0-9_.]*)");
    Map<String, Integer> byKind = new TreeMap<>();
    int statements = sqls.size();
    int jobExecutor = 0;
    for (StringBuilder text : sqls) {
      String sql = text.toString();
      Matcher t = table.matcher(sql);
      String verb = sql.isBlank() ? "(empty)" : sql.strip().split("\\s+", 2)[0].toLowerCase();
      String kind = verb + (t.find() ? " " + t.group(1).toLowerCase() : "");
      if (kind.equals("select act_ru_job") && sql.contains("LOCK_EXP_TIME_")) {
        jobExecutor++;
        continue;
      }
      byKind.merge(kind, 1, Integer::sum);
    }
    return new Cost(submits, statements, jobExecutor, byKind);
  }

  private static void admin(Postgres postgres, String... sql) throws Exception {
    try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
      s.execute("select pg_reload_conf()");
    }
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
          + " answered " + response.statusCode() + ": " + snippet(response.body()));
    }
  }

  private static String snippet(String body) {
    return body == null ? "" : body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " ");
  }

  private static Latency.Stats stats(ConcurrentLinkedQueue<Double> samples) {
    return Latency.of(samples.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The machine's load average (1, 5, 15 minutes), as uptime prints it: the cores are shared. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }
}
