package nl.bluevitaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's generator and workload on a real PostgreSQL, at a tiny scale: what they make must be a real
 * caseload (lived through the engine, closed cases closed, logins for the staff), since the benchmark's figures are
 * only as good as its data. The database is shared with the other PostgreSQL tests, so everything is counted over
 * the generated employees (personnel numbers NL-...) only.
 */
@PostgresIntegrationTest
class NationalCaseloadIT {

  private static final String GENERATED = """
      select c.id from reintegration_case c join employee e on e.id = c.employee_id
      where e.personnel_number like 'NL-%'""";

  @Autowired
  ApplicationContext context;

  @Autowired
  CaseRegistry registry;

  @Autowired
  IdentityService identityService;

  @Autowired
  ManagementService managementService;

  @Autowired
  JdbcClient jdbc;

  @Test
  void generatesActiveAndClosedCasesThroughTheEngineThenDrivesTheirSteps() {
    NationalCaseload.Summary summary = NationalCaseload.generate(context,
        new NationalCaseload.Settings(20, 12, 2, 7L));

    assertThat(summary.failures()).isZero();
    assertThat(count("select count(*) from reintegration_case where status = 'CLOSED' and phase = 'CLOSED'"
        + " and id in (" + GENERATED + ")")).isEqualTo(12);
    assertThat(count("select count(*) from reintegration_case where status <> 'CLOSED' and id in (" + GENERATED
        + ")")).isEqualTo(20);
    // Lived, not inserted: every case has its journey's history, closed ones a finished process instance.
    assertThat(count("select count(distinct business_key_) from act_hi_procinst where proc_def_key_ ="
        + " 'ReintegrationJourney' and business_key_ in (select cast(id as varchar) from (" + GENERATED + ") g)"))
        .isEqualTo(32);
    assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = 'ReintegrationJourney'"
        + " and end_time_ is not null and business_key_ in (select cast(id as varchar) from (" + GENERATED + ") g)"))
        .isGreaterThanOrEqualTo(12);
    assertThat(count("select count(*) from case_document where case_id in (" + GENERATED + ")")).isPositive();
    assertThat(count("select count(*) from audit_event where case_id in (" + GENERATED + ")")).isPositive();
    // The benchmark logs in as the first counsellor and as employees of active cases.
    assertThat(identityService.checkPassword(NationalCaseload.counsellor(1), NationalCaseload.PASSWORD)).isTrue();
    String employee = jdbc.sql("select e.user_id from employee e join reintegration_case c on c.employee_id = e.id"
        + " where c.status = 'OPEN' and e.personnel_number like 'NL-%' limit 1").query(String.class).single();
    assertThat(identityService.checkPassword(employee, NationalCaseload.PASSWORD)).isTrue();

    long documentsBefore = count("select count(*) from case_document");
    long tasksDoneBefore = count("select count(*) from act_hi_taskinst where end_time_ is not null");
    NationalWorkload.Result result = NationalWorkload.completeSteps(context, 2, true, Duration.ofMillis(200),
        Duration.ofSeconds(2));
    assertThat(result.failures()).isZero();
    assertThat(result.completions()).isPositive();
    assertThat(count("select count(*) from act_hi_taskinst where end_time_ is not null"))
        .isGreaterThanOrEqualTo(tasksDoneBefore + result.completions());
    assertThat(count("select count(*) from case_document")).isGreaterThan(documentsBefore);
    // Each completion is in the audit trail, by the person who took the step (never the system).
    assertThat(count("select count(*) from audit_event where what like 'step % completed' and case_id in ("
        + GENERATED + ")")).isGreaterThanOrEqualTo(result.completions());
    assertThat(count("select count(*) from audit_event where what like 'step % completed'"
        + " and actor_user_id not like 'bgl-%' and actor_user_id not like 'ba-%' and actor_user_id not like 'lm-%'"
        + " and actor_user_id not like 'mw-%' and case_id in (" + GENERATED + ")")).isZero();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void stormCohortWaitsForItsProblemAnalysisWithOneTimerDueAtTheStartOfTomorrow() {
    List<UUID> cohort = NationalCaseload.stormCohort(context, 5, 41, 2);

    assertThat(cohort).hasSize(5);
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1);
    for (UUID caseId : cohort) {
      assertThat(registry.get(caseId).phase()).isEqualTo(Phase.PROBLEM_ANALYSIS);
      List<Job> timers = jdbc.sql("select proc_inst_id_ from act_ru_execution where business_key_ = ?"
          + " and parent_id_ is null").param(caseId.toString()).query(String.class).list().stream()
          .flatMap(id -> managementService.createJobQuery().processInstanceId(id).timers().list().stream())
          .filter(timer -> timer.getDuedate().toInstant()
              .equals(tomorrow.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant()))
          .toList();
      assertThat(timers).as("the week-6 timer of case %s", caseId).hasSize(1);
    }
  }
}
