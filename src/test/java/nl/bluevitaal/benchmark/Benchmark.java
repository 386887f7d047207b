package nl.bluevitaal.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.bluevitaal.demo.NationalCaseload;
import nl.bluevitaal.demo.NationalWorkload;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.ReadModelRebuild;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontRelation;
import nl.bluevitaal.selfservice.homefront.NewInvitation;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * BlueVitaal at national scale, measured beside PostgreSQL's own limit on the same server: generated caseload,
 * journey throughput against pgbench, page latency against the engine's bare REST query, a timer storm on one and two
 * nodes, start-up time and memory. Prints a table and writes it to target/benchmark.md. Figures only: nothing here
 * passes or fails on a number. Run through tools/benchmark/run, which starts the PostgreSQL server.
 */
public final class Benchmark {

  /** How the app nodes run in production (Dockerfile): a bounded heap and serial GC keep a node small on 2 cores. */
  public static final List<String> DEFAULT_NODE_JVM = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k",
      "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1");

  record Preset(String name, int active, int closed, int stormCohort, Duration throughputRun, Duration pgbenchRun,
      int latencyRequests) {
  }

  static final Map<String, Preset> PRESETS = Map.of(
      "default", new Preset("default", 3_000, 25_000, 3_000, Duration.ofSeconds(30), Duration.ofSeconds(30), 300),
      "small", new Preset("small", 300, 1_000, 300, Duration.ofSeconds(20), Duration.ofSeconds(20), 200));

  private static final Set<String> PHASES = Set.of("pgbench", "throughput", "latency", "storm", "startup",
      "migration", "checkin", "insight");
  /** The phases that measure on the generated caseload: without them the caseload is neither made nor read. */
  private static final Set<String> ON_THE_CASELOAD = Set.of("throughput", "latency", "storm", "migration", "checkin");

  /** How long the insight phase waits for a page's first answer, and from what time on it asks no more of it. */
  private static final Duration INSIGHT_PROBE = Duration.ofSeconds(60);
  private static final Duration INSIGHT_SLOW = Duration.ofSeconds(3);

  private final Preset preset;
  private final Postgres postgres;
  private final Path pgbench;
  private final Path jar;
  /** The extracted jar with its class-data-sharing archive, as the container runs it; null: the plain jar. */
  private final Path appDir;
  private final Path workDir;
  private final Path out;
  private final boolean fresh;
  private final Set<String> phases;
  private final int generatorWorkers;
  private final int generationParts;
  private final int rounds;
  private final int[] stormNodes;
  /** Settings for every app (in-process and nodes), to compare a tuning with and without: --app="k=v;k2=v2". */
  private final List<String> appArgs;
  private final List<String> nodeJvm;
  /** The check-in peak: how many employees check in (default: the preset's active cases), the hour compressed by. */
  private final int checkInEmployees;
  private final double checkInCompression;
  private final int checkInThreads;
  /** Weekly check-ins seeded per employee: a year (issue 15); 0 measures the pages without. */
  private final int checkInWeeks;
  /**
   * {@code --caseload=storm}: the pages and the migration on the storm's database (the caseload and the storm cohort
   * around it: with {@code --storm-cohort=3000} as many running journeys as the national caseload has, in a caseload
   * that takes minutes to make instead of hours).
   */
  private final boolean onStormCaseload;
  private boolean stormNoted;
  private final Report report;

  private Benchmark(Map<String, String> args) {
    Preset chosen = PRESETS.get(args.getOrDefault("preset", "default"));
    if (chosen == null) {
      throw new IllegalArgumentException("--preset must be one of " + PRESETS.keySet());
    }
    // --storm-cohort=N: the national storm (3,000 deadlines at once) on a smaller caseload around it.
    preset = args.containsKey("storm-cohort") ? new Preset(chosen.name(), chosen.active(), chosen.closed(),
        Integer.parseInt(args.get("storm-cohort")), chosen.throughputRun(), chosen.pgbenchRun(),
        chosen.latencyRequests()) : chosen;
    postgres = new Postgres(args.getOrDefault("pg-host", "localhost"),
        Integer.parseInt(args.getOrDefault("pg-port", "55432")), args.getOrDefault("pg-user", "postgres"));
    pgbench = Path.of(args.getOrDefault("pgbench", "pgbench"));
    jar = Path.of(required(args, "jar"));
    appDir = args.containsKey("app-dir") ? Path.of(args.get("app-dir")) : null;
    workDir = Path.of(args.getOrDefault("workdir", "target/benchmark"));
    out = Path.of(args.getOrDefault("out", "target/benchmark.md"));
    fresh = args.containsKey("fresh");
    // --phases= (empty) only generates the caseload.
    phases = new LinkedHashSet<>(java.util.Arrays.stream(args.getOrDefault("phases", String.join(",", PHASES))
        .split(",")).filter(p -> !p.isBlank()).toList());
    if (!PHASES.containsAll(phases)) {
      throw new IllegalArgumentException("--phases takes a comma-separated list of " + PHASES);
    }
    generatorWorkers = Integer.parseInt(args.getOrDefault("generator-workers", "3"));
    generationParts = Integer.parseInt(args.getOrDefault("generation-parts", "0"));
    rounds = Integer.parseInt(args.getOrDefault("rounds", "1"));
    // --storm-nodes=2: only the storm on two nodes (the target's), run --rounds times.
    stormNodes = java.util.Arrays.stream(args.getOrDefault("storm-nodes", "1,2").split(",")).map(String::strip)
        .mapToInt(Integer::parseInt).toArray();
    nodeJvm = args.containsKey("node-jvm") ? List.of(args.get("node-jvm").trim().split("\\s+")) : DEFAULT_NODE_JVM;
    appArgs = args.containsKey("app") ? java.util.Arrays.stream(args.get("app").split(";"))
        .filter(a -> !a.isBlank()).map(a -> "--" + a.strip()).toList() : List.of();
    checkInEmployees = Integer.parseInt(args.getOrDefault("checkin-employees", String.valueOf(preset.active())));
    checkInCompression = Double.parseDouble(args.getOrDefault("checkin-compression", "12"));
    checkInThreads = Integer.parseInt(args.getOrDefault("checkin-threads", "100"));
    checkInWeeks = Integer.parseInt(args.getOrDefault("checkin-weeks", "52"));
    onStormCaseload = "storm".equals(args.get("caseload"));
    report = new Report(preset);
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (String arg : argv) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Arguments look like --name=value, got " + arg);
      }
      String[] parts = arg.substring(2).split("=", 2);
      args.put(parts[0], parts.length == 2 ? parts[1] : "true");
    }
    new Benchmark(args).run();
    // The in-process app leaves non-daemon threads behind (the engine's, the web server's): end here.
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(workDir);
    report.machine(postgres.version(), productionJvm(), appArgs);
    // --phases= (empty) only generates the caseload; the insight phase makes its own read model and needs none.
    String base = phases.isEmpty() || phases.stream().anyMatch(ON_THE_CASELOAD::contains) ? baseData() : null;
    // The page targets hold at the default scale, so the pages go first.
    phase("latency", () -> latency(onStormCaseload ? stormBase(base) : base));
    phase("insight", this::insight);
    phase("checkin", () -> checkIn(base));
    // pgbench and the completions move apart from run to run on a shared machine: --rounds=N alternates them.
    for (int round = 1; round <= rounds; round++) {
      report.round(round);
      phase("pgbench", this::pgbench);
      phase("throughput", () -> throughput(base));
    }
    phase("storm", () -> storm(base));
    phase("migration", () -> migration(onStormCaseload ? stormBase(base) : base));
    phase("startup", this::startupOnH2);
    System.out.println();
    System.out.println(report.markdown());
    System.out.println("Written to " + out.toAbsolutePath());
  }

  interface Phase {
    void run() throws Exception;
  }

  /** One failing measurement must not cost the others' figures: it is reported, and the page is written each time. */
  private void phase(String name, Phase phase) throws IOException {
    if (!phases.contains(name)) {
      return;
    }
    report.load(name, "start", CheckInPeak.load());
    try {
      phase.run();
    } catch (Exception e) {
      log("Phase " + name + " failed: " + e);
      e.printStackTrace(System.out);
      report.failure(name, e);
    }
    report.load(name, "end", CheckInPeak.load());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.markdown());
  }

  private static String required(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  /**
   * Start-up and latency nodes run as in production. The storm's nodes run the plain jar (their clock hook needs its
   * launcher), which only makes their start slower, not their work.
   */
  private Path productionJar() {
    return appDir == null ? jar : appDir.resolve("bluevitaal.jar");
  }

  private List<String> productionJvm() {
    if (appDir == null) {
      return nodeJvm;
    }
    List<String> options = new ArrayList<>(nodeJvm);
    options.add("-XX:SharedArchiveFile=" + appDir.resolve("app.jsa").toAbsolutePath());
    return options;
  }

  static Map<String, String> postgresEnv(Postgres postgres, String database) {
    return Map.of("SPRING_PROFILES_ACTIVE", "postgres", "POSTGRES_URL", postgres.jdbcUrl(database),
        "POSTGRES_USER", postgres.user(), "POSTGRES_PASSWORD", "");
  }

  // ---------------------------------------------------------------------------------------------- data

  /**
   * The generated caseload, kept between runs as a template database: generating 28,000 lives takes hours on 2
   * cores, and every measurement starts from a copy of the same data. It is made in parts of about 3,500 cases, with a
   * checkpoint database after each part, so an interrupted generation resumes where it was. --fresh starts again.
   */
  private String baseData() throws Exception {
    String base = "bv_base_" + preset.name();
    Path facts = workDir.resolve(base + ".properties");
    if (!fresh && postgres.exists(base) && Files.exists(facts)) {
      Properties properties = load(facts);
      report.data(properties, true, postgres.size(base));
      log("Reusing the generated caseload in database " + base + " (--fresh makes it again)");
      return base;
    }
    String generating = base + "_generating";
    String checkpoint = base + "_checkpoint";
    Path checkpointFacts = workDir.resolve(checkpoint + ".properties");
    int parts = generationParts > 0 ? generationParts : Math.max(1, (preset.active() + preset.closed()) / 3_500);
    Properties progress = new Properties();
    if (!fresh && postgres.exists(checkpoint) && Files.exists(checkpointFacts)) {
      progress = load(checkpointFacts);
      postgres.copy(checkpoint, generating);
      log("Resuming the generation after part " + progress.getProperty("partsDone") + " of " + parts);
    } else {
      // A new generation: the old caseload must not look valid if this one is interrupted.
      postgres.drop(base);
      Files.deleteIfExists(facts);
      postgres.drop(checkpoint);
      Files.deleteIfExists(checkpointFacts);
      postgres.create(generating);
    }
    // Loading only: the generator's commits need not wait for the disk. Reset before anything is measured.
    postgres.set(generating, "synchronous_commit", "off");
    log("Generating %,d active and %,d closed cases in %s, in %d part(s)".formatted(preset.active(),
        preset.closed(), generating, parts));
    NationalCaseload.Settings settings = new NationalCaseload.Settings(preset.active(), preset.closed(),
        generatorWorkers, 20261123L);
    NationalCaseload.Summary summary = null;
    for (int part = Integer.parseInt(progress.getProperty("partsDone", "0")); part < parts; part++) {
      log("Generation part " + (part + 1) + " of " + parts);
      try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, generating, appArgs)) {
        summary = NationalCaseload.generate(app, settings, part, parts);
      }
      add(progress, "moments", summary.advances());
      add(progress, "failures", summary.failures());
      add(progress, "seconds", summary.took().toSeconds());
      progress.setProperty("partsDone", String.valueOf(part + 1));
      if (part + 1 < parts) {
        postgres.copy(generating, checkpoint);
        try (var writer = Files.newBufferedWriter(checkpointFacts)) {
          progress.store(writer, "Generation checkpoint of " + base);
        }
      }
    }
    if (Long.parseLong(progress.getProperty("failures", "0")) > 0) {
      log("Warning: " + progress.getProperty("failures") + " case lives failed; see the log above");
    }
    postgres.reset(generating, "synchronous_commit");
    postgres.vacuumAnalyze(generating);
    postgres.rename(generating, base);
    postgres.drop(checkpoint);
    Files.deleteIfExists(checkpointFacts);
    Properties properties = new Properties();
    properties.setProperty("active", String.valueOf(summary.active()));
    properties.setProperty("closed", String.valueOf(summary.closed()));
    properties.setProperty("counsellors", String.valueOf(summary.counsellors()));
    properties.setProperty("doctors", String.valueOf(summary.doctors()));
    properties.setProperty("teams", String.valueOf(summary.teams()));
    properties.setProperty("moments", progress.getProperty("moments"));
    properties.setProperty("failures", progress.getProperty("failures"));
    properties.setProperty("seconds", progress.getProperty("seconds"));
    properties.setProperty("workers", String.valueOf(generatorWorkers));
    properties.setProperty("generatedAt", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    for (String[] count : new String[][] {
        {"openCases", "select count(*) from reintegration_case where status <> 'CLOSED'"},
        {"closedCases", "select count(*) from reintegration_case where status = 'CLOSED'"},
        {"processInstances", "select count(*) from act_hi_procinst"},
        {"runningInstances", "select count(*) from act_ru_execution where parent_id_ is null"},
        {"historicTasks", "select count(*) from act_hi_taskinst"},
        {"openTasks", "select count(*) from act_ru_task"},
        {"timers", "select count(*) from act_ru_job where type_ = 'timer'"},
        {"historicVariables", "select count(*) from act_hi_varinst"},
        {"historyDetails", "select count(*) from act_hi_detail"},
        {"documents", "select count(*) from case_document"},
        {"auditEvents", "select count(*) from audit_event"}}) {
      properties.setProperty(count[0], String.valueOf(postgres.number(base, count[1])));
    }
    try (var writer = Files.newBufferedWriter(facts)) {
      properties.store(writer, "Generated caseload " + base);
    }
    report.data(properties, false, postgres.size(base));
    return base;
  }

  private static void add(Properties properties, String key, long value) {
    properties.setProperty(key, String.valueOf(Long.parseLong(properties.getProperty(key, "0")) + value));
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }

  // ---------------------------------------------------------------------------------------------- a, b

  private void pgbench() throws Exception {
    String database = "pgbench_tpcb";
    postgres.create(database);
    // Scale 10: a million accounts, so two clients rarely touch the same branch row less than TPC-B intends.
    PgBench.init(pgbench, postgres.host(), postgres.port(), postgres.user(), database, 10);
    for (int clients : new int[] {1, 2}) {
      log("pgbench, " + clients + " client(s), " + preset.pgbenchRun().toSeconds() + " s");
      report.pgbench(PgBench.run(pgbench, postgres.host(), postgres.port(), postgres.user(), database, clients,
          preset.pgbenchRun()));
    }
    postgres.drop(database);
  }

  /** Each run on a fresh copy of the caseload, so every run finds the same journeys at the same steps. */
  private void throughput(String base) throws Exception {
    for (boolean withFileWrite : new boolean[] {false, true}) {
      for (int workers : new int[] {1, 2}) {
        String database = "bv_throughput";
        postgres.copy(base, database);
        log("Journey throughput, " + workers + " worker(s)" + (withFileWrite ? ", with the step's file write" : "")
            + ", " + preset.throughputRun().toSeconds() + " s");
        try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, database, appArgs)) {
          report.throughput(NationalWorkload.completeSteps(app, workers, withFileWrite, Duration.ofSeconds(10),
              preset.throughputRun()));
        }
        postgres.drop(database);
      }
    }
  }

  /** All running journeys to a new version and back, on a copy of the caseload (issue 14). */
  private void migration(String base) throws Exception {
    String database = "bv_migration";
    postgres.copy(base, database);
    log("Case migration: every running journey to a new version, ours then the engine's batch back");
    try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, database, appArgs)) {
      report.migration(MigrationBench.run(app, report, preset.latencyRequests()));
    }
    postgres.drop(database);
  }

  // ---------------------------------------------------------------------------------------------- c, e

  private void latency(String base) throws Exception {
    String database = "bv_nodes";
    postgres.copy(base, database);
    // The storm cohort's 3,000 cases all have the first counsellor: on the storm's caseload the pages are read by the
    // second, whose caseload is as the generator makes every counsellor's.
    String counsellor = NationalCaseload.counsellor(onStormCaseload ? 2 : 1);
    List<String> cases = postgres.strings(database, "select cast(id as varchar) from reintegration_case"
        + " where counsellor_user_id = ? and status = 'OPEN' order by case_number", counsellor);
    List<String> employees = postgres.strings(database, "select e.user_id from employee e"
        + " join reintegration_case c on c.employee_id = e.id where c.status = 'OPEN' and e.user_id like 'mw-%'"
        + " order by c.case_number limit 10");
    log("Page latency on PostgreSQL: " + counsellor + " with " + cases.size() + " open cases");
    if (postgres.number(database, "select count(*) from information_schema.tables where table_name = 'check_in'")
        == 0) {
      // A caseload generated before the check-ins existed: the application's own migrations make their table first.
      try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, database, appArgs)) {
        log("Schema brought up to date for the check-in history (Flyway " + app.getId() + ")");
      }
    }
    log("Check-in history: " + CheckInHistory.seed(postgres, database, checkInWeeks, 20261206L)
        + " weekly check-ins written for the employees of the open cases");
    // The home front's pages: a naaste for each of these employees (invited and accepted through the use cases).
    List<String> naastes = employees.stream().map(employee -> "naaste-" + employee).toList();
    boolean noProcessOwner = postgres.number(database, "select count(*) from act_id_user where id_ = ?",
        NationalCaseload.PROCESS_OWNER) == 0;
    boolean noHomeFront = !naastes.isEmpty()
        && postgres.number(database, "select count(*) from act_id_user where id_ = ?", naastes.get(0)) == 0;
    if (noProcessOwner || noHomeFront) {
      // A caseload generated before the workbench (or the home front) existed has no process owner (naastes) yet.
      try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, database, appArgs)) {
        NationalCaseload.ensureProcessOwner(app.getBean(Accounts.class));
        if (noHomeFront) {
          HomeFront homeFront = app.getBean(HomeFront.class);
          for (String employee : employees) {
            Actor actor = new Actor(employee, Set.of(Groups.EMPLOYEE), false);
            NewInvitation made = homeFront.invite(actor, homeFront.ownCase(actor), "Naaste " + employee,
                HomeFrontRelation.PARTNER, "naaste-" + employee + "@bench.invalid");
            homeFront.accept(made.link().substring(made.link().lastIndexOf('/') + 1), "naaste-" + employee,
                NationalCaseload.PASSWORD);
          }
        }
      }
    }
    // The company doctor's page of shared check-ins (issue 15): these employees share self-reports with care (through
    // their own settings, in-process before the node starts), and each case is read by its own doctor.
    List<String[]> sharedCheckIns = postgres.strings(database, "select e.user_id || '|' || cast(c.id as varchar)"
        + " || '|' || c.company_doctor_user_id from reintegration_case c join employee e on e.id = c.employee_id"
        + " where c.status = 'OPEN' and e.user_id like 'mw-%' order by c.case_number limit 10").stream()
        .map(row -> row.split("\\|")).toList();
    if (postgres.number(database, "select count(*) from sharing_setting where domain = 'SELF_REPORTS'"
        + " and audience = 'CARE' and granted") == 0) {
      try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, database, appArgs)) {
        nl.bluevitaal.privacy.SharingSettings sharing = app.getBean(nl.bluevitaal.privacy.SharingSettings.class);
        for (String[] shared : sharedCheckIns) {
          Actor actor = new Actor(shared[0], Set.of(Groups.EMPLOYEE), false);
          java.util.UUID caseId = java.util.UUID.fromString(shared[1]);
          sharing.update(actor, caseId, sharing.get(actor, caseId).version(), List.of(new nl.bluevitaal.privacy
              .SharingChange(nl.bluevitaal.privacy.Domain.SELF_REPORTS, nl.bluevitaal.privacy.Audience.CARE, true)));
        }
      }
    }
    // Insight (issue 16): its readers, and the read model rebuilt from scratch at this scale (a caseload generated
    // before insight existed has an empty read model; one generated since has it kept by the events: both are
    // rebuilt here, so the figure is the same work every time).
    String unit;
    String team;
    try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, database, appArgs)) {
      NationalCaseload.ensureInsightReaders(app.getBean(Accounts.class));
      report.readModel(app.getBean(ReadModelRebuild.class).rebuild(new Actor(NationalCaseload.ADMINISTRATOR,
          Set.of(Groups.ADMINISTRATOR), false)));
      NationalCaseload.ensurePopulation(app.getBean(nl.bluevitaal.insight.Population.class),
          app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class), app.getBean(java.time.Clock.class));
    }
    unit = postgres.strings(database, "select unit from insight_case group by unit order by count(*) desc limit 1")
        .get(0);
    team = postgres.strings(database, "select team from insight_case where unit = ? group by team"
        + " order by count(*) desc limit 1", unit).get(0);
    String lineManager = postgres.strings(database, "select line_manager_user_id from employee where team = ?"
        + " and line_manager_user_id is not null limit 1", team).get(0);
    try (AppNode node = AppNode.start(new AppNode.Settings("postgres-node", productionJar(), productionJvm(),
        postgresEnv(postgres, database), appArgs, AppNode.freePort(), 0, workDir.resolve("postgres-node.log")))) {
      Duration ready = node.awaitReady(Duration.ofMinutes(3));
      long rssAfterStart = node.rssKib();
      // A caseload generated earlier has timers that fell due since; the node's job executor fires them first.
      // Measure the pages after that, not during it.
      long backlog = waitForDueTimers(database);
      log("Timers that had fallen due since the caseload was made, fired before measuring: " + backlog);
      URI uri = node.uri();
      WebClient staff = WebClient.login(uri, counsellor, NationalCaseload.PASSWORD);
      List<WebClient> employeeSessions = new ArrayList<>();
      for (String employee : employees) {
        employeeSessions.add(WebClient.login(uri, employee, NationalCaseload.PASSWORD));
      }
      WebClient engine = WebClient.basic(uri, counsellor, NationalCaseload.PASSWORD);
      int n = preset.latencyRequests();
      int warmup = 30;
      report.latency("Caseload (begeleider)", "/begeleiding/caseload",
          Latency.measure(warmup, n, () -> staff.get("/begeleiding/caseload")));
      report.latency("Takenlijst", "/taken", Latency.measure(warmup, n, () -> staff.get("/taken")));
      report.latency("Dossierpagina", "/dossiers/{id}", Latency.measure(warmup, n, rotating(cases,
          id -> staff.get("/dossiers/" + id))));
      report.latency("Mijn traject (medewerker)", "/mijn-traject", Latency.measure(warmup, n,
          rotating(employeeSessions, session -> session.get("/mijn-traject"))));
      // The home tools (issue 15, part D): each employee's own pages, empty or filled in.
      for (String[] tool : new String[][] {{"Energiebalans (medewerker)", "/mijn-traject/energiebalans"},
          {"Terugvalpreventieplan (medewerker)", "/mijn-traject/terugvalpreventie"},
          {"Mijn doelen (medewerker)", "/mijn-traject/doelen"},
          {"Herinneringen (medewerker)", "/mijn-traject/herinneringen"}}) {
        report.latency(tool[0], tool[1], Latency.measure(warmup, n,
            rotating(employeeSessions, session -> session.get(tool[1]))));
      }
      report.latency("Mijn thuisfront (medewerker)", "/mijn-traject/thuisfront", Latency.measure(warmup, n,
          rotating(employeeSessions, session -> session.get("/mijn-traject/thuisfront"))));
      List<WebClient> naasteSessions = new ArrayList<>();
      for (String naaste : naastes) {
        naasteSessions.add(WebClient.login(uri, naaste, NationalCaseload.PASSWORD));
      }
      report.latency("Thuisfront (naaste)", "/thuisfront", Latency.measure(warmup, n,
          rotating(naasteSessions, session -> session.get("/thuisfront"))));
      // "Ik wil contact" (issue 15, part C): the employee's form with their wishes, read-only (the generated
      // caseload has no wishes, so this is the form with its addressees and an empty history).
      report.latency("Ik wil contact (medewerker)", "/mijn-traject/contact", Latency.measure(warmup, n,
          rotating(employeeSessions, session -> session.get("/mijn-traject/contact"))));
      report.latency("Check-in (medewerker)", "/mijn-traject/check-in", Latency.measure(warmup, n,
          rotating(employeeSessions, session -> session.get("/mijn-traject/check-in"))));
      report.latency("Verloop check-ins (medewerker)", "/mijn-traject/check-in/verloop", Latency.measure(warmup, n,
          rotating(employeeSessions, session -> session.get("/mijn-traject/check-in/verloop"))));
      Map<String, WebClient> doctorSessions = new HashMap<>();
      for (String[] shared : sharedCheckIns) {
        doctorSessions.computeIfAbsent(shared[2], doctor -> WebClient.login(uri, doctor, NationalCaseload.PASSWORD));
      }
      report.latency("Gedeelde check-ins (bedrijfsarts)", "/dossiers/{id}/check-ins", Latency.measure(warmup, n,
          rotating(sharedCheckIns, shared -> doctorSessions.get(shared[2]).get("/dossiers/" + shared[1]
              + "/check-ins"))));
      WebClient processOwner = WebClient.login(uri, NationalCaseload.PROCESS_OWNER, NationalCaseload.PASSWORD);
      report.latency("Modellen (proceseigenaar)", "/modellen", Latency.measure(warmup, n,
          () -> processOwner.get("/modellen")));
      report.latency("Model met versies", "/modellen/{key}", Latency.measure(warmup, n,
          () -> processOwner.get("/modellen/" + ReintegrationJourneyProcess.PROCESS_KEY)));
      // The decision test bench runs the decision's stored cases on every view: the workbench's heaviest page.
      report.latency("Testbank beslissing (proceseigenaar)", "/modellen/beslissingen/{key}/testbank",
          Latency.measure(warmup, n, rotating(List.of("EscalationLadder", "IntakeRouting", "FirstYearNextStep"),
              key -> processOwner.get("/modellen/beslissingen/" + key + "/testbank"))));
      // Insight (issue 16): every reader's page, read from the read model through the group-size gate.
      int year = LocalDate.now().getYear();
      String unitQuery = "unit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8) + "&year=" + year;
      String teamQuery = unitQuery + "&team=" + URLEncoder.encode(team, StandardCharsets.UTF_8);
      WebClient management = WebClient.login(uri, NationalCaseload.MANAGEMENT, NationalCaseload.PASSWORD);
      report.latency("Inzicht eenheid (management)", "/inzicht?unit&year", Latency.measure(warmup, n,
          () -> management.get("/inzicht?" + unitQuery)));
      report.latency("Inzicht team (management)", "/inzicht?unit&team&year", Latency.measure(warmup, n,
          () -> management.get("/inzicht?" + teamQuery)));
      report.latency("Inzicht tabel per team (management)", "/inzicht/tabel/throughput/flow-teams",
          Latency.measure(warmup, n, () -> management.get("/inzicht/tabel/throughput/flow-teams?" + unitQuery)));
      WebClient managementApi = WebClient.basic(uri, NationalCaseload.MANAGEMENT, NationalCaseload.PASSWORD);
      report.latency("Inzicht API doorstroom (management)", "/api/insight/throughput", Latency.measure(warmup, n,
          () -> managementApi.get("/api/insight/throughput?" + unitQuery)));
      report.latency("Inzicht CSV doorstroom (management)", "/inzicht/csv/throughput", Latency.measure(warmup, n,
          () -> management.get("/inzicht/csv/throughput?" + unitQuery + "&table=flow")));
      report.latency("Inzicht API verzuim (management)", "/api/insight/absence", Latency.measure(warmup, n,
          () -> managementApi.get("/api/insight/absence?" + unitQuery)));
      report.latency("Bezetting (management)", "/inzicht/bezetting?unit&year", Latency.measure(warmup, n,
          () -> management.get("/inzicht/bezetting?" + unitQuery)));
      WebClient teamManager = WebClient.login(uri, lineManager, NationalCaseload.PASSWORD);
      report.latency("Inzicht eigen team (leidinggevende)", "/inzicht/team", Latency.measure(warmup, n,
          () -> teamManager.get("/inzicht/team?year=" + year)));
      report.latency("Knelpunten op het model (proceseigenaar)", "/inzicht/model", Latency.measure(warmup, n,
          () -> processOwner.get("/inzicht/model")));
      report.latency("Mijn inzicht en werklijst (begeleider)", "/inzicht/mijn", Latency.measure(warmup, n,
          () -> staff.get("/inzicht/mijn")));
      WebClient lead = WebClient.login(uri, NationalCaseload.COUNSELLOR_LEAD, NationalCaseload.PASSWORD);
      report.latency("Balans begeleiders (teamleider)", "/inzicht/begeleiders", Latency.measure(warmup, n,
          () -> lead.get("/inzicht/begeleiders")));
      // Empty at this caseload (every case has its counsellor, who is offered the steps as a user): the engine's
      // cheapest task query. The candidateUser query below returns the counsellor's steps.
      report.reference("/engine-rest/task?candidateGroup=counsellor&maxResults=50", Latency.measure(warmup, n,
          () -> engine.get("/engine-rest/task?candidateGroup=counsellor&maxResults=50")));
      report.reference("/engine-rest/task?candidateUser=" + counsellor + "&maxResults=50", Latency.measure(warmup,
          n, () -> engine.get("/engine-rest/task?candidateUser=" + counsellor + "&maxResults=50")));
      report.startup("PostgreSQL (" + preset.name() + " caseload)", ready, node.reportedStartupSeconds(),
          rssAfterStart, node.rssKib());
    }
    postgres.drop(database);
  }

  // ---------------------------------------------------------------------------------------------- insight

  /**
   * The insight pages at the preset's size (issue 16) on a read model written directly ({@link InsightScale}): the
   * lived national caseload takes hours, and the pages read only the read model. A fresh database each run (the
   * writing takes a minute or two, and is itself a figure), its schema from the application's own migrations.
   */
  private void insight() throws Exception {
    String database = "bv_insight_" + preset.name();
    postgres.create(database);
    log("Insight: read model of %,d active and %,d closed cases in %s".formatted(preset.active(), preset.closed(),
        database));
    InsightScale.Result made;
    try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, database, appArgs)) {
      made = InsightScale.generate(app, postgres, database, preset.active(), preset.closed(), 20261207L);
    }
    report.insightScale(made);
    try (AppNode node = AppNode.start(new AppNode.Settings("insight-node", productionJar(), productionJvm(),
        postgresEnv(postgres, database), appArgs, AppNode.freePort(), 0, workDir.resolve("insight-node.log")))) {
      node.awaitReady(Duration.ofMinutes(3));
      URI uri = node.uri();
      int n = preset.latencyRequests();
      int warmup = 30;
      int year = LocalDate.now().getYear();
      String unitQuery = "unit=" + URLEncoder.encode(made.unit(), StandardCharsets.UTF_8) + "&year=" + year;
      String teamQuery = unitQuery + "&team=" + URLEncoder.encode(made.team(), StandardCharsets.UTF_8);
      String lastYear = "unit=" + URLEncoder.encode(made.unit(), StandardCharsets.UTF_8) + "&year=" + (year - 1);
      WebClient management = WebClient.login(uri, NationalCaseload.MANAGEMENT, NationalCaseload.PASSWORD);
      WebClient managementApi = WebClient.basic(uri, NationalCaseload.MANAGEMENT, NationalCaseload.PASSWORD);
      // The API figure by figure first: which of them the pages' time goes to.
      for (FigureKind kind : FigureKind.values()) {
        String path = "/api/insight/" + kind.slug();
        insightPage("Inzicht API " + kind.slug() + " (management)", path, warmup, n,
            () -> managementApi.get(path + "?" + unitQuery));
      }
      insightPage("Inzicht CSV doorstroom (management)", "/inzicht/csv/throughput", warmup, n,
          () -> management.get("/inzicht/csv/throughput?" + unitQuery + "&table=flow"));
      insightPage("Inzicht API CSV verzuim (management)", "/api/insight/absence/csv", warmup, n,
          () -> managementApi.get("/api/insight/absence/csv?" + unitQuery));
      insightPage("Bezetting (management)", "/inzicht/bezetting?unit&year", warmup, n,
          () -> management.get("/inzicht/bezetting?" + unitQuery));
      insightPage("Bezetting API (management)", "/api/insight/population?unit&year", warmup, n,
          () -> managementApi.get("/api/insight/population?" + unitQuery));
      WebClient processOwner = WebClient.login(uri, NationalCaseload.PROCESS_OWNER, NationalCaseload.PASSWORD);
      insightPage("Knelpunten op het model (proceseigenaar)", "/inzicht/model", warmup, n,
          () -> processOwner.get("/inzicht/model"));
      String watch = "/inzicht/model?proces=" + ReintegrationJourneyProcess.WATCH_PROCESS_KEY;
      int watchStatus = processOwner.get(watch).statusCode();
      if (watchStatus == 200) {
        insightPage("Knelpunten op de termijnbewaking (proceseigenaar)", watch, warmup, n,
            () -> processOwner.get(watch));
      } else {
        report.insightNote("The heatmap does not offer the deadline watch (" + watch + " answered " + watchStatus
            + ").");
      }
      WebClient counsellor = WebClient.login(uri, made.counsellor(), NationalCaseload.PASSWORD);
      insightPage("Mijn inzicht en werklijst (begeleider)", "/inzicht/mijn", warmup, n,
          () -> counsellor.get("/inzicht/mijn"));
      WebClient lead = WebClient.login(uri, NationalCaseload.COUNSELLOR_LEAD, NationalCaseload.PASSWORD);
      insightPage("Balans begeleiders (teamleider)", "/inzicht/begeleiders", warmup, n,
          () -> lead.get("/inzicht/begeleiders"));
      insightPage("Werklijst van een begeleider (teamleider)", "/inzicht/mijn?begeleider", warmup, n,
          () -> lead.get("/inzicht/mijn?begeleider=" + made.counsellor()));
      // The pages that show every figure at once last: they hold the slowest figures.
      WebClient teamManager = WebClient.login(uri, made.lineManager(), NationalCaseload.PASSWORD);
      insightPage("Inzicht eigen team (leidinggevende)", "/inzicht/team", warmup, n,
          () -> teamManager.get("/inzicht/team?year=" + year));
      insightPage("Inzicht team (management)", "/inzicht?unit&team&year", warmup, n,
          () -> management.get("/inzicht?" + teamQuery));
      insightPage("Inzicht eenheid (management)", "/inzicht?unit&year", warmup, n,
          () -> management.get("/inzicht?" + unitQuery));
      insightPage("Inzicht eenheid, vorig jaar (management)", "/inzicht?unit&year=" + (year - 1), warmup, n,
          () -> management.get("/inzicht?" + lastYear));
      // A unit's team rows, one click away on its page (here the largest: every team's inflow and outflow).
      insightPage("Inzicht tabel per team (management)", "/inzicht/tabel/throughput/flow-teams", warmup, n,
          () -> management.get("/inzicht/tabel/throughput/flow-teams?" + unitQuery));
      // A figure no node kept yet is computed while its reader waits: each team of the unit once (a team's figures
      // are its rows of the unit's kept release: reading them out, not the unit's gate work again).
      List<String> teams = postgres.strings(database, "select distinct team from insight_case where unit = ?"
          + " order by team", made.unit());
      insightPage("Inzicht team, voor het eerst berekend (management)", "/inzicht?unit&team&year, never kept", 0,
          Math.min(teams.size() - 1, 100), rotating(teams, t -> management.get("/inzicht?" + unitQuery + "&team="
              + URLEncoder.encode(t, StandardCharsets.UTF_8))));
      // The pages above are mostly answered from the figures each node keeps per read model version. After every
      // change of the read model (a step of a case of the unit) they are computed again, in the background while the
      // figures kept before are served: measured here by raising the version before each request, as the writer does
      // after each transaction.
      int cold = Math.min(n, 100);
      try (Connection connection = postgres.connect(database);
          PreparedStatement raise = connection.prepareStatement(
              "update insight_version set version = version + 1 where id = 1;"
                  + " update insight_unit_version set version = version + 1");
          PreparedStatement raiseElsewhere = connection.prepareStatement(
              "update insight_version set version = version + 1 where id = 1;"
                  + " update insight_unit_version set version = version + 1 where unit <> '"
                  + made.unit().replace("'", "''") + "'")) {
        connection.setAutoCommit(true);
        // A change in another unit leaves this unit's kept figures as they are (each unit its own version).
        insightPage("Inzicht eenheid na een wijziging elders (management)", "/inzicht?unit&year, other unit changed",
            5, cold, () -> afterAChange(raiseElsewhere, () -> management.get("/inzicht?" + unitQuery)));
        insightPage("Inzicht eenheid na elke wijziging (management)", "/inzicht?unit&year, after each change", 5, cold,
            () -> afterAChange(raise, () -> management.get("/inzicht?" + unitQuery)));
        insightPage("Inzicht eigen team na elke wijziging (leidinggevende)", "/inzicht/team, after each change", 5,
            cold, () -> afterAChange(raise, () -> teamManager.get("/inzicht/team?year=" + year)));
        insightPage("Knelpunten op het model na elke wijziging (proceseigenaar)", "/inzicht/model, after each change",
            5, cold, () -> afterAChange(raise, () -> processOwner.get("/inzicht/model")));
        insightPage("Inzicht API doorstroom na elke wijziging (management)",
            "/api/insight/throughput, after each change", 5, cold,
            () -> afterAChange(raise, () -> managementApi.get("/api/insight/throughput?" + unitQuery)));
      }
    }
    pastTheKeep(database, made);
  }

  /**
   * A unit nobody read for longer than the figures' keep (10 min in production, looked after every minute for what was
   * read within the hour): a node of its own with these times scaled down to a keep of two seconds, read half a second
   * after each keep ran out, with no change in between and with one just before the read; and past the window in
   * which what was read is computed again, with a change, which is what still waits.
   */
  private void pastTheKeep(String database, InsightScale.Result made) throws Exception {
    Duration keep = Duration.ofSeconds(2);
    Duration refreshAfterRead = keep.multipliedBy(6);
    String unitQuery = "unit=" + URLEncoder.encode(made.unit(), StandardCharsets.UTF_8) + "&year="
        + LocalDate.now().getYear();
    List<String> args = new ArrayList<>(appArgs);
    args.add("--bluevitaal.insight.cache-keep=" + keep);
    args.add("--bluevitaal.insight.cache-refresh-every=" + keep.dividedBy(10));
    args.add("--bluevitaal.insight.cache-refresh-after-read=" + refreshAfterRead);
    try (AppNode node = AppNode.start(new AppNode.Settings("insight-node-keep", productionJar(), productionJvm(),
        postgresEnv(postgres, database), args, AppNode.freePort(), 0, workDir.resolve("insight-node-keep.log")));
        Connection connection = postgres.connect(database);
        PreparedStatement raise = connection.prepareStatement(
            "update insight_version set version = version + 1 where id = 1;"
                + " update insight_unit_version set version = version + 1")) {
      connection.setAutoCommit(true);
      node.awaitReady(Duration.ofMinutes(3));
      WebClient management = WebClient.login(node.uri(), NationalCaseload.MANAGEMENT, NationalCaseload.PASSWORD);
      int n = Math.min(preset.latencyRequests(), 30);
      Supplier<HttpResponse<String>> unitPage = () -> management.get("/inzicht?" + unitQuery);
      // Warmed as the first node was by the pages before: what is measured is the keep, not a fresh node's compiler.
      Latency.measure(0, 100, unitPage);
      report.insightLatency("Inzicht eenheid, niet gelezen langer dan de bewaartijd (management)",
          "/inzicht?unit&year, past its keep, no change", afterAPause(keep, n, () -> { }, unitPage));
      report.insightLatency("Inzicht eenheid, niet gelezen langer dan de bewaartijd, gewijzigd (management)",
          "/inzicht?unit&year, past its keep, changed", afterAPause(keep, n, () -> raise(raise), unitPage));
      report.insightLatency("Inzicht eenheid, niet gelezen in het afgelopen uur, gewijzigd (management)",
          "/inzicht?unit&year, past the hour, changed",
          afterAPause(refreshAfterRead.plus(keep), Math.min(n, 5), () -> raise(raise), unitPage));
    }
  }

  /** Each request after a pause longer than the keep (and what comes before it), timed without them. */
  private static Latency.Stats afterAPause(Duration keep, int n, Runnable before,
      Supplier<HttpResponse<String>> request) throws InterruptedException {
    // The figures computed afresh first, so the first pause ages them as every later one does.
    request.get();
    double[] millis = new double[n];
    for (int i = 0; i < n; i++) {
      Thread.sleep(keep.toMillis() + 500);
      before.run();
      long start = System.nanoTime();
      HttpResponse<String> response = request.get();
      millis[i] = (System.nanoTime() - start) / 1_000_000.0;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("/inzicht answered " + response.statusCode());
      }
    }
    return Latency.of(millis);
  }

  private static HttpResponse<String> afterAChange(PreparedStatement raise,
      Supplier<HttpResponse<String>> request) {
    raise(raise);
    return request.get();
  }

  /** Raises the read model's version, as the writer does after each transaction. */
  private static void raise(PreparedStatement raise) {
    try {
      raise.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Raising the read model's version failed", e);
    }
  }

  /**
   * One request first, waited for at most a minute: a page whose single answer takes seconds is reported by that
   * answer, not asked three hundred times (at the default size a figure's secondary suppression took minutes).
   */
  private void insightPage(String page, String path, int warmup, int n, Supplier<HttpResponse<String>> request)
      throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> probe = CompletableFuture.supplyAsync(request);
    try {
      HttpResponse<String> answer = probe.get(INSIGHT_PROBE.toSeconds(), TimeUnit.SECONDS);
      double millis = (System.nanoTime() - start) / 1_000_000.0;
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + answer.statusCode());
      }
      if (millis > INSIGHT_SLOW.toMillis()) {
        report.insightLatency(page + " (one request)", path, Latency.of(new double[] {millis}));
        report.insightNote("%s: one request took %s s; not measured further.".formatted(path,
            format(millis / 1000)));
        return;
      }
    } catch (TimeoutException e) {
      report.insightNote("%s: no answer within %d s; not measured further (the request ran on in the node)."
          .formatted(path, INSIGHT_PROBE.toSeconds()));
      return;
    }
    report.insightLatency(page, path, Latency.measure(warmup, n, request));
  }

  // ---------------------------------------------------------------------------------------------- check-in peak

  /**
   * The weekly check-in peak (issue 15): the employees of the open cases, each with a year of weekly check-ins, all
   * check in within the same hour, over HTTP against one production-like node. Where the caseload has fewer active
   * employees with a login than asked (--checkin-employees), a cohort of employees reported sick today makes up the
   * rest. Kept as a template of its own between runs, like the storm's.
   */
  private void checkIn(String base) throws Exception {
    String template = "bv_checkin_" + preset.name() + "_" + checkInEmployees + "_" + checkInWeeks;
    Path facts = workDir.resolve(template + ".properties");
    Properties baseFacts = load(workDir.resolve(base + ".properties"));
    String employeesWithLogin = "select e.user_id from employee e join reintegration_case c on c.employee_id = e.id"
        + " join act_id_user u on u.id_ = e.user_id where c.status = 'OPEN' order by c.case_number limit ?";
    if (fresh || !postgres.exists(template) || !Files.exists(facts)
        || !load(facts).getProperty("base", "").equals(baseFacts.getProperty("generatedAt"))) {
      String generating = template + "_generating";
      postgres.copy(base, generating);
      int present = postgres.strings(generating, employeesWithLogin, checkInEmployees).size();
      Properties properties = new Properties();
      properties.setProperty("base", baseFacts.getProperty("generatedAt"));
      properties.setProperty("fromCaseload", String.valueOf(present));
      if (present < checkInEmployees) {
        log("Check-in peak: " + (checkInEmployees - present) + " employees reported sick today beside the caseload's "
            + present);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, generating, appArgs)) {
          NationalCaseload.checkInCohort(app, 1, checkInEmployees - present,
              Integer.parseInt(baseFacts.getProperty("counsellors", "1")), generatorWorkers);
        }
        properties.setProperty("cohortSeconds", String.valueOf((System.nanoTime() - started) / 1_000_000_000L));
      }
      long seeded = CheckInHistory.seed(postgres, generating, checkInWeeks, 20261206L);
      properties.setProperty("checkIns", String.valueOf(seeded));
      log("Check-in history: " + seeded + " weekly check-ins written");
      postgres.vacuumAnalyze(generating);
      postgres.rename(generating, template);
      try (var writer = Files.newBufferedWriter(facts)) {
        properties.store(writer, "Check-in peak on " + base);
      }
    }
    Properties made = load(facts);
    String database = "bv_checkin_run";
    postgres.copy(template, database);
    List<String> employees = postgres.strings(database, employeesWithLogin, checkInEmployees);
    long checkIns = postgres.number(database, "select count(*) from check_in");
    try (AppNode node = AppNode.start(new AppNode.Settings("checkin-node", productionJar(), productionJvm(),
        postgresEnv(postgres, database), appArgs, AppNode.freePort(), 0, workDir.resolve("checkin-node.log")))) {
      node.awaitReady(Duration.ofMinutes(3));
      long backlog = waitForDueTimers(database);
      log("Timers that had fallen due since the caseload was made, fired before measuring: " + backlog);
      log("Check-in peak: %d employees (%s from the caseload) with %d check-ins before, the hour compressed %sx"
          .formatted(employees.size(), made.getProperty("fromCaseload"), checkIns, format(checkInCompression)));
      CheckInPeak.Result result = CheckInPeak.run(node.uri(), employees, NationalCaseload.PASSWORD,
          checkInCompression, checkInThreads, 20261206L, postgres, database);
      long rss = node.rssKib();
      log("Check-in cost: 30 submits one after the other, every statement logged");
      CheckInPeak.Cost cost = CheckInPeak.cost(node.uri(), employees, NationalCaseload.PASSWORD, 30, postgres,
          database, workDir.resolve("postgres.log"));
      report.checkIn(result, cost, employees.size(), Integer.parseInt(made.getProperty("fromCaseload")), checkIns,
          checkInWeeks, rss);
    }
    postgres.drop(database);
  }

  /** Waits until no timer is due any more; returns how many were due when it began. */
  private long waitForDueTimers(String database) throws Exception {
    String due = "select count(*) from act_ru_job where duedate_ <= localtimestamp and retries_ > 0";
    long backlog = postgres.number(database, due);
    long start = System.nanoTime();
    while (postgres.number(database, due) > 0) {
      if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
        throw new IllegalStateException("The node did not work off the due timers within 10 minutes");
      }
      Thread.sleep(500);
    }
    return backlog;
  }

  private static <T> Supplier<java.net.http.HttpResponse<String>> rotating(List<T> items,
      java.util.function.Function<T, java.net.http.HttpResponse<String>> request) {
    if (items.isEmpty()) {
      throw new IllegalStateException("Nothing to measure: the generated caseload has no such case or employee");
    }
    AtomicInteger next = new AtomicInteger();
    return () -> request.apply(items.get(Math.floorMod(next.getAndIncrement(), items.size())));
  }

  private void startupOnH2() throws Exception {
    Path h2 = workDir.resolve("h2");
    deleteTree(h2);
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:file:"
        + h2.toAbsolutePath().resolve("bluevitaal") + ";DB_CLOSE_ON_EXIT=FALSE"));
    args.addAll(appArgs);
    log("Start-up on H2: first start (with the demo caseload), then a restart");
    Path firstLog = workDir.resolve("h2-first.log");
    Files.deleteIfExists(firstLog);
    try (AppNode node = AppNode.start(new AppNode.Settings("h2-first", productionJar(), productionJvm(), Map.of(), args,
        AppNode.freePort(), 0, firstLog))) {
      // Health answers only once the demo caseload is made (probes wait for the ready event's listeners).
      Duration ready = node.awaitReady(Duration.ofMinutes(10));
      long rss = node.rssKib();
      long start = System.nanoTime();
      while (!Files.readString(firstLog).contains("Demo caseload:")) {
        if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
          throw new IllegalStateException("The demo caseload was not made within 10 minutes");
        }
        Thread.sleep(250);
      }
      Duration demo = ready.plus(Duration.ofNanos(System.nanoTime() - start));
      report.startup("H2, first start, including the demo caseload (ready after %.1f s)"
          .formatted(demo.toMillis() / 1000.0), ready, node.reportedStartupSeconds(), rss, node.rssKib());
    }
    try (AppNode node = AppNode.start(new AppNode.Settings("h2-restart", productionJar(), productionJvm(), Map.of(), args,
        AppNode.freePort(), 0, workDir.resolve("h2-restart.log")))) {
      Duration ready = node.awaitReady(Duration.ofMinutes(3));
      report.startup("H2, restart (demo caseload present)", ready, node.reportedStartupSeconds(), node.rssKib(),
          node.rssKib());
    }
  }

  // ---------------------------------------------------------------------------------------------- d

  private void storm(String base) throws Exception {
    String stormBase = stormBase(base);
    for (int round = 0; round < rounds; round++) {
      for (int nodes : stormNodes) {
        stormOn(stormBase, nodes);
      }
    }
  }

  private void stormOn(String stormBase, int nodes) throws Exception {
    String database = "bv_storm_run";
    postgres.copy(stormBase, database);
    log("Timer storm on " + nodes + " node(s)");
    report.storm(TimerStorm.run(postgres, database, nodes, jar, nodeJvm, appArgs, workDir));
    postgres.drop(database);
  }

  /** The caseload with the storm cohort around it, made once per generated caseload (a template like the base). */
  private String stormBase(String base) throws Exception {
    String stormBase = "bv_storm_" + preset.name() + "_" + preset.stormCohort();
    Path facts = workDir.resolve(stormBase + ".properties");
    if (fresh || !postgres.exists(stormBase) || !Files.exists(facts)
        || !load(facts).getProperty("base", "").equals(load(workDir.resolve(base + ".properties"))
        .getProperty("generatedAt"))) {
      String generating = stormBase + "_generating";
      postgres.copy(base, generating);
      log("Timer storm: " + preset.stormCohort() + " cases whose week-6 deadline falls due at the start of tomorrow");
      try (ConfigurableApplicationContext app = InProcessApp.boot(postgres, generating, appArgs)) {
        NationalCaseload.stormCohort(app, preset.stormCohort(), 41, generatorWorkers);
      }
      postgres.vacuumAnalyze(generating);
      postgres.rename(generating, stormBase);
      Properties properties = new Properties();
      properties.setProperty("base", load(workDir.resolve(base + ".properties")).getProperty("generatedAt"));
      try (var writer = Files.newBufferedWriter(facts)) {
        properties.store(writer, "Timer storm cohort on " + base);
      }
    }
    if (onStormCaseload && !stormNoted) {
      stormNoted = true;
      report.dataNote(("The pages and the migration ran on the storm's database (--caseload=storm): %,d open and %,d"
          + " closed cases, %,d running journeys.").formatted(
          postgres.number(stormBase, "select count(*) from reintegration_case where status = 'OPEN'"),
          postgres.number(stormBase, "select count(*) from reintegration_case where status <> 'OPEN'"),
          postgres.number(stormBase, "select count(*) from act_ru_execution e join act_re_procdef d"
              + " on d.id_ = e.proc_def_id_ where e.id_ = e.proc_inst_id_ and d.key_ = '"
              + ReintegrationJourneyProcess.PROCESS_KEY + "'")));
    }
    return stormBase;
  }

  // ---------------------------------------------------------------------------------------------- util

  static void log(String message) {
    System.out.println("[benchmark " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
