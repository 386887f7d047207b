package nl.bluevitaal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention job deletes what is past its period per rule (with the engine's history of the case) and logs each
 * deletion, and keeps everything else. The case data is put in place with plain SQL, dated in the past.
 */
@PostgresIntegrationTest
class RetentionJobIT {

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  RetentionJob job;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  SharingSettings sharing;

  People expired;
  People recent;
  People stillRunning;

  @BeforeEach
  void cases() {
    expired = fixtures.people("rx");
    recent = fixtures.people("rr");
    stillRunning = fixtures.people("rs");
  }

  @Test
  void theReintegrationFileGoesTwoYearsAfterClosingWithTheEngineHistoryTheRestStays() {
    for (People file : List.of(expired, recent, stillRunning)) {
      reintegrationFile(file.caseId());
      medicalNote(file.caseId(), OffsetDateTime.now().minusYears(3));
    }
    sharing.update(expired.asEmployee(), expired.caseId(), 0,
        List.of(new SharingChange(Domain.SELF_REPORTS, Audience.CARE, true)));
    List<String> expiredInstances = endJourney(expired.caseId());
    endJourney(recent.caseId());
    close(expired.caseId(), OffsetDateTime.now().minusYears(2).minusDays(1));
    close(recent.caseId(), OffsetDateTime.now().minusYears(2).plusDays(1));
    // Closed long ago on paper, but its journey still runs: nothing of it may go (retried next night).
    close(stillRunning.caseId(), OffsetDateTime.now().minusYears(3));

    List<RetentionDeletion> deletions = job.run();

    assertThat(deletions).filteredOn(d -> d.caseId().equals(expired.caseId()))
        .extracting(RetentionDeletion::rule, RetentionDeletion::domain, RetentionDeletion::rows)
        .contains(
            org.assertj.core.groups.Tuple.tuple(RetentionRule.REINTEGRATION_FILE, null, expiredInstances.size()),
            org.assertj.core.groups.Tuple.tuple(RetentionRule.REINTEGRATION_FILE, Domain.REINTEGRATION, 2),
            org.assertj.core.groups.Tuple.tuple(RetentionRule.REINTEGRATION_FILE, Domain.SUPPORT_NETWORK, 1));
    assertThat(deletions).extracting(RetentionDeletion::caseId)
        .doesNotContain(recent.caseId(), stillRunning.caseId());

    assertThat(fileRows(expired.caseId())).isZero();
    assertThat(engineHistoryRows(expiredInstances)).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(expired.caseId().toString()).count()).isZero();
    assertThat(sharing.isShared(expired.caseId(), Domain.SELF_REPORTS, Audience.CARE)).isFalse();
    // The case row (A, until 2 years after employment) and the medical file (D, 20 years) stay.
    assertThat(count("select count(*) from reintegration_case where id = :c", expired.caseId())).isOne();
    assertThat(count("select count(*) from medical_note where case_id = :c", expired.caseId())).isOne();

    assertThat(fileRows(recent.caseId())).isEqualTo(3);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(recent.caseId().toString()).count()).isPositive();
    assertThat(fileRows(stillRunning.caseId())).isEqualTo(3);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(stillRunning.caseId().toString()).count()).isPositive();

    // Each deletion is logged, and the audit trail (which is kept) says what went.
    assertThat(count("select count(*) from retention_deletion where case_id = :c", expired.caseId()))
        .isEqualTo(deletions.stream().filter(d -> d.caseId().equals(expired.caseId())).count());
    assertThat(auditTrail.forCase(expired.caseId())).filteredOn(e -> e.action() == AuditAction.DELETED)
        .hasSize((int) deletions.stream().filter(d -> d.caseId().equals(expired.caseId())).count())
        .allSatisfy(e -> assertThat(e.actorUserId()).isEqualTo(RetentionJob.SYSTEM_ACTOR));
  }

  @Test
  void theMedicalFileGoesTwentyYearsAfterItsLastChange() {
    medicalNote(expired.caseId(), OffsetDateTime.now().minusYears(20).minusDays(1));
    medicalNote(recent.caseId(), OffsetDateTime.now().minusYears(20).plusDays(1));

    List<RetentionDeletion> deletions = job.run();

    assertThat(deletions).filteredOn(d -> d.caseId().equals(expired.caseId()))
        .extracting(RetentionDeletion::rule, RetentionDeletion::domain, RetentionDeletion::rows)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(RetentionRule.MEDICAL_FILE, Domain.MEDICAL, 1));
    assertThat(count("select count(*) from medical_note where case_id = :c", expired.caseId())).isZero();
    assertThat(count("select count(*) from medical_note where case_id = :c", recent.caseId())).isOne();
    // The case itself and its journey are untouched by the medical rule.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(expired.caseId().toString())
        .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).count()).isOne();
  }

  @Test
  void administrativeDataGoesTwoYearsAfterEmploymentEnds() {
    medicalNote(expired.caseId(), OffsetDateTime.now().minusYears(3));
    List<String> instances = endJourney(expired.caseId());
    endJourney(recent.caseId());
    employmentEnded(expired, LocalDate.now().minusYears(2).minusDays(1));
    employmentEnded(recent, LocalDate.now().minusYears(2).plusDays(1));

    List<RetentionDeletion> deletions = job.run();

    assertThat(deletions).filteredOn(d -> d.caseId().equals(expired.caseId())).extracting(RetentionDeletion::rule)
        .contains(RetentionRule.ADMINISTRATIVE);
    assertThat(count("select count(*) from reintegration_case where id = :c", expired.caseId())).isZero();
    assertThat(engineHistoryRows(instances)).isZero();
    assertThat(count("select count(*) from medical_note where case_id = :c", expired.caseId())).isOne();
    assertThat(count("select count(*) from reintegration_case where id = :c", recent.caseId())).isOne();
    assertThat(deletions).extracting(RetentionDeletion::caseId).doesNotContain(recent.caseId());
  }

  @Test
  void periodsAreConfigurableWithThePrivacyMdDefaults() {
    RetentionProperties defaults = new RetentionProperties(null, null, null, null, null);

    assertThat(defaults.periodOf(RetentionRule.ADMINISTRATIVE)).isEqualTo(java.time.Period.ofYears(2));
    assertThat(defaults.periodOf(RetentionRule.REINTEGRATION_FILE)).isEqualTo(java.time.Period.ofYears(2));
    assertThat(defaults.periodOf(RetentionRule.MEDICAL_FILE)).isEqualTo(java.time.Period.ofYears(20));
    assertThat(defaults.cron()).isEqualTo(RetentionProperties.DEFAULT_CRON);
  }

  /** Completes the intake (so there is task, variable and decision history), then ends the journey. */
  private List<String> endJourney(UUID caseId) {
    String key = caseId.toString();
    taskService.createTaskQuery().processInstanceBusinessKey(key).list().forEach(task -> taskService.complete(
        task.getId(), Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2)));
    // Deleting the journey deletes the processes it called (its deadline watches) with it.
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).list()) {
      runtimeService.deleteProcessInstance(instance.getId(), "journey over (test)");
    }
    List<String> ids = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .stream().map(p -> p.getId()).toList();
    assertThat(engineHistoryRows(ids)).isPositive();
    return ids;
  }

  /** Rows of every engine history table that names one of these process instances. */
  private long engineHistoryRows(List<String> processInstanceIds) {
    List<String[]> columns = jdbc.sql("""
            select table_name, column_name from information_schema.columns
            where table_schema = current_schema() and lower(table_name) like 'act_hi_%'
              and lower(column_name) in ('proc_inst_id_', 'root_proc_inst_id_')""")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    assertThat(columns).hasSizeGreaterThan(10);
    long rows = 0;
    for (String[] column : columns) {
      rows += jdbc.sql("select count(*) from " + column[0] + " where " + column[1] + " in (:ids)")
          .param("ids", processInstanceIds).query(Long.class).single();
    }
    return rows;
  }

  private void reintegrationFile(UUID caseId) {
    OffsetDateTime long_ago = OffsetDateTime.now().minusYears(3);
    jdbc.sql("""
            insert into contact_moment (id, case_id, happened_at, author_user_id, kind, summary, confidential,
              created_at) values (:id, :c, :t, 'someone', 'CONVERSATION', 'Gesprek', false, :t)""")
        .param("id", UUID.randomUUID()).param("c", caseId).param("t", long_ago).update();
    jdbc.sql("""
            insert into goal (id, case_id, title, progress, status, created_by, created_at, updated_at, version)
            values (:id, :c, 'Twee ochtenden werken', 10, 'OPEN', 'someone', :t, :t, 0)""")
        .param("id", UUID.randomUUID()).param("c", caseId).param("t", long_ago).update();
    jdbc.sql("""
            insert into support_contact (id, case_id, kind, name, consent_given_at, version)
            values (:id, :c, 'BUDDY', 'Buddy', :t, 0)""")
        .param("id", UUID.randomUUID()).param("c", caseId).param("t", long_ago).update();
  }

  private void medicalNote(UUID caseId, OffsetDateTime lastChanged) {
    jdbc.sql("""
            insert into medical_note (id, case_id, author_user_id, noted_at, text, last_changed_at, version)
            values (:id, :c, 'doc', :t, 'Notitie', :t, 0)""")
        .param("id", UUID.randomUUID()).param("c", caseId).param("t", lastChanged).update();
  }

  private void close(UUID caseId, OffsetDateTime closedAt) {
    jdbc.sql("update reintegration_case set status = 'CLOSED', closed_at = :t where id = :c")
        .param("t", closedAt).param("c", caseId).update();
  }

  private void employmentEnded(People file, LocalDate on) {
    jdbc.sql("update employee set employment_ended_on = :d where id = :e").param("d", on)
        .param("e", registry.get(file.caseId()).employeeId()).update();
    close(file.caseId(), on.atStartOfDay().atOffset(OffsetDateTime.now().getOffset()));
  }

  private long fileRows(UUID caseId) {
    return count("select count(*) from contact_moment where case_id = :c", caseId)
        + count("select count(*) from goal where case_id = :c", caseId)
        + count("select count(*) from support_contact where case_id = :c", caseId)
        + count("select count(*) from sharing_setting where case_id = :c", caseId);
  }

  private long count(String sql, UUID caseId) {
    return jdbc.sql(sql).param("c", caseId).query(Long.class).single();
  }
}
