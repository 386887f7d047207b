package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.internal.ReadModelVersion;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model's SQL on PostgreSQL: what the events keep of a case, and the rebuild from the case file and the
 * engine's history (its own SQL over the engine's tables) giving the same rows.
 */
@PostgresIntegrationTest
class ReadModelPostgresIT {

  @Autowired CaseFixtures fixtures;
  @Autowired JourneyTasks tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReadModelRebuild rebuild;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired ReadModelVersion version;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theEventsAndTheRebuildKeepTheSameRowsOnPostgresql() {
    // With production's driver settings: the engine's and the rebuild's batched inserts go as multi-row inserts.
    assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getDataSourceProperties())
        .containsEntry("reWriteBatchedInserts", "true");
    // A clock standing still: the engine's history and the events read it at slightly different moments.
    ClockUtil.setCurrentTime(Date.from(new Date().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    String counsellor = fixtures.user("couns-pg", Groups.COUNSELLOR);
    UUID caseId = fixtures.sickCase(SickCase.of(null, "Werknemer PG").counselledBy(counsellor, "doc-pg"));
    String intake = tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(Element.TASK_INTAKE))
        .findFirst().orElseThrow().taskId();

    // Each committed change raises the read model's version and its unit's (a unit new to the read model gets one),
    // read by the node that made it at once (the other nodes read it within the raise's delay).
    String unit = jdbc.queryForObject("select unit from insight_case where case_id = ?", String.class, caseId);
    long wholeBefore = version.current();
    ReadModelVersion.Stamp unitBefore = version.current(unit);
    assertThat(unitBefore.unit()).isEqualTo(unit);
    tasks.complete(caseId, intake, new java.util.HashMap<>(Map.of(Var.WORK_CONFLICT, false,
        Var.EXPECTED_ABSENCE_WEEKS, 2)));
    assertThat(version.current()).isGreaterThan(wholeBefore);
    assertThat(version.current(unit).version()).isGreaterThan(unitBefore.version());

    Map<String, Object> kept = jdbc.queryForMap("select * from insight_case where case_id = ?", caseId);
    assertThat(kept.get("phase")).isEqualTo("PROBLEM_ANALYSIS");
    assertThat(kept.get("guidance_intensity")).isEqualTo("LICHT");
    assertThat(kept.get("counsellor_user_id")).isEqualTo(counsellor);
    assertThat(jdbc.queryForList("select element_id from insight_step where case_id = ? and completed",
        String.class, caseId)).containsExactlyInAnyOrder(Element.TASK_REPORT_TO_COMPANY_DOCTOR, Element.TASK_INTAKE);
    Map<String, List<String>> before = snapshot(caseId);

    ReadModelRebuild.Result result = rebuild.rebuild(new Actor(fixtures.user("adm-pg", Groups.ADMINISTRATOR),
        Set.of(Groups.ADMINISTRATOR), false));

    assertThat(result.cases()).isPositive();
    assertThat(snapshot(caseId)).isEqualTo(before);
  }

  /**
   * A step without a due day, a missed deadline and an escalation are kept with PostgreSQL's types (the escalation by
   * one insert that asks whether the case is known); for a case the read model does not know none is.
   */
  @Test
  void stepsMissesAndEscalationsAreKeptOnlyForACaseTheReadModelKnowsOnPostgresql() {
    String counsellor = fixtures.user("couns-pg2", Groups.COUNSELLOR);
    UUID known = fixtures.sickCase(SickCase.of(null, "Werknemer PG 2").counselledBy(counsellor, "doc-pg2"));
    UUID unknown = UUID.randomUUID();
    java.time.Instant opened = java.time.Instant.parse("2026-03-02T09:00:00Z");
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      events.publishEvent(new JourneyEvents.StepOpened("pg-step-known", known,
          ReintegrationJourneyProcess.PROCESS_KEY, Element.TASK_EVALUATION, opened, null));
      events.publishEvent(new JourneyEvents.StepOpened("pg-step-unknown", unknown,
          ReintegrationJourneyProcess.PROCESS_KEY, Element.TASK_EVALUATION, opened,
          java.time.LocalDate.of(2026, 3, 9)));
      assertThat(jdbc.queryForList("select case_id, due_on from insight_step where task_id like 'pg-step-%'"))
          .extracting(row -> row.get("case_id"), row -> row.get("due_on"))
          .containsExactly(org.assertj.core.api.Assertions.tuple(known, null));
      java.time.LocalDate raised = java.time.LocalDate.of(2026, 5, 4);
      for (int i = 0; i < 2; i++) {
        for (UUID caseId : List.of(known, unknown)) {
          events.publishEvent(new nl.bluevitaal.casefile.CaseFileEvents.DeadlineMissed(caseId,
              nl.bluevitaal.poortwachter.Milestone.UWV_NOTIFICATION, java.time.LocalDate.of(2026, 5, 1)));
          events.publishEvent(new JourneyEvents.EscalationRaised(caseId, "UWV_NOTIFICATION", "UWV_NOTIFICATION", 2,
              raised));
        }
      }
      assertThat(jdbc.queryForList("select case_id, rung from insight_escalation where raised_on = ?", raised))
          .extracting(row -> row.get("case_id"), row -> row.get("rung"))
          .containsExactly(org.assertj.core.api.Assertions.tuple(known, 2));
      assertThat(jdbc.queryForList("select case_id, missed, highest_rung from insight_deadline"
              + " where milestone = 'UWV_NOTIFICATION' and case_id in (?, ?)", known, unknown))
          .extracting(row -> row.get("case_id"), row -> row.get("missed"), row -> row.get("highest_rung"))
          .containsExactly(org.assertj.core.api.Assertions.tuple(known, true, 2));
      status.setRollbackOnly();
    });
  }

  private Map<String, List<String>> snapshot(UUID caseId) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : List.of("insight_case", "insight_phase_stay", "insight_deadline", "insight_step",
        "insight_escalation", "insight_relapse")) {
      tables.put(table, jdbc.queryForList("select * from " + table + " where case_id = ?", caseId).stream()
          .map(row -> new TreeMap<>(row.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
              e -> String.valueOf(normal(e.getValue()))))).toString())
          .sorted().toList());
    }
    return tables;
  }

  private static Object normal(Object value) {
    if (value instanceof OffsetDateTime at) {
      return at.toInstant();
    }
    if (value instanceof Timestamp at) {
      return at.toInstant();
    }
    return value;
  }
}
