package nl.bluevitaal.journey.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks for how BlueVitaal uses it, added after the engine has made or checked its tables
 * (Flyway runs before the engine and cannot index tables that do not exist yet). Our own name prefix, so an index a
 * later engine version brings does not clash.
 *
 * <ul>
 *   <li>BV_IDX_TASK_PARENT: completing a task makes the engine look for its subtasks by PARENT_TASK_ID_, which has no
 *   index: a full scan of the open tasks on every completion. At the benchmark's national scale (4,400 open tasks)
 *   that was the most expensive statement of a step completion, 1.5 ms on average.</li>
 *   <li>BV_IDX_JOB_DUEDATE and BV_IDX_JOB_LOCK_EXP: the job executor acquires due jobs in due-date order
 *   (jobExecutorAcquireByDueDate) and skips process instances with a job in progress (by LOCK_EXP_TIME_). Without
 *   these every acquisition sorted all 11,000 jobs and scanned them again for locks; PostgreSQL also compiled the
 *   query with its JIT because of the high cost estimate. In the benchmark's timer storm an acquisition took 37-40 ms,
 *   two thirds of a core on two nodes; with both indexes 0.1 ms.</li>
 * </ul>
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  static final List<String> INDEXES = List.of(
      "create index if not exists BV_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)",
      "create index if not exists BV_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)",
      "create index if not exists BV_IDX_JOB_LOCK_EXP on ACT_RU_JOB (LOCK_EXP_TIME_)");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    for (String index : INDEXES) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(index);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } catch (SQLException e) {
        // Two nodes starting at once may race to create one; the engine works without it, only slower.
        log.warn("Could not add an index to the engine's tables ({}): {}", index, e.getMessage());
      }
    }
  }
}
