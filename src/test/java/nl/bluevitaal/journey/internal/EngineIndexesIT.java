package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indexes the engine's schema lacks are there once the engine is up, and adding them again changes nothing. */
@PostgresIntegrationTest
class EngineIndexesIT {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @Test
  void theEnginesTablesHaveTheIndexesItsUseNeedsOnceTheEngineIsUp() {
    assertThat(definition("bv_idx_task_parent")).contains("act_ru_task", "parent_task_id_");
    assertThat(definition("bv_idx_job_duedate")).contains("act_ru_job", "duedate_");
    assertThat(definition("bv_idx_job_lock_exp")).contains("act_ru_job", "lock_exp_time_");
  }

  @Test
  void aRestartFindsEachOneAndSoTakesNoTableLock() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
        assertThat(EngineIndexes.exists(connection, index)).as(index.name()).isTrue();
      }
      assertThat(EngineIndexes.exists(connection, new EngineIndexes.Index("BV_IDX_NOT_THERE", "ACT_RU_TASK",
          "NAME_"))).isFalse();
    }
    new EngineIndexes().postProcessEngineBuild(engine);

    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname like 'bv_idx_%'", Integer.class))
        .isEqualTo(EngineIndexes.INDEXES.size());
  }

  private String definition(String index) {
    List<String> found = jdbc.queryForList("select indexdef from pg_indexes where indexname = ?", String.class, index);
    assertThat(found).as(index).hasSize(1);
    return found.get(0);
  }
}
