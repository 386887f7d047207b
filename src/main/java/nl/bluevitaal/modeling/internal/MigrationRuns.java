package nl.bluevitaal.modeling.internal;

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
import nl.bluevitaal.modeling.MigrationRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The migration runs and their per-instance results ({@code V27__case_migrations}). */
@Repository
public class MigrationRuns {

  private final JdbcClient jdbc;

  MigrationRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a finished run with all its results in one transaction. */
  @Transactional
  public void save(MigrationRun run) {
    MigrationRequest request = run.request();
    jdbc.sql("""
            insert into case_migration_run (id, process_key, source_version, target_version, mappings, retry_of,
                started_by, started_at, finished_at, succeeded, failed)
            values (:id, :key, :source, :target, :mappings, :retryOf, :by, :started, :finished, :succeeded, :failed)""")
        .param("id", run.id()).param("key", request.processKey()).param("source", request.sourceVersion())
        .param("target", request.targetVersion()).param("mappings", format(request.mappings()))
        .param("retryOf", run.retryOf()).param("by", run.startedBy()).param("started", run.startedAt())
        .param("finished", run.finishedAt()).param("succeeded", run.succeeded()).param("failed", run.failed())
        .update();
    for (MigrationRun.Result result : run.results()) {
      jdbc.sql("""
              insert into case_migration_result (run_id, process_instance_id, case_id, succeeded, problem,
                  activity_id, detail)
              values (:run, :instance, :caseId, :succeeded, :problem, :activity, :detail)""")
          .param("run", run.id()).param("instance", result.processInstanceId()).param("caseId", result.caseId())
          .param("succeeded", result.succeeded())
          .param("problem", result.problem() == null ? null : result.problem().name())
          .param("activity", result.activityId()).param("detail", result.detail()).update();
    }
  }

  @Transactional(readOnly = true)
  public Optional<MigrationRun> find(UUID id) {
    return jdbc.sql("select * from case_migration_run where id = :id").param("id", id)
        .query((rs, n) -> run(rs, results(id))).optional();
  }

  /** The latest runs, newest first, without their results. */
  @Transactional(readOnly = true)
  public List<MigrationRun> latest(int limit) {
    return jdbc.sql("select * from case_migration_run order by started_at desc, id fetch first :limit rows only")
        .param("limit", limit).query((rs, n) -> run(rs, List.of())).list();
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

  private static MigrationRun run(java.sql.ResultSet rs, List<MigrationRun.Result> results)
      throws java.sql.SQLException {
    MigrationRequest request = new MigrationRequest(rs.getString("process_key"), rs.getInt("source_version"),
        rs.getInt("target_version"), parse(rs.getString("mappings")));
    return new MigrationRun(rs.getObject("id", UUID.class), request, rs.getObject("retry_of", UUID.class),
        rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("finished_at", OffsetDateTime.class), rs.getInt("succeeded"), rs.getInt("failed"), results);
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
