package nl.bluevitaal.benchmark;

import nl.bluevitaal.insight.ReadModelRebuild;
import static nl.bluevitaal.benchmark.Benchmark.format;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.bluevitaal.demo.NationalCaseload;
import nl.bluevitaal.demo.NationalWorkload;

/** The figures of one run, as a Markdown page with the machine they were measured on and the targets beside them. */
final class Report {

  private final Benchmark.Preset preset;
  private final List<String> machine = new ArrayList<>();
  private final List<String> data = new ArrayList<>();
  /** A measurement and the round it was made in (--rounds: pgbench and throughput alternated, each round paired). */
  private record InRound<T>(int round, T result) {
  }

  private final List<InRound<PgBench.Result>> pgbench = new ArrayList<>();
  private final List<InRound<NationalWorkload.Result>> throughput = new ArrayList<>();
  private int round = 1;
  private final List<String[]> latency = new ArrayList<>();
  private final List<String[]> references = new ArrayList<>();
  private final List<TimerStorm.Result> storms = new ArrayList<>();
  private final List<String[]> startups = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<MigrationBench.Result> migrations = new ArrayList<>();
  private final List<String> checkIns = new ArrayList<>();
  private final List<String> loads = new ArrayList<>();
  private final List<String> readModels = new ArrayList<>();
  private final List<String> insightData = new ArrayList<>();
  private final List<String[]> insightLatency = new ArrayList<>();
  private String insightHeading;

  Report(Benchmark.Preset preset) {
    this.preset = preset;
  }

  void machine(String postgresVersion, List<String> nodeJvm, List<String> appArgs) {
    machine.add("Measured " + LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES) + " on " + cores() + " cores ("
        + Runtime.getRuntime().availableProcessors() + " available to the JVM), " + memory() + " memory, Java "
        + System.getProperty("java.version") + ", PostgreSQL " + postgresVersion + " on the same machine.");
    machine.add("App nodes run with `" + String.join(" ", nodeJvm) + "`"
        + (appArgs.isEmpty() ? "." : "; every app with `" + String.join(" ", appArgs) + "`."));
  }

  void data(Properties facts, boolean reused, String size) {
    data.add("Preset `%s`: %s active and %s closed cases (%s counsellors, %s company doctors, %s teams), %s"
        .formatted(preset.name(), facts.getProperty("active"), facts.getProperty("closed"),
            facts.getProperty("counsellors"), facts.getProperty("doctors"), facts.getProperty("teams"),
            reused ? "generated earlier (" + facts.getProperty("generatedAt") + ") and reused"
                : "generated in this run"));
    data.add("Generation: %s case moments lived through the services and the engine in %s min with %s workers, %s failures."
        .formatted(facts.getProperty("moments"), format(Long.parseLong(facts.getProperty("seconds")) / 60.0),
            facts.getProperty("workers"), facts.getProperty("failures")));
    data.add(("Database %s: %s open and %s closed cases, %s process instances (%s running), %s historic tasks "
        + "(%s open), %s timers, %s historic variables, %s history details, %s documents, %s audit events.")
        .formatted(size, facts.getProperty("openCases"), facts.getProperty("closedCases"),
            facts.getProperty("processInstances"), facts.getProperty("runningInstances"),
            facts.getProperty("historicTasks"), facts.getProperty("openTasks"), facts.getProperty("timers"),
            facts.getProperty("historicVariables"), facts.getProperty("historyDetails"),
            facts.getProperty("documents"), facts.getProperty("auditEvents")));
  }

  void dataNote(String line) {
    data.add(line);
  }

  /** The round the next pgbench and throughput figures belong to. */
  void round(int round) {
    this.round = round;
  }

  void pgbench(PgBench.Result result) {
    Benchmark.log("pgbench: " + result.clients() + " client(s), " + format(result.tps()) + " TPS");
    pgbench.add(new InRound<>(round, result));
  }

  void throughput(NationalWorkload.Result result) {
    Benchmark.log("Throughput: " + result.workers() + " worker(s), file write " + result.withFileWrite() + ", "
        + result.completions() + " completions in "
        + result.measured().toSeconds() + " s = " + format(result.perSecond()) + "/s");
    throughput.add(new InRound<>(round, result));
  }

  void latency(String page, String path, Latency.Stats stats) {
    Benchmark.log(path + ": " + stats);
    latency.add(row(page + " `" + path + "`", stats));
  }

  void reference(String path, Latency.Stats stats) {
    Benchmark.log(path + ": " + stats);
    references.add(row("engine REST `" + path + "`", stats));
  }

  void storm(TimerStorm.Result result) {
    Benchmark.log("Timer storm: " + result);
    storms.add(result);
  }

  void startup(String label, Duration ready, Optional<Double> reported, long rssAfterStartKib, long rssAfterKib) {
    Benchmark.log("Start-up " + label + ": ready after " + ready.toMillis() + " ms, reported " + reported
        + " s, RSS " + rssAfterStartKib / 1024 + " MB after start, " + rssAfterKib / 1024 + " MB at the end");
    startups.add(new String[] {label, format(ready.toMillis() / 1000.0),
        reported.map(Benchmark::format).orElse("–"), String.valueOf(rssAfterStartKib / 1024),
        String.valueOf(rssAfterKib / 1024)});
  }

  void migration(MigrationBench.Result result) {
    Benchmark.log("Migration: " + result);
    migrations.add(result);
  }

  /** Insight's read model rebuilt from scratch from the case file and the engine's history (issue 16). */
  void readModel(ReadModelRebuild.Result result) {
    Benchmark.log("Insight read model rebuilt: " + result);
    readModels.add("Insight's read model rebuilt from scratch: %,d cases, %,d steps, %,d deadlines in %s s."
        .formatted(result.cases(), result.steps(), result.deadlines(), format(result.duration().toMillis() / 1000.0)));
  }

  /**
   * The insight phase's read model (issue 16): written directly at the preset's size, so the pages are measured at
   * national scale without the hours the lived caseload takes.
   */
  void insightScale(InsightScale.Result r) {
    Benchmark.log("Insight read model written: " + r);
    insightHeading = "%,d cases (%,d active, %,d closed)".formatted(r.active() + r.closed(), r.active(), r.closed());
    insightData.add(("%,d active and %,d closed cases over the last five years in %d teams of 10 units and %d "
        + "counsellors, written in %s s (read model by JDBC batches, accounts and population through the "
        + "application's services). Measured as %s (team %s of %s, led by %s) and %s.")
        .formatted(r.active(), r.closed(), r.teams(), r.counsellors(), format(r.took().toMillis() / 1000.0),
            NationalCaseload.MANAGEMENT, r.team(), r.unit(), r.lineManager(), r.counsellor()));
    insightData.add("Rows: " + r.rows().entrySet().stream().map(e -> "%s %,d".formatted(e.getKey(), e.getValue()))
        .collect(Collectors.joining(", ")) + ".");
  }

  void insightNote(String line) {
    Benchmark.log(line);
    insightData.add(line);
  }

  void insightLatency(String page, String path, Latency.Stats stats) {
    Benchmark.log(path + ": " + stats);
    insightLatency.add(row(page + " `" + path + "`", stats));
  }

  /** The machine's load average at a phase's start and end: the cores are shared with other work. */
  void load(String phase, String when, String loadAverage) {
    loads.add(phase + " " + when + ": " + loadAverage);
  }

  void checkIn(CheckInPeak.Result r, CheckInPeak.Cost cost, int employees, int fromCaseload, long checkInsBefore,
      int weeks, long rssKib) {
    Benchmark.log("Check-in peak: " + r);
    Benchmark.log("Check-in cost: " + cost);
    checkIns.add(("%d employees (%d of them the caseload's, the others reported sick today) with %d check-ins before "
        + "(%d weekly ones each), all checking in once within the hour, compressed %sx: %d arrivals in %s s "
        + "(busiest minutes twice the average), done in %s s; at most %d at once; node RSS %d MB afterwards.")
        .formatted(employees, fromCaseload, checkInsBefore, weeks, format(r.compression()), r.arrivals(),
            format(r.window().toMillis() / 1000.0), format(r.took().toMillis() / 1000.0), r.maxInFlight(),
            rssKib / 1024));
    checkIns.add(("Submits answered: %s/s over the run, %s/s in its busiest tenth (3,000 employees in a real hour: "
        + "0.8/s on average, 1.7/s at its busiest); errors: %d%s.")
        .formatted(format(r.submitsPerSecond()), format(r.busiestTenthPerSecond()), r.errors(), r.errorSamples().isEmpty() ? ""
                : " (" + String.join("; ", r.errorSamples()) + ")"));
    checkIns.add("Triage of the stored check-ins: " + r.triage() + "; load average before " + r.loadBefore()
        + ", after " + r.loadAfter() + ".");
    checkIns.add("|step | n | median ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|");
    checkIns.add("| log in (GET and POST `/login`) | " + String.join(" | ", tail(r.login())) + " |");
    checkIns.add("| open the check-in (GET `/mijn-traject/check-in`) | " + String.join(" | ", tail(r.form())) + " |");
    checkIns.add("| **submit** (POST `/mijn-traject/check-in`, triage included; target p95 ≤ 200 ms) | "
        + String.join(" | ", tail(r.submit())) + " |");
    checkIns.add("| result page (GET `/mijn-traject/check-in/{id}`) | " + String.join(" | ", tail(r.result())) + " |");
    checkIns.add("| arrival waiting for a free user thread | " + String.join(" | ", tail(r.lag())) + " |");
    checkIns.add("");
    checkIns.add("What one submit costs PostgreSQL (%d submits one after the other, every statement logged): %s "
        .formatted(cost.submits(), format(cost.perSubmit())) + "statements per submit (job executor's polls left "
        + "out: " + cost.jobExecutor() + "), by kind per submit: " + cost.byKind().entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .map(e -> e.getKey() + " " + format(e.getValue() / (double) cost.submits()))
        .collect(Collectors.joining(", ")) + ".");
  }

  private static List<String> tail(Latency.Stats stats) {
    String[] row = row("", stats);
    return List.of(row).subList(1, row.length);
  }

  void failure(String phase, Exception e) {
    failures.add("Phase `" + phase + "` failed: " + e);
  }

  /** The middle value of a sorted list; of an even count, the mean of the two middle ones. */
  private static double median(List<Double> sorted) {
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String throughputRow(NationalWorkload.Result t, PgBench.Result p, String round) {
    return "| " + t.workers() + round + " | " + (t.withFileWrite() ? "step with its file write" : "step completion")
        + " | " + t.completions() + " in " + t.measured().toSeconds() + " s"
        + (t.failures() > 0 ? " (" + t.failures() + " failed)" : "")
        + " | " + format(t.perSecond())
        + " | " + (p == null ? "–" : format(p.tps()))
        + " | " + (p == null ? "–" : format(100 * t.perSecond() / p.tps()) + " %") + " |\n";
  }

  private static String[] row(String label, Latency.Stats stats) {
    return new String[] {label, String.valueOf(stats.count()), format(stats.medianMs()), format(stats.p95Ms()),
        format(stats.p99Ms()), format(stats.maxMs())};
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# BlueVitaal benchmark\n\n");
    machine.forEach(line -> md.append(line).append("\n"));
    md.append("\n## Data\n\n");
    data.forEach(line -> md.append("- ").append(line).append("\n"));

    if (!throughput.isEmpty() || !pgbench.isEmpty()) {
      md.append("\n## Journey throughput beside pgbench (target: ratio ≥ 15 %)\n\n")
          .append("A completion: a person completes their next open step through BlueVitaal's step service, as the ")
          .append("API and the task forms do (access check, the engine's completion with the journey's writes to ")
          .append("the case file, the audit event; one transaction). With the file write: first the document, notes ")
          .append("and goals the step asks for, through the case-file services (their own transactions, as the ")
          .append("pages do them). The workers run in the benchmark's own JVM (in-process app, C2 and G1), not ")
          .append("with the nodes' flags. pgbench: TPC-B-like default script, scale 10, same server, as many clients ")
          .append("as workers.\n\n")
          .append("| workers / clients | what | completions | completions/s | pgbench TPS | ratio |\n")
          .append("|---|---|---|---|---|---|\n");
      boolean rounds = Stream.concat(pgbench.stream(), throughput.stream()).anyMatch(m -> m.round() > 1);
      for (InRound<PgBench.Result> p : pgbench) {
        List<InRound<NationalWorkload.Result>> same = throughput.stream()
            .filter(t -> t.round() == p.round() && t.result().workers() == p.result().clients()).toList();
        String round = rounds ? " (round " + p.round() + ")" : "";
        if (same.isEmpty()) {
          md.append("| ").append(p.result().clients()).append(round).append(" | – | – | – | ")
              .append(format(p.result().tps())).append(" | – |\n");
        }
        for (InRound<NationalWorkload.Result> t : same) {
          md.append(throughputRow(t.result(), p.result(), round));
        }
      }
      if (pgbench.isEmpty()) {
        throughput.forEach(t -> md.append(throughputRow(t.result(), null, "")));
      }
      if (rounds) {
        md.append("\nThe ratio per round and its median (each round's completions beside that round's pgbench):\n\n");
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (InRound<NationalWorkload.Result> t : throughput) {
          String variant = t.result().workers() + " worker(s), "
              + (t.result().withFileWrite() ? "step with its file write" : "step completion");
          pgbench.stream().filter(p -> p.round() == t.round() && p.result().clients() == t.result().workers())
              .findFirst().ifPresent(p -> ratios.computeIfAbsent(variant, v -> new ArrayList<>())
                  .add(100 * t.result().perSecond() / p.result().tps()));
        }
        ratios.forEach((variant, each) -> {
          List<Double> sorted = each.stream().sorted().toList();
          md.append("- ").append(variant).append(": ")
              .append(String.join(", ", each.stream().map(r -> format(r) + " %").toList()))
              .append("; median ").append(format(median(sorted))).append(" %\n");
        });
      }
    }
    if (!latency.isEmpty()) {
      md.append("\n## Page latency, logged in over HTTP, one user at a time (target: p95 ≤ 100 ms)\n\n")
          .append("References: the engine's REST task query with HTTP Basic as the same counsellor; the candidateGroup ")
          .append("query returns no rows at this caseload (the case's counsellor is offered the steps as a user).\n\n")
          .append("| request | n | median ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
      latency.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
      references.forEach(r -> md.append("| reference: ").append(String.join(" | ", r)).append(" |\n"));
    }
    if (!checkIns.isEmpty()) {
      md.append("\n## Weekly check-in peak (target: submit p95 ≤ 200 ms, triage included; 0 errors)\n\n")
          .append("Each employee as on their phone, over HTTP against one node: logs in, opens the check-in, sends ")
          .append("WHO-5 answers (a note in one of four) and reads the result. Arrival moments drawn from a ")
          .append("triangular density over the hour (rising to twice the average in the middle), the hour compressed ")
          .append("by the factor given; an open model (arrivals do not wait for earlier answers).\n\n");
      checkIns.forEach(line -> md.append(line.startsWith("|") || line.isEmpty() ? line + "\n" : line + "\n\n"));
    }
    if (!storms.isEmpty()) {
      md.append("\n## Timer storm (target: ≤ 30 s on two nodes, each timer exactly once)\n\n")
          .append("| nodes | job threads per node | storm timers | all due timers | handled in s | escalations ")
          .append("| cases escalated once | more than once | failed jobs | failed job runs | timers per node ")
          .append("| first timer after s |\n")
          .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (TimerStorm.Result s : storms) {
        md.append("| ").append(s.nodes()).append(" | ").append(s.jobThreadsPerNode()).append(" | ")
            .append(s.cohortTimers()).append(" | ").append(s.timersDue())
            .append(" | ").append(format(s.handledIn().toMillis() / 1000.0)).append(" | ").append(s.escalations())
            .append(" | ").append(s.casesEscalatedOnce()).append(" | ").append(s.casesEscalatedTwice())
            .append(" | ").append(s.failedJobs()).append(" | ").append(s.failedRuns()).append(" | ")
            .append(s.jobsPerNode().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")))
            .append(" | ").append(s.firstHandledAfterSeconds().entrySet().stream()
                .map(e -> e.getKey() + ": " + format(e.getValue())).collect(Collectors.joining(", ")))
            .append(" |\n");
      }
    }
    if (!readModels.isEmpty()) {
      md.append("\n## Insight's read model\n\n");
      readModels.forEach(line -> md.append(line).append('\n'));
    }
    if (insightHeading != null) {
      md.append("\n## Insight pages on a synthetic read model of ").append(insightHeading)
          .append(" (target: p95 ≤ 100 ms)\n\n")
          .append("The pages, queries, group-size gate and node are the real ones; only the read model's rows are ")
          .append("synthetic, written as its writer writes them for the events of each case's life. Logged in over ")
          .append("HTTP, one user at a time.\n\n");
      insightData.forEach(line -> md.append("- ").append(line).append("\n"));
      if (!insightLatency.isEmpty()) {
        md.append("\n| request | n | median ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        insightLatency.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
      }
    }
    if (!migrations.isEmpty()) {
      md.append("\n## Moving running cases to a new version\n\n")
          .append("Ours: the migration page's run, every running journey, one instance per transaction with its ")
          .append("result kept (and its renamed step's name set). The engine's: the same move back as one batch ")
          .append("(`executeAsync`, default batch size), its jobs run one after the other in this JVM; time from the ")
          .append("engine's batch history.\n\n")
          .append("| how | instances | moved | s | instances/s | batch jobs | batch jobs/s |\n")
          .append("|---|---|---|---|---|---|---|\n");
      for (MigrationBench.Result m : migrations) {
        md.append("| ours, per instance | ").append(m.instances()).append(" | ").append(m.succeeded()).append(" | ")
            .append(format(m.ours().toMillis() / 1000.0)).append(" | ").append(format(m.oursPerSecond()))
            .append(" | – | – |\n");
        md.append("| engine batch").append(m.batchCompleted() ? "" : " (not finished)").append(" | ")
            .append(m.batchInstances()).append(" | – | ").append(format(m.batchMillis() / 1000.0)).append(" | ")
            .append(format(m.batchInstancesPerSecond())).append(" | ").append(m.batchJobs()).append(" | ")
            .append(format(m.batchJobsPerSecond())).append(" |\n");
        md.append("| dry run (nothing moved) | ").append(m.previewed()).append(" | – | ")
            .append(format(m.dryRun().toMillis() / 1000.0)).append(" | ")
            .append(format(m.previewed() / Math.max(0.001, m.dryRun().toMillis() / 1000.0))).append(" | – | – |\n");
      }
    }
    if (!startups.isEmpty()) {
      md.append("\n## Start-up and memory (target on PostgreSQL: ≤ 10 s, RSS ≤ 600 MB)\n\n")
          .append("| database | launch → health UP s | Spring Boot \"Started in\" s | RSS after start MB ")
          .append("| RSS at the end MB |\n|---|---|---|---|---|\n");
      startups.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
    }
    if (!loads.isEmpty()) {
      md.append("\n## Load average of the machine (1, 5, 15 min) around each phase\n\n");
      loads.forEach(l -> md.append("- ").append(l).append("\n"));
    }
    if (!failures.isEmpty()) {
      md.append("\n## Failed\n\n");
      failures.forEach(f -> md.append("- ").append(f).append("\n"));
    }
    return md.toString();
  }

  private static String cores() {
    try {
      return String.valueOf(Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("processor")).count());
    } catch (Exception e) {
      return "?";
    }
  }

  private static String memory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return (os.getTotalMemorySize() / (1024 * 1024 * 1024)) + " GiB";
    }
    return "?";
  }
}
