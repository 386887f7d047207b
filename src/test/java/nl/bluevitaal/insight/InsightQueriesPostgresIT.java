package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.insight.internal.ModelHeatQueries;
import nl.bluevitaal.insight.internal.WorkListQueries;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heatmap's and the work list's SQL on PostgreSQL, as on H2: percentiles over epoch seconds, the period's bounds,
 * the late share, and a counsellor's counts with the missing aspects' date conditions. Keys of their own (a process
 * key and counsellors nobody else uses), as the PostgreSQL tests share one database.
 */
@PostgresIntegrationTest
class InsightQueriesPostgresIT {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ModelHeatQueries heat;
  @Autowired
  WorkListQueries workList;

  @Test
  void theHeatmapsFiguresComeOutAsOnH2() {
    WorkRows rows = new WorkRows(jdbc);
    String process = "HeatTest" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate ended = LocalDate.of(2026, 3, 10);
    for (int days = 1; days <= 10; days++) {
      rows.step(process, "Task_A", UUID.randomUUID(), ended.minusDays(days), ended, true,
          days >= 8 ? ended.minusDays(1) : ended);
    }
    rows.step(process, "Task_A", UUID.randomUUID(), ended.minusDays(50), ended, false, ended);
    rows.step(process, "Task_A", UUID.randomUUID(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 5), true, null);
    UUID twice = UUID.randomUUID();
    rows.step(process, "Task_B", twice, ended, null, null, null);
    rows.step(process, "Task_B", twice, ended, null, null, null);

    Map<String, ModelHeatQueries.Spent> spent = heat.spent(process, WorkRows.noon(LocalDate.of(2026, 1, 1))
        .minusHours(12), OffsetDateTime.parse("2026-04-01T00:00:00+02:00"));
    ModelHeatQueries.Spent a = spent.get("Task_A");
    assertThat(a.cases()).isEqualTo(10);
    assertThat(a.medianDays()).isCloseTo(5.5, within(1e-9));
    assertThat(a.p90Days()).isCloseTo(9.1, within(1e-9));
    assertThat(a.dueSteps()).isEqualTo(10);
    assertThat(a.lateSteps()).isEqualTo(3);
    assertThat(spent).doesNotContainKey("Task_B");
    assertThat(heat.waiting(process)).containsExactly(Map.entry("Task_B", 1L));
  }

  @Test
  void aCounsellorsCaseloadComesOutAsOnH2() {
    WorkRows rows = new WorkRows(jdbc);
    String counsellor = "pg-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.of(2026, 6, 15);
    UUID late = rows.insert(WorkRows.Case.of(UUID.randomUUID(), counsellor, today.minusDays(100),
        today.minusDays(50)).agreedGoal(false));
    rows.step("ReintegrationJourney", "Task_Evaluation", late, today.minusDays(10), null, null, today.minusDays(1));
    rows.insert(WorkRows.Case.of(UUID.randomUUID(), counsellor, today.minusDays(30), null).buddy(true, false));
    rows.insert(WorkRows.Case.of(UUID.randomUUID(), counsellor, today.minusDays(200), today.minusDays(5))
        .returnedOn(today.minusDays(3), false));
    rows.insert(WorkRows.Case.of(UUID.randomUUID(), counsellor, today.minusDays(300), null)
        .phase("RELAPSE_WATCH").agreedGoal(false));
    rows.deadline(late, "PLAN_OF_ACTION", today.minusDays(40), today.minusDays(41));

    WorkListQueries.Caseload caseload = workList.caseload(counsellor, today);
    assertThat(caseload).isEqualTo(new WorkListQueries.Caseload(4, 1, 1, 1, 1, 1, 3));
    assertThat(workList.deadlines(counsellor, today.withDayOfYear(1), today))
        .isEqualTo(new WorkListQueries.Deadlines(1, 1, 1));
    assertThat(workList.workList(counsellor, today)).hasSize(3);
    assertThat(workList.balance(today)).filteredOn(b -> counsellor.equals(b.counsellorUserId()))
        .containsExactly(new WorkListQueries.Balance(counsellor, 4, 1, 3));
  }
}
