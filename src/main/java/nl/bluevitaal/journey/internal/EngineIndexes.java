package nl.bluevitaal.journey.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
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

  /** An index on one of the engine's tables: name, table, column. */
  record Index(String name, String table, String column) {

    String create() {
      return "create index " + name + " on " + table + " (" + column + ")";
    }
  }

  static final List<Index> INDEXES = List.of(
      new Index("BV_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
      new Index("BV_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_"),
      new Index("BV_IDX_JOB_LOCK_EXP", "ACT_RU_JOB", "LOCK_EXP_TIME_"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    for (Index index : INDEXES) {
      try (Connection connection = dataSource.getConnection()) {
        // Looked up first: even "create index if not exists" takes a lock on the table in PostgreSQL, and a node
        // restarting in a cluster must not stall the other node's job executor behind it.
        if (exists(connection, index)) {
          continue;
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute(index.create());
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        log.info("Added index {} on {}({})", index.name(), index.table(), index.column());
      } catch (SQLException e) {
        // Two nodes starting at once may race to create one; the engine works without it, only slower.
        log.warn("Could not add index {} to the engine's tables: {}", index.name(), e.getMessage());
      }
    }
  }

  /** H2 keeps names as written (upper case here), PostgreSQL folds them to lower case. */
  static boolean exists(Connection connection, Index index) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
      try (ResultSet indexes = meta.getIndexInfo(null, null, table, false, true)) {
        while (indexes.next()) {
          if (index.name().equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
