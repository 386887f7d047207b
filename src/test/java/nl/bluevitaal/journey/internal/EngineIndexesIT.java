package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The index the engine's schema lacks is there once the engine is up, and adding it again changes nothing. */
@PostgresIntegrationTest
class EngineIndexesIT {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;

  @Test
  void subtasksAreFoundByIndex() {
    new EngineIndexes().postProcessEngineBuild(engine);

    assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = 'bv_idx_task_parent'",
        String.class)).singleElement().asString().contains("act_ru_task", "parent_task_id_");
  }
}
