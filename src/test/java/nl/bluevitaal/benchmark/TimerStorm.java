package nl.bluevitaal.benchmark;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Thousands of legal deadlines falling due at the same moment, handled by one or two app nodes sharing the database.
 * The storm cohort's week-6 timers all fall due at the start of tomorrow; the nodes start with their clocks set ahead
 * so that moment arrives about a minute after launch, when they are up and idle. From then on the database is polled
 * until every due timer is gone; afterwards the engine's history must show exactly one escalation per case.
 */
final class TimerStorm {

  record Result(int nodes, long timersDue, long cohortTimers, Duration handledIn, long escalations,
      long casesEscalatedOnce, long casesEscalatedTwice, long failedJobs, Map<String, Long> jobsPerNode,
      long failedRuns, Map<String, Double> firstHandledAfterSeconds, String jobThreadsPerNode) {
  }

  private static final String COHORT_BUSINESS_KEYS = """
      select cast(c.id as varchar) from reintegration_case c join employee e on e.id = c.employee_id
      where e.personnel_number like 'ST-%'""";

  private TimerStorm() {
  }

  static Result run(Postgres postgres, String database, int nodes, Path jar, List<String> jvmOptions,
      List<String> appArgs, Path workDir) throws Exception {
    Timestamp due = dueMoment(postgres, database);
    long cohortTimers = postgres.number(database, """
        select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
        where j.type_ = 'timer' and j.duedate_ = ? and e.business_key_ in (%s)""".formatted(COHORT_BUSINESS_KEYS),
        due);
    Duration lead = Duration.ofSeconds(nodes == 1 ? 40 : 55);
    Instant realDue = Instant.now().plus(lead);
    long clockAhead = due.toInstant().toEpochMilli() - realDue.toEpochMilli();
    // The nodes run on this one machine and share its cores (and the database's): each gets its share of job
    // threads, as the application's setting asks of a deployment (two on a node with two cores to itself, one each
    // for two nodes sharing them). A --app setting of the pool wins.
    List<String> nodeArgs = new ArrayList<>(appArgs);
    String threads = appArgs.stream().filter(a -> a.contains("job-execution.core-pool-size=")).findFirst()
        .map(a -> a.substring(a.indexOf('=') + 1)).orElse(null);
    if (threads == null) {
      threads = String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / nodes));
      nodeArgs.add("--camunda.bpm.job-execution.core-pool-size=" + threads);
      nodeArgs.add("--camunda.bpm.job-execution.max-pool-size=" + threads);
    }
    List<AppNode> started = new ArrayList<>();
    try {
      for (int n = 1; n <= nodes; n++) {
        String name = "storm" + nodes + "-node" + n;
        started.add(AppNode.start(new AppNode.Settings(name, jar, jvmOptions, Benchmark.postgresEnv(postgres, database),
            java.util.stream.Stream.concat(nodeArgs.stream(),
                java.util.stream.Stream.of("--camunda.bpm.generic-properties.properties.hostname=node-" + n)).toList(),
            AppNode.freePort(), clockAhead, workDir.resolve(name + ".log"))));
      }
      for (AppNode node : started) {
        node.awaitReady(Duration.ofMinutes(3));
      }
      if (Instant.now().isAfter(realDue)) {
        throw new IllegalStateException("The nodes were not up before the storm; raise the lead time");
      }
      // Other cases' timers that fell due between the caseload's making and the storm moment are worked off first,
      // so the storm's time is the storm's alone.
      while (postgres.number(database, "select count(*) from act_ru_job where type_ = 'timer' and duedate_ < ?"
          + " and retries_ > 0", due) > 0) {
        if (Instant.now().isAfter(realDue)) {
          throw new IllegalStateException("Timers due before the storm were still open at the storm moment");
        }
        Thread.sleep(200);
      }
      long timersDue = postgres.number(database,
          "select count(*) from act_ru_job where type_ = 'timer' and duedate_ = ? and retries_ > 0", due);
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), realDue).toMillis()));
      long start = System.nanoTime();
      Duration handledIn = null;
      while (System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
        long left = postgres.number(database,
            "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ? and retries_ > 0", due);
        if (left == 0) {
          handledIn = Duration.ofNanos(System.nanoTime() - start);
          break;
        }
        Thread.sleep(100);
      }
      if (handledIn == null) {
        throw new IllegalStateException("The timer storm was not handled within 10 minutes");
      }
      String cohort = "business_key_ in (" + COHORT_BUSINESS_KEYS + ")";
      // A missed deadline is marked once by its watch (MilestoneWatch, Task_MarkDeadlineOverdue), then escalated.
      String marked = "select p.business_key_ from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
          + " where a.act_id_ = 'Task_MarkDeadlineOverdue' and a.end_time_ >= ? and p." + cohort;
      long escalations = postgres.number(database, "select count(*) from (" + marked + ") x", due);
      long once = postgres.number(database, "select count(*) from (select business_key_ from (" + marked + ") m"
          + " group by business_key_ having count(*) = 1) x", due);
      long twice = postgres.number(database, "select count(*) from (select business_key_ from (" + marked + ") m"
          + " group by business_key_ having count(*) > 1) x", due);
      long failed = postgres.number(database, "select count(*) from act_ru_job j join act_ru_execution e"
          + " on e.id_ = j.process_instance_id_ where j.retries_ = 0 and e." + cohort);
      Map<String, Long> perNode = new java.util.TreeMap<>();
      for (String row : postgres.strings(database, "select hostname_ || '=' || count(*) from act_hi_job_log"
          + " where job_def_type_ like 'timer%' and timestamp_ >= ? and job_state_ = 2"
          + " group by hostname_", due)) {
        String[] parts = row.split("=");
        perNode.put(parts[0], Long.parseLong(parts[1]));
      }
      // When each node handled its first storm timer, counted from the storm moment: an idle node looks for due jobs
      // only every so often (camunda.bpm.job-execution.max-wait), and that wait is part of the storm's time.
      Map<String, Double> firstAfter = new java.util.TreeMap<>();
      for (String row : postgres.strings(database, "select hostname_ || '=' || cast(extract(epoch from"
          + " min(timestamp_) - cast(? as timestamp)) as varchar) from act_hi_job_log where job_def_type_ like 'timer%'"
          + " and timestamp_ >= ? and job_state_ = 2 group by hostname_", due, due)) {
        String[] parts = row.split("=");
        firstAfter.put(parts[0], Double.parseDouble(parts[1]));
      }
      // How the storm went: timers handled in each five seconds from the moment (a node still warming up handles
      // fewer), in the log only.
      Benchmark.log("Timer storm: timers handled per 5 s from the moment: " + String.join(", ", postgres.strings(
          database, "select cast(count(*) as varchar) from (select floor(extract(epoch from timestamp_"
              + " - cast(? as timestamp)) / 5) as part from act_hi_job_log where job_def_type_ like 'timer%'"
              + " and timestamp_ >= ? and job_state_ = 2) handled group by part order by part", due, due)));
      long retries = postgres.number(database, "select count(*) from act_hi_job_log where timestamp_ >= ?"
          + " and job_state_ = 1", due);
      return new Result(nodes, timersDue, cohortTimers, handledIn, escalations, once, twice, failed, perNode,
          retries, firstAfter, threads);
    } finally {
      for (AppNode node : started) {
        node.close();
      }
    }
  }

  /**
   * The moment the cohort's week-6 timers fall due: all the same, the start of the day after the legal last day. (Each
   * case also waits for later timers, such as the end of wage payment in week 104.)
   */
  static Timestamp dueMoment(Postgres postgres, String database) throws SQLException {
    List<String> moments = postgres.strings(database, """
        select cast(min(j.duedate_) as varchar) from act_ru_job j
        join act_ru_execution e on e.id_ = j.process_instance_id_
        where j.type_ = 'timer' and e.business_key_ in (%s)""".formatted(COHORT_BUSINESS_KEYS));
    if (moments.isEmpty() || moments.get(0) == null) {
      throw new IllegalStateException("The storm cohort has no timers");
    }
    Timestamp due = Timestamp.valueOf(moments.get(0));
    // The nodes' clocks are set ahead to this moment: a wrong cohort must not send them years ahead.
    if (Duration.between(Instant.now(), due.toInstant()).toDays() > 2) {
      throw new IllegalStateException("The storm cohort's first timer is due " + due + ", not tomorrow");
    }
    return due;
  }
}
