package nl.bluevitaal.modeling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.ProblemKind;
import nl.bluevitaal.modeling.MigrationAlreadyRunningException;
import nl.bluevitaal.modeling.MigrationRun;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The migration runs and their per-instance results ({@code V27__case_migrations}), the lock that keeps one run per
 * process going at a time ({@code V37__case_migration_in_background}), and what dry runs counted
 * ({@code V45__case_migration_dry_run_in_background}).
 */
@Repository
public class MigrationRuns {

  private final JdbcClient jdbc;

  MigrationRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a run as it starts, holding the process's lock: one run at a time per process, over all nodes. A lock whose
   * run has not reported for {@code staleAfter} was left by a node that died: that run is closed as interrupted and
   * the lock taken over.
   *
   * @throws MigrationAlreadyRunningException when another run of the process is going on
   */
  @Transactional
  public void start(MigrationRun run, Duration staleAfter) {
    MigrationRequest request = run.request();
    OffsetDateTime now = run.startedAt();
    Optional<UUID> held = jdbc.sql("select run_id from case_migration_lock where process_key = :key for update")
        .param("key", request.processKey()).query(UUID.class).optional();
    if (held.isPresent()) {
      OffsetDateTime heartbeat = jdbc.sql("select heartbeat_at from case_migration_run where id = :id")
          .param("id", held.get()).query(OffsetDateTime.class).optional().orElse(null);
      if (heartbeat != null && heartbeat.isAfter(now.minus(staleAfter))) {
        throw new MigrationAlreadyRunningException(request.processKey(), held.get());
      }
      finish(held.get(), MigrationRun.Status.INTERRUPTED, now);
    }
    jdbc.sql("""
            insert into case_migration_run (id, process_key, source_version, target_version, mappings, retry_of,
                started_by, started_at, finished_at, succeeded, failed, status, planned, heartbeat_at, dry_run)
            values (:id, :key, :source, :target, :mappings, :retryOf, :by, :started, null, 0, 0, 'RUNNING', :planned,
                :started, :dryRun)""")
        .param("id", run.id()).param("key", request.processKey()).param("source", request.sourceVersion())
        .param("target", request.targetVersion()).param("mappings", format(request.mappings()))
        .param("retryOf", run.retryOf()).param("by", run.startedBy()).param("started", now)
        .param("planned", run.planned()).param("dryRun", run.dryRun())
        .update();
    try {
      jdbc.sql("insert into case_migration_lock (process_key, run_id, taken_at) values (:key, :run, :now)")
          .param("key", request.processKey()).param("run", run.id()).param("now", now).update();
    } catch (DuplicateKeyException e) {
      // Another node took the lock between our look and our insert: its run goes on, ours never started.
      throw new MigrationAlreadyRunningException(request.processKey(), null);
    }
  }

  /** Adds the outcomes of the instances just done, and reports the run alive. */
  @Transactional
  public void progress(UUID runId, List<MigrationRun.Result> results, OffsetDateTime now) {
    progress(runId, results, List.of(), now);
  }

  /** Adds the outcomes of the instances a dry run just did, with what it counted in them, and reports it alive. */
  @Transactional
  public void progress(UUID runId, List<MigrationRun.Result> results, List<MigrationRun.Count> counts,
      OffsetDateTime now) {
    for (MigrationRun.Count count : counts) {
      jdbc.sql("""
              insert into case_migration_count (run_id, problem, from_activity, from_name, to_activity, to_name,
                  detail, cases)
              values (:run, :problem, :from, :fromName, :to, :toName, :detail, :cases)""")
          .param("run", runId).param("problem", count.problem() == null ? null : count.problem().name())
          .param("from", count.from()).param("fromName", count.fromName()).param("to", count.to())
          .param("toName", count.toName()).param("detail", count.detail())
          .param("cases", count.cases()).update();
    }
    int succeeded = 0;
    for (MigrationRun.Result result : results) {
      jdbc.sql("""
              insert into case_migration_result (run_id, process_instance_id, case_id, succeeded, problem,
                  activity_id, detail)
              values (:run, :instance, :caseId, :succeeded, :problem, :activity, :detail)""")
          .param("run", runId).param("instance", result.processInstanceId()).param("caseId", result.caseId())
          .param("succeeded", result.succeeded())
          .param("problem", result.problem() == null ? null : result.problem().name())
          .param("activity", result.activityId()).param("detail", result.detail()).update();
      succeeded += result.succeeded() ? 1 : 0;
    }
    jdbc.sql("""
            update case_migration_run set succeeded = succeeded + :succeeded, failed = failed + :failed,
                   heartbeat_at = :now
             where id = :id""")
        .param("succeeded", succeeded).param("failed", results.size() - succeeded).param("now", now)
        .param("id", runId).update();
  }

  /** Closes the run as done or interrupted and releases its process's lock. */
  @Transactional
  public void finish(UUID runId, MigrationRun.Status status, OffsetDateTime now) {
    jdbc.sql("update case_migration_run set status = :status, finished_at = :now where id = :id")
        .param("status", status.name()).param("now", now).param("id", runId).update();
    jdbc.sql("delete from case_migration_lock where run_id = :id").param("id", runId).update();
  }

  @Transactional(readOnly = true)
  public Optional<MigrationRun> find(UUID id) {
    return jdbc.sql("select * from case_migration_run where id = :id").param("id", id)
        .query((rs, n) -> run(rs, results(id), counts(id))).optional();
  }

  /** The latest runs, newest first, without their results. */
  @Transactional(readOnly = true)
  public List<MigrationRun> latest(int limit) {
    return jdbc.sql("select * from case_migration_run order by started_at desc, id fetch first :limit rows only")
        .param("limit", limit).query((rs, n) -> run(rs, List.of(), List.of())).list();
  }

  private List<MigrationRun.Result> results(UUID runId) {
    return jdbc.sql("""
            select process_instance_id, case_id, succeeded, problem, activity_id, detail from case_migration_result
            where run_id = :run order by succeeded, case_id, process_instance_id""")
        .param("run", runId)
        .query((rs, n) -> new MigrationRun.Result(rs.getString("process_instance_id"), rs.getString("case_id"),
            rs.getBoolean("succeeded"), rs.getString("problem") == null ? null
                : ProblemKind.valueOf(rs.getString("problem")), rs.getString("activity_id"), rs.getString("detail")))
        .list();
  }

  /**
   * A dry run's counts, each chunk's summed: moves first, then problems, each by their activities; the detail is the
   * engine's sentence of one of the cases (they differ by the instance's id at most).
   */
  private List<MigrationRun.Count> counts(UUID runId) {
    return jdbc.sql("""
            select problem, from_activity, min(from_name) as from_name, to_activity, min(to_name) as to_name,
                   min(detail) as detail, sum(cases) as cases
              from case_migration_count where run_id = :run
             group by problem, from_activity, to_activity
             order by problem nulls first, from_activity, to_activity""")
        .param("run", runId)
        .query((rs, n) -> new MigrationRun.Count(rs.getString("problem") == null ? null
            : ProblemKind.valueOf(rs.getString("problem")), rs.getString("from_activity"), rs.getString("from_name"),
            rs.getString("to_activity"), rs.getString("to_name"), rs.getString("detail"), rs.getLong("cases")))
        .list();
  }

  private static MigrationRun run(ResultSet rs, List<MigrationRun.Result> results, List<MigrationRun.Count> counts)
      throws SQLException {
    MigrationRequest request = new MigrationRequest(rs.getString("process_key"), rs.getInt("source_version"),
        rs.getInt("target_version"), parse(rs.getString("mappings")));
    return new MigrationRun(rs.getObject("id", UUID.class), request, rs.getObject("retry_of", UUID.class),
        rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("finished_at", OffsetDateTime.class), rs.getInt("succeeded"), rs.getInt("failed"), results,
        MigrationRun.Status.valueOf(rs.getString("status")), rs.getInt("planned"),
        rs.getObject("heartbeat_at", OffsetDateTime.class), rs.getBoolean("dry_run"), counts);
  }

  static String format(Map<String, String> mappings) {
    return mappings.entrySet().stream().map(e -> e.getKey() + ">" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  static Map<String, String> parse(String text) {
    Map<String, String> mappings = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return mappings;
    }
    Arrays.stream(text.split(";")).map(pair -> pair.split(">", 2)).filter(pair -> pair.length == 2)
        .forEach(pair -> mappings.put(pair[0], pair[1]));
    return mappings;
  }
}
