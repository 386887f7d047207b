package nl.bluevitaal.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.bluevitaal.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Long steps (spoor 1 takes months) have their median and 90th percentile on H2 as on PostgreSQL. */
@ApplicationTest
class ModelHeatQueriesTest {

  @Autowired
  ModelHeatQueries queries;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void stepsOfMoreThan116DaysHaveTheirPercentiles() {
    jdbc.update("delete from insight_step where process_key = 'LongSteps'");
    OffsetDateTime opened = OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    // 120, 240 and 360 days: 10^7 seconds and more, where H2 could not interpolate between doubles.
    IntStream.of(120, 240, 360).forEach(days -> jdbc.update("""
            insert into insight_step (task_id, case_id, process_key, element_id, opened_at, ended_at, completed)
            values (?, ?, 'LongSteps', 'Task_Spoor1', ?, ?, true)""", UUID.randomUUID().toString(), UUID.randomUUID(),
        Timestamp.from(opened.toInstant()), Timestamp.from(opened.plusDays(days).toInstant())));

    ModelHeatQueries.Spent spent = queries.spent("LongSteps", opened, opened.plusYears(2)).get("Task_Spoor1");

    assertThat(spent.cases()).isEqualTo(3);
    assertThat(spent.medianDays()).isEqualTo(240.0);
    assertThat(spent.p90Days()).isEqualTo(336.0);
  }
}
