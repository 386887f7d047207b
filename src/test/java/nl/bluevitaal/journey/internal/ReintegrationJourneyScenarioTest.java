package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.InvalidOutcomeException;
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.NoSuchStepException;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.ApplicationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One scenario per path of the poortwachter journey, through the real entry points (CaseRegistry, JourneyTasks)
 * and the real models; the journey hears of the case file's events (recovery, relapse, extension) as in production, with the engine clock moved by {@link ClockUtil}. Jobs run in the test.
 */
@ApplicationTest
class ReintegrationJourneyScenarioTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  /** Monday: week 6 ends on Sunday 15 February 2026. */
  private static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
  private static final AtomicInteger EMPLOYEES = new AtomicInteger();
  /**
   * The cases of these scenarios: time travel runs their due timers only. The application context is shared with the
   * page tests, whose cases must not be driven two years ahead (their watches would escalate for nothing).
   */
  private static final Set<UUID> SCENARIO_CASES = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Autowired CaseRegistry registry;
  @Autowired JourneyTasks tasks;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired nl.bluevitaal.privacy.AuditTrail auditTrail;
  @Autowired JourneyRequests requests;
  @Autowired Notices notices;
  @Autowired CaseMigrations migrations;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void closesCaseWhenEmployeeReturnsBeforeWeekSix() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_INTAKE);
    complete(caseId, Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2));
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_PROBLEM_ANALYSIS);
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.PROBLEM_ANALYSIS);
    // The analysis deadline is the last day of week 6; its watch warns 14 days ahead first.
    assertThat(watchTimer(caseId, "PROBLEM_ANALYSIS").getDuedate())
        .isEqualTo(Date.from(LocalDate.of(2026, 2, 1).atStartOfDay(ZONE).toInstant()));
    // The doctor's analysis is due a week before week 6 ends, so the employee's review still fits.
    assertThat(step(caseId, Element.TASK_PROBLEM_ANALYSIS).due().atZone(ZONE).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 2, 8));
    assertThat(variable(caseId, Var.GUIDANCE_INTENSITY)).isEqualTo("LICHT");

    travelTo(FIRST_SICK_DAY.plusDays(20));
    registry.reportFullRecovery(caseId, FIRST_SICK_DAY.plusDays(20));
    assertThat(registry.get(caseId).status()).isEqualTo(CaseStatus.RECOVERED);
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.RELAPSE_WATCH);
    assertThat(stepKeys(caseId)).isEmpty();

    travelTo(FIRST_SICK_DAY.plusDays(20 + 27));
    assertThat(journey(caseId)).isNotNull();
    travelTo(FIRST_SICK_DAY.plusDays(20 + 28));
    assertThat(journey(caseId)).isNull();
    assertThat(registry.get(caseId).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(registry.deadlines(caseId)).noneMatch(CaseDeadline::overdue);
  }

  @Test
  void closesCaseWhenEmployeeReturnsAfterPlanOfAction() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    driveTo(caseId, Phase.SPOOR_1);
    assertThat(stepKeys(caseId)).containsExactlyInAnyOrder(Element.TASK_EVALUATION, Element.TASK_UWV_NOTIFICATION);
    assertThat(met(caseId)).containsExactlyInAnyOrder(Milestone.PROBLEM_ANALYSIS, Milestone.PLAN_OF_ACTION);
    // Evaluations at least every six weeks: 42 days, not P6W.
    assertThat(step(caseId, Element.TASK_EVALUATION).due())
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(42, ChronoUnit.DAYS));

    LocalDate recoveredOn = today().plusDays(3);
    travelTo(recoveredOn);
    registry.reportFullRecovery(caseId, recoveredOn);
    assertThat(stepKeys(caseId)).isEmpty();
    travelTo(recoveredOn.plusDays(28));
    assertThat(journey(caseId)).isNull();
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.CLOSED);
  }

  @Test
  void relapseWithinFourWeeksJoinsTheCaseAndMovesOpenDeadlines() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    driveTo(caseId, Phase.PLAN_OF_ACTION);
    LocalDate metOn = registry.deadlines(caseId).get(0).metOn();
    LocalDate planDue = registry.dueDate(caseId, Milestone.PLAN_OF_ACTION).orElseThrow();
    LocalDate recoveredOn = FIRST_SICK_DAY.plusDays(40);
    travelTo(recoveredOn);
    registry.reportFullRecovery(caseId, recoveredOn);
    assertThat(registry.dueDate(caseId, Milestone.PLAN_OF_ACTION)).isEmpty();

    LocalDate relapse = recoveredOn.plusDays(10);
    travelTo(relapse);
    UUID relapseCase = registry.reportRelapse(registry.get(caseId).employeeId(), relapse);

    assertThat(relapseCase).isEqualTo(caseId);
    assertThat(registry.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(registry.deadlines(caseId).get(0).metOn()).isEqualTo(metOn);
    LocalDate movedPlanDue = planDue.plusDays(10);
    assertThat(registry.dueDate(caseId, Milestone.PLAN_OF_ACTION)).contains(movedPlanDue);
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE);
    complete(caseId, Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE, Map.of());
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_DRAFT_PLAN_OF_ACTION);
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.PLAN_OF_ACTION);
    // The watch was armed anew and reads the moved date (its first warning, 14 days ahead).
    assertThat(watchTimer(caseId, "PLAN_OF_ACTION").getDuedate())
        .isEqualTo(Date.from(movedPlanDue.minusDays(14).atStartOfDay(ZONE).toInstant()));
  }

  @Test
  void relapseAfterFourWeeksStartsANewCase() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    driveTo(caseId, Phase.PROBLEM_ANALYSIS);
    LocalDate recoveredOn = FIRST_SICK_DAY.plusDays(30);
    travelTo(recoveredOn);
    registry.reportFullRecovery(caseId, recoveredOn);
    LocalDate relapse = recoveredOn.plusDays(28);
    travelTo(relapse);

    UUID newCase = registry.reportRelapse(registry.get(caseId).employeeId(), relapse);
    SCENARIO_CASES.add(newCase);

    assertThat(newCase).isNotEqualTo(caseId);
    assertThat(registry.get(caseId).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(journey(caseId)).isNull();
    assertThat(stepKeys(newCase)).containsExactlyInAnyOrder(Element.TASK_INTAKE, Element.TASK_REPORT_TO_COMPANY_DOCTOR);
    assertThat(registry.get(newCase).firstSickDay()).isEqualTo(relapse);
  }

  @Test
  void relapseWhileStillSickAsksTheDoctorToUpdateTheAnalysis() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    driveTo(caseId, Phase.SPOOR_1);
    travelTo(today().plusDays(5));
    UUID same = registry.reportRelapse(registry.get(caseId).employeeId(), today());
    assertThat(same).isEqualTo(caseId);
    assertThat(stepKeys(caseId)).contains(Element.TASK_UPDATE_ANALYSIS_WHILE_SICK, Element.TASK_UWV_NOTIFICATION);
    OpenStep update = step(caseId, Element.TASK_UPDATE_ANALYSIS_WHILE_SICK);
    assertThat(update.candidateUsers()).containsExactly("doc-1");
    assertThat(update.candidateGroups()).isEmpty();
    complete(caseId, Element.TASK_UPDATE_ANALYSIS_WHILE_SICK, Map.of());

    registry.recordWorkCapacity(caseId, 40, null, "couns-1", registry.get(caseId).version());
    assertThat(registry.get(caseId).workCapacityPct()).isEqualTo(40);
    complete(caseId, Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY, Map.of());
    complete(caseId, Element.TASK_EVALUATION, Map.of());
    assertThat(stepKeys(caseId)).containsExactlyInAnyOrder(Element.TASK_EVALUATION, Element.TASK_UWV_NOTIFICATION);
  }

  @Test
  void followsTheFullTwoYearsWithSpoor2AndTheWiaApplication() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    complete(caseId, Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, true, Var.EXPECTED_ABSENCE_WEEKS, 20));
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_URGENT_DOCTOR_CONTACT);
    assertThat(step(caseId, Element.TASK_URGENT_DOCTOR_CONTACT).due())
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(5, ChronoUnit.DAYS));
    complete(caseId, Element.TASK_URGENT_DOCTOR_CONTACT, Map.of());
    complete(caseId, Element.TASK_OFFER_BUDDY, Map.of());
    complete(caseId, Element.TASK_PROBLEM_ANALYSIS, Map.of());
    OpenStep review = step(caseId, Element.TASK_REVIEW_PROBLEM_ANALYSIS);
    assertThat(review.assignee()).isEqualTo(employee(caseId).userId());
    assertThat(review.candidateGroups()).isEmpty();
    complete(caseId, Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, true));
    assertThat(met(caseId)).isEmpty();
    complete(caseId, Element.TASK_PROBLEM_ANALYSIS, Map.of());
    complete(caseId, Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, false));
    assertThat(met(caseId)).containsExactly(Milestone.PROBLEM_ANALYSIS);
    complete(caseId, Element.TASK_DRAFT_PLAN_OF_ACTION, Map.of());
    complete(caseId, Element.TASK_AGREE_PLAN_EMPLOYEE, Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true));
    complete(caseId, Element.TASK_AGREE_PLAN_LINE_MANAGER, Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, false));
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_DRAFT_PLAN_OF_ACTION);
    complete(caseId, Element.TASK_DRAFT_PLAN_OF_ACTION, Map.of());
    complete(caseId, Element.TASK_AGREE_PLAN_EMPLOYEE, Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true));
    complete(caseId, Element.TASK_AGREE_PLAN_LINE_MANAGER, Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, true));
    // Intensive guidance: an evaluation every three weeks.
    assertThat(step(caseId, Element.TASK_EVALUATION).due())
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(21, ChronoUnit.DAYS));
    complete(caseId, Element.TASK_UWV_NOTIFICATION, Map.of());

    // The first-year evaluation opens on the first day of week 46: 48 days before the last day of week 52.
    travelTo(due(caseId, Milestone.FIRST_YEAR_EVALUATION).minusDays(49));
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_DOCTOR_FIRST_YEAR_ADVICE);
    travelTo(due(caseId, Milestone.FIRST_YEAR_EVALUATION).minusDays(48));
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.FIRST_YEAR_EVALUATION);
    // Whether durable full incapacity is expected is the doctor's judgement, given in the doctor's own step.
    OpenStep advice = step(caseId, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE);
    assertThat(advice.candidateUsers()).containsExactly("doc-1");
    complete(caseId, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Map.of(Var.DURABLE_FULL_INCAPACITY_EXPECTED, false));
    complete(caseId, Element.TASK_FIRST_YEAR_EVALUATION, Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, false));
    assertThat(variable(caseId, Var.NEXT_TRACK)).isEqualTo("SPOOR_2");
    // Spoor 2 starts within six weeks of the first-year evaluation (configuration), and that is watched too.
    assertThat(step(caseId, Element.TASK_START_SPOOR_2).due().atZone(ZONE).toLocalDate()).isEqualTo(today().plusDays(42));
    assertThat(watchTimer(caseId, "SPOOR_2_START")).isNotNull();
    complete(caseId, Element.TASK_START_SPOOR_2, Map.of());
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.SPOOR_2);
    assertThat(watch(caseId, "SPOOR_2_START")).isNull();

    travelTo(due(caseId, Milestone.FINAL_EVALUATION).minusDays(27));
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.FINAL_EVALUATION);
    // The current opinion is due two weeks before the final evaluation, not on the same day.
    assertThat(step(caseId, Element.TASK_CURRENT_OPINION).due().atZone(ZONE).toLocalDate())
        .isEqualTo(due(caseId, Milestone.FINAL_EVALUATION).minusDays(14));
    complete(caseId, Element.TASK_CURRENT_OPINION, Map.of());
    complete(caseId, Element.TASK_FINAL_EVALUATION, Map.of());
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.WIA_APPLICATION);
    // The employer compiles the report, the employee adds their view, the doctor gives the medical part to the
    // employee; then the employee files the application.
    assertThat(journeySteps(caseId)).contains(Element.TASK_COMPILE_REINTEGRATION_REPORT,
        Element.TASK_WRITE_EMPLOYEE_VIEW, Element.TASK_GIVE_MEDICAL_INFORMATION).doesNotContain(Element.TASK_WIA_APPLICATION);
    assertThat(step(caseId, Element.TASK_WRITE_EMPLOYEE_VIEW).assignee()).isEqualTo(employee(caseId).userId());
    complete(caseId, Element.TASK_COMPILE_REINTEGRATION_REPORT, Map.of());
    complete(caseId, Element.TASK_WRITE_EMPLOYEE_VIEW, Map.of());
    complete(caseId, Element.TASK_GIVE_MEDICAL_INFORMATION, Map.of());
    assertThat(step(caseId, Element.TASK_WIA_APPLICATION).assignee()).isEqualTo(employee(caseId).userId());
    complete(caseId, Element.TASK_WIA_APPLICATION, Map.of());
    assertThat(journeySteps(caseId)).containsExactly(Element.TASK_EVALUATION);

    travelTo(due(caseId, Milestone.END_OF_WAGE_PAYMENT));
    assertThat(journey(caseId)).isNotNull();
    travelTo(due(caseId, Milestone.END_OF_WAGE_PAYMENT).plusDays(1));
    assertThat(journey(caseId)).isNull();
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.CLOSED);
    assertThat(met(caseId)).containsExactlyInAnyOrder(Milestone.values());
    assertThat(registry.deadlines(caseId)).noneMatch(CaseDeadline::overdue);
    // Ids, decision inputs and outputs, and the engine's own counters of the watches: nothing else.
    assertThat(variableNames(caseId)).containsExactlyInAnyOrder(Var.CASE_ID, Var.RESUME_AT, Var.WORK_CONFLICT,
        Var.EXPECTED_ABSENCE_WEEKS, Var.GUIDANCE_INTENSITY, Var.OFFER_BUDDY, Var.URGENT_DOCTOR_CONTACT,
        Var.CORRECTION_REQUESTED, Var.PLAN_AGREED_BY_EMPLOYEE, Var.PLAN_AGREED_BY_LINE_MANAGER,
        Var.RETURN_TO_OWN_WORK_REALISTIC, Var.DURABLE_FULL_INCAPACITY_EXPECTED, Var.WORK_CAPACITY_PCT,
        Var.NEXT_TRACK, Var.MILESTONE, Var.ESCALATION_RUNG, Var.ESCALATE_TO, Var.DAYS_TO_NEXT_RUNG,
        "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
  }

  @Test
  void continuesSpoor1WhenReturnAtOwnEmployerIsLikely() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    driveTo(caseId, Phase.FIRST_YEAR_EVALUATION);
    registry.recordWorkCapacity(caseId, 60, null, "couns-1", registry.get(caseId).version());
    complete(caseId, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Map.of(Var.DURABLE_FULL_INCAPACITY_EXPECTED, false));
    complete(caseId, Element.TASK_FIRST_YEAR_EVALUATION, Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, true));
    assertThat(variable(caseId, Var.NEXT_TRACK)).isEqualTo("SPOOR_1");
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.SPOOR_1);
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_START_SPOOR_2);
  }

  @Test
  void earlyIvaIsTheEmployeesApplicationWithAWayBackWhenUwvRefuses() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "iva");
    driveTo(caseId, Phase.FIRST_YEAR_EVALUATION);
    complete(caseId, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Map.of(Var.DURABLE_FULL_INCAPACITY_EXPECTED, true));
    complete(caseId, Element.TASK_FIRST_YEAR_EVALUATION, Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, false));
    assertThat(variable(caseId, Var.NEXT_TRACK)).isEqualTo("VERVROEGDE_IVA");
    // The counsellor discusses it; the journey goes on meanwhile towards the final stage.
    complete(caseId, Element.TASK_DISCUSS_EARLY_IVA, Map.of());
    Actor employee = new Actor(employee(caseId).userId(), Set.of("employee"), false);
    Actor counsellor = new Actor("couns-1", Set.of("counsellor"), false);
    assertThat(requests.openTo(counsellor, caseId)).doesNotContain(JourneyRequests.Request.EARLY_IVA);
    assertThatThrownBy(() -> requests.request(counsellor, caseId, JourneyRequests.Request.EARLY_IVA))
        .isInstanceOf(nl.bluevitaal.privacy.CaseAccessDeniedException.class);
    assertThat(requests.openTo(employee, caseId)).contains(JourneyRequests.Request.EARLY_IVA);
    requests.request(employee, caseId, JourneyRequests.Request.EARLY_IVA);
    assertThat(journeySteps(caseId)).contains(Element.TASK_EARLY_IVA_STATEMENT);
    assertThatThrownBy(() -> requests.request(employee, caseId, JourneyRequests.Request.EARLY_IVA))
        .isInstanceOf(nl.bluevitaal.casefile.InvalidStateException.class);
    complete(caseId, Element.TASK_EARLY_IVA_STATEMENT, Map.of());
    assertThat(step(caseId, Element.TASK_APPLY_EARLY_IVA).assignee()).isEqualTo(employee(caseId).userId());
    complete(caseId, Element.TASK_APPLY_EARLY_IVA, Map.of());
    // UWV refuses: the journey goes on where it was.
    complete(caseId, Element.TASK_RECORD_EARLY_IVA_DECISION, Map.of(Var.EARLY_IVA_GRANTED, false));
    assertThat(journey(caseId)).isNotNull();
    assertThat(journeySteps(caseId)).containsExactly(Element.TASK_EVALUATION);
    // Asked again and granted: the case closes.
    requests.request(employee, caseId, JourneyRequests.Request.EARLY_IVA);
    complete(caseId, Element.TASK_EARLY_IVA_STATEMENT, Map.of());
    complete(caseId, Element.TASK_APPLY_EARLY_IVA, Map.of());
    complete(caseId, Element.TASK_RECORD_EARLY_IVA_DECISION, Map.of(Var.EARLY_IVA_GRANTED, true));
    assertThat(journey(caseId)).isNull();
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.CLOSED);
    assertThat(watches(caseId)).isEmpty();
  }

  @Test
  void earlyIvaNeedsTheDoctorsJudgementAndClosesAfterItsWeek() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "iva-late");
    Actor employee = new Actor(employee(caseId).userId(), Set.of("employee"), false);
    assertThat(requests.openTo(employee, caseId)).containsExactlyInAnyOrder(JourneyRequests.Request.EXPERT_OPINION,
        JourneyRequests.Request.SECOND_OPINION);
    assertThatThrownBy(() -> requests.request(employee, caseId, JourneyRequests.Request.EARLY_IVA))
        .isInstanceOf(nl.bluevitaal.casefile.InvalidStateException.class);
    driveTo(caseId, Phase.FIRST_YEAR_EVALUATION);
    complete(caseId, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Map.of(Var.DURABLE_FULL_INCAPACITY_EXPECTED, true));
    travelTo(FIRST_SICK_DAY.plusWeeks(68).minusDays(1));
    assertThat(requests.openTo(employee, caseId)).contains(JourneyRequests.Request.EARLY_IVA);
    travelTo(FIRST_SICK_DAY.plusWeeks(68));
    assertThat(requests.openTo(employee, caseId)).doesNotContain(JourneyRequests.Request.EARLY_IVA);
    assertThatThrownBy(() -> requests.request(employee, caseId, JourneyRequests.Request.EARLY_IVA))
        .isInstanceOf(nl.bluevitaal.casefile.InvalidStateException.class);
  }

  @Test
  void aLateStepNeverHidesALaterDeadline() {
    UUID caseId = reportSickNotYetPassedOn(FIRST_SICK_DAY, "late");
    // Every legal deadline is watched from the first day, before any step reached it.
    assertThat(watches(caseId)).containsExactlyInAnyOrder("REPORT_TO_COMPANY_DOCTOR", "PROBLEM_ANALYSIS",
        "PLAN_OF_ACTION", "UWV_NOTIFICATION", "FIRST_YEAR_EVALUATION", "FINAL_EVALUATION", "WIA_APPLICATION");
    assertThat(openDeadlinesWithoutTimer(caseId)).isEmpty();
    // The intake stays open for the whole first year: nothing after it ever opened.
    for (Milestone milestone : List.of(Milestone.PROBLEM_ANALYSIS, Milestone.PLAN_OF_ACTION,
        Milestone.UWV_NOTIFICATION, Milestone.FIRST_YEAR_EVALUATION)) {
      missDeadline(caseId, milestone);
      assertThat(openDeadlinesWithoutTimer(caseId)).isEmpty();
    }
    assertThat(journeySteps(caseId)).containsExactlyInAnyOrder(Element.TASK_INTAKE,
        Element.TASK_REPORT_TO_COMPANY_DOCTOR);
    assertThat(registry.deadlines(caseId).stream().filter(CaseDeadline::overdue).map(CaseDeadline::milestone))
        .containsExactlyInAnyOrder(Milestone.PROBLEM_ANALYSIS, Milestone.PLAN_OF_ACTION, Milestone.UWV_NOTIFICATION,
            Milestone.FIRST_YEAR_EVALUATION);
    // The final evaluation and the WIA application are still watched, by their first warning.
    assertThat(watchTimer(caseId, "FINAL_EVALUATION").getDuedate()).isEqualTo(Date.from(
        due(caseId, Milestone.FINAL_EVALUATION).minusDays(14).atStartOfDay(ZONE).toInstant()));
    assertThat(watchTimer(caseId, "WIA_APPLICATION")).isNotNull();
  }

  @Test
  void warnsTheResponsiblePersonTwiceBeforeTheDeadline() {
    UUID caseId = reportSickNotYetPassedOn(FIRST_SICK_DAY, "warn");
    LocalDate due = due(caseId, Milestone.PROBLEM_ANALYSIS);
    travelTo(due.minusDays(15));
    assertThat(noticesFor(caseId, Notice.Kind.DEADLINE_WARNING)).isEmpty();
    travelTo(due.minusDays(14));
    // The problem analysis is the doctor's: the warning goes to the case's doctor, and says how long is left.
    assertThat(noticesFor(caseId, Notice.Kind.DEADLINE_WARNING)).singleElement().satisfies(n -> {
      assertThat(n.recipientUserId()).isEqualTo("doc-1");
      assertThat(n.title()).isEqualTo("Probleemanalyse: nog 14 dagen, uiterlijk 15 februari 2026");
      assertThat(n.dueOn()).isEqualTo(due);
    });
    travelTo(due.minusDays(3));
    assertThat(noticesFor(caseId, Notice.Kind.DEADLINE_WARNING)).hasSize(2)
        .last().satisfies(n -> assertThat(n.title()).startsWith("Probleemanalyse: nog 3 dagen"));
    // The report to the company doctor is the counsellor's (employer's) duty: a week-1 deadline warned at once.
    assertThat(allNotices(caseId)).anySatisfy(n -> {
      assertThat(n.recipientUserId()).isEqualTo("couns-1");
      assertThat(n.title()).startsWith("Melding bij de bedrijfsarts");
    });
  }

  @Test
  void climbsTheEscalationLadderUntilTheDeadlineIsMet() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "ladder");
    complete(caseId, Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 8));
    complete(caseId, Element.TASK_OFFER_BUDDY, Map.of());
    missDeadline(caseId, Milestone.PROBLEM_ANALYSIS);
    // Rung 1: the person who has the step, the doctor.
    assertThat(escalation(caseId).candidateUsers()).containsExactly("doc-1");
    assertThat(noticesFor(caseId, Notice.Kind.ESCALATION)).last()
        .satisfies(n -> assertThat(n.recipientUserId()).isEqualTo("doc-1"));
    // Not taken up within 3 days: rung 2, the counsellor.
    travelTo(today().plusDays(3));
    assertThat(escalation(caseId).candidateUsers()).containsExactly("couns-1");
    // Taken up, but still not met after the rung's 5 days: rung 3, the employee's line manager.
    tasks.complete(caseId, escalation(caseId).taskId(), Map.of());
    travelTo(today().plusDays(5));
    assertThat(escalation(caseId).candidateUsers()).containsExactly(registry.get(caseId).lineManagerUserId());
    // The deadline met late ends the watch and its escalation.
    complete(caseId, Element.TASK_PROBLEM_ANALYSIS, Map.of());
    complete(caseId, Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, false));
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_HANDLE_OVERDUE_DEADLINE);
    assertThat(watch(caseId, "PROBLEM_ANALYSIS")).isNull();
    assertThat(registry.deadlines(caseId)).filteredOn(d -> d.milestone() == Milestone.PROBLEM_ANALYSIS)
        .singleElement().satisfies(d -> assertThat(d.metOn()).isEqualTo(today()));
  }

  @Test
  void theCounsellorsOwnLateUwvNotificationGoesToTheLineManager() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "uwv");
    driveTo(caseId, Phase.SPOOR_1);
    missDeadline(caseId, Milestone.UWV_NOTIFICATION);
    assertThat(escalation(caseId).candidateUsers()).containsExactly("couns-1");
    travelTo(today().plusDays(3));
    assertThat(escalation(caseId).candidateUsers()).containsExactly(registry.get(caseId).lineManagerUserId());
  }

  @Test
  void watchesEvaluationsAtLeastEverySixWeeks() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "eval");
    driveTo(caseId, Phase.SPOOR_1);
    LocalDate spoor1 = today();
    assertThat(watchTimer(caseId, "EVALUATION").getDuedate())
        .isEqualTo(Date.from(spoor1.plusDays(42 - 14).atStartOfDay(ZONE).toInstant()));
    // An evaluation held after four weeks (that morning's first warning said two weeks were left): the next one is
    // due six weeks after it. The watch is not told; when its timer for the old date goes off it finds the later one
    // and plans again, so the old dates pass without a warning or an escalation.
    travelTo(spoor1.plusDays(28));
    assertThat(evaluationWarnings(caseId)).hasSize(1);
    complete(caseId, Element.TASK_EVALUATION, Map.of());
    LocalDate held = today();
    travelTo(spoor1.plusDays(43));
    assertThat(evaluationWarnings(caseId)).hasSize(1);
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_HANDLE_OVERDUE_DEADLINE);
    assertThat(watchTimer(caseId, "EVALUATION").getDuedate())
        .isEqualTo(Date.from(held.plusDays(42 - 14).atStartOfDay(ZONE).toInstant()));
    travelTo(held.plusDays(42 - 14));
    assertThat(evaluationWarnings(caseId)).hasSize(2);
    travelTo(held.plusDays(42 - 3));
    assertThat(evaluationWarnings(caseId)).hasSize(3);
    travelTo(held.plusDays(42));
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_HANDLE_OVERDUE_DEADLINE);
    travelTo(held.plusDays(43));
    assertThat(escalation(caseId).candidateUsers()).containsExactly("couns-1");
  }

  @Test
  void anEvaluationHeldLateEndsItsEscalationAndTheNextCountsFromIt() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "evallate");
    driveTo(caseId, Phase.SPOOR_1);
    LocalDate spoor1 = today();
    travelTo(spoor1.plusDays(43));
    assertThat(escalation(caseId).candidateUsers()).containsExactly("couns-1");
    travelTo(spoor1.plusDays(45));
    complete(caseId, Element.TASK_EVALUATION, Map.of());
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_HANDLE_OVERDUE_DEADLINE);
    assertThat(watchTimer(caseId, "EVALUATION").getDuedate())
        .isEqualTo(Date.from(today().plusDays(42 - 14).atStartOfDay(ZONE).toInstant()));
    // Held again on time, a day before that first warning: neither a warning nor an escalation for the old date.
    LocalDate late = today();
    travelTo(late.plusDays(27));
    int warned = evaluationWarnings(caseId).size();
    complete(caseId, Element.TASK_EVALUATION, Map.of());
    LocalDate held = today();
    travelTo(late.plusDays(43));
    assertThat(evaluationWarnings(caseId)).hasSize(warned);
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_HANDLE_OVERDUE_DEADLINE);
    travelTo(held.plusDays(43));
    assertThat(escalation(caseId).candidateUsers()).containsExactly("couns-1");
  }

  /**
   * A watch whose model does not plan again by itself (the version released before, or a process owner's own) is
   * told of every evaluation, as before: it would otherwise warn and escalate on the old date.
   */
  @Test
  void aWatchModelThatDoesNotPlanAgainIsToldOfEveryEvaluation() throws Exception {
    int shipped = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ReintegrationJourneyProcess.WATCH_PROCESS_KEY).latestVersion().singleResult().getVersion();
    String deployment = repositoryService.createDeployment().name("MilestoneWatch without planning again")
        .addInputStream("MilestoneWatch.bpmn",
            getClass().getResourceAsStream("/processes-before/MilestoneWatch-without-planning-again.bpmn"))
        .deploy().getId();
    try {
      UUID caseId = reportSick(FIRST_SICK_DAY, "evalold");
      driveTo(caseId, Phase.SPOOR_1);
      assertThat(repositoryService.getProcessDefinition(watch(caseId, "EVALUATION").getProcessDefinitionId())
          .getDeploymentId()).isEqualTo(deployment);
      travelTo(today().plusDays(20));
      complete(caseId, Element.TASK_EVALUATION, Map.of());
      Date toldOn = Date.from(today().plusDays(42 - 14).atStartOfDay(ZONE).toInstant());
      assertThat(watchTimer(caseId, "EVALUATION").getDuedate()).isEqualTo(toldOn);
      // Moved to the shipped version (the process owner's migration page), the watch plans again by itself.
      ProcessInstance old = watch(caseId, "EVALUATION");
      int oldVersion = repositoryService.getProcessDefinition(old.getProcessDefinitionId()).getVersion();
      assertThat(migrations.migrate(new CaseMigrations.MigrationRequest(ReintegrationJourneyProcess.WATCH_PROCESS_KEY,
          oldVersion, shipped, Map.of()), List.of(old.getId()))).allMatch(CaseMigrations.InstanceOutcome::succeeded);
      travelTo(today().plusDays(10));
      complete(caseId, Element.TASK_EVALUATION, Map.of());
      assertThat(watchTimer(caseId, "EVALUATION").getDuedate()).isEqualTo(toldOn);
      LocalDate held = today();
      travelTo(held.plusDays(42 - 14));
      assertThat(watchTimer(caseId, "EVALUATION").getDuedate())
          .isEqualTo(Date.from(held.plusDays(42 - 3).atStartOfDay(ZONE).toInstant()));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private List<Notice> evaluationWarnings(UUID caseId) {
    return noticesFor(caseId, Notice.Kind.DEADLINE_WARNING).stream().filter(n -> n.title().startsWith("Evaluatie"))
        .toList();
  }

  @Test
  void anExpertOpinionAskedByTheEmployeeIsActedOn() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "expert");
    driveTo(caseId, Phase.SPOOR_1);
    Actor employee = new Actor(employee(caseId).userId(), Set.of("employee"), false);
    Actor lineManager = new Actor(registry.get(caseId).lineManagerUserId(), Set.of("line-manager"), false);
    assertThat(requests.openTo(lineManager, caseId)).isEmpty();
    assertThatThrownBy(() -> requests.request(lineManager, caseId, JourneyRequests.Request.EXPERT_OPINION))
        .isInstanceOf(nl.bluevitaal.privacy.CaseAccessDeniedException.class);
    requests.request(employee, caseId, JourneyRequests.Request.EXPERT_OPINION);
    complete(caseId, Element.TASK_REQUEST_EXPERT_OPINION, Map.of());
    complete(caseId, Element.TASK_RECORD_EXPERT_OPINION, Map.of(Var.EXPERT_OPINION_ASKS_CHANGE, true));
    complete(caseId, Element.TASK_ACT_ON_EXPERT_OPINION, Map.of());
    // An expert opinion that asks for nothing new ends there.
    requests.request(new Actor("couns-1", Set.of("counsellor"), false), caseId,
        JourneyRequests.Request.EXPERT_OPINION);
    complete(caseId, Element.TASK_REQUEST_EXPERT_OPINION, Map.of());
    complete(caseId, Element.TASK_RECORD_EXPERT_OPINION, Map.of(Var.EXPERT_OPINION_ASKS_CHANGE, false));
    assertThat(journeySteps(caseId)).containsExactlyInAnyOrder(Element.TASK_EVALUATION, Element.TASK_UWV_NOTIFICATION);
    assertThat(auditTrail.forCase(caseId)).anySatisfy(e -> assertThat(e.what()).isEqualTo("request EXPERT_OPINION"));
  }

  @Test
  void aSecondOpinionGoesToAnotherDoctorAndBackToTheCasesDoctor() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "second");
    driveTo(caseId, Phase.SPOOR_1);
    requests.request(new Actor(employee(caseId).userId(), Set.of("employee"), false), caseId,
        JourneyRequests.Request.SECOND_OPINION);
    assertThat(step(caseId, Element.TASK_ARRANGE_SECOND_OPINION).candidateUsers()).containsExactly("couns-1");
    complete(caseId, Element.TASK_ARRANGE_SECOND_OPINION, Map.of());
    assertThat(step(caseId, Element.TASK_DISCUSS_SECOND_OPINION).candidateUsers()).containsExactly("doc-1");
    complete(caseId, Element.TASK_DISCUSS_SECOND_OPINION, Map.of());
    assertThat(journeySteps(caseId)).containsExactlyInAnyOrder(Element.TASK_EVALUATION, Element.TASK_UWV_NOTIFICATION);
  }

  @Test
  void recoveryAfterTheUwvNotificationIsReportedToUwv() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "herstel");
    driveTo(caseId, Phase.SPOOR_1);
    complete(caseId, Element.TASK_UWV_NOTIFICATION, Map.of());
    travelTo(today().plusDays(10));
    registry.reportFullRecovery(caseId, today());
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_REPORT_RECOVERY_TO_UWV);
    assertThat(step(caseId, Element.TASK_REPORT_RECOVERY_TO_UWV).due())
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(2, ChronoUnit.DAYS));
    complete(caseId, Element.TASK_REPORT_RECOVERY_TO_UWV, Map.of());
    travelTo(today().plusDays(28));
    assertThat(journey(caseId)).isNull();
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.CLOSED);
  }

  @Test
  void aRelapseBeforeTheRecoveryReportResumesTheJourney() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "herstel-terug");
    driveTo(caseId, Phase.SPOOR_1);
    complete(caseId, Element.TASK_UWV_NOTIFICATION, Map.of());
    travelTo(today().plusDays(10));
    registry.reportFullRecovery(caseId, today());
    travelTo(today().plusDays(1));
    registry.reportRelapse(registry.get(caseId).employeeId(), today());
    assertThat(stepKeys(caseId)).contains(Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE)
        .doesNotContain(Element.TASK_REPORT_RECOVERY_TO_UWV);
  }

  @Test
  void aLateUwvNotificationMovesTheFinalStageAndItsWatches() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "uwv-late");
    driveTo(caseId, Phase.SPOOR_1);
    LocalDate uwvDue = due(caseId, Milestone.UWV_NOTIFICATION);
    LocalDate finalBefore = due(caseId, Milestone.FINAL_EVALUATION);
    LocalDate wiaBefore = due(caseId, Milestone.WIA_APPLICATION);
    travelTo(uwvDue.plusDays(11));
    complete(caseId, Element.TASK_UWV_NOTIFICATION, Map.of());
    // Received ten days after the last day that is still on time (the day after the deadline).
    registry.recordUwvNotification(caseId, uwvDue.plusDays(11), registry.get(caseId).version());

    assertThat(due(caseId, Milestone.FINAL_EVALUATION)).isEqualTo(finalBefore.plusDays(10));
    assertThat(due(caseId, Milestone.WIA_APPLICATION)).isEqualTo(wiaBefore.plusDays(10));
    // The watch of the final evaluation follows: its first warning is 14 days before the moved deadline.
    assertThat(watchTimer(caseId, "FINAL_EVALUATION").getDuedate()).isEqualTo(Date.from(
        finalBefore.plusDays(10).minusDays(14).atStartOfDay(ZONE).toInstant()));
    assertThat(openDeadlinesWithoutTimer(caseId)).isEmpty();
  }

  @Test
  void atWeek104WhatIsStillOpenIsListedAndEscalatedNotDropped() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "end");
    driveTo(caseId, Phase.WIA_APPLICATION);
    travelTo(due(caseId, Milestone.END_OF_WAGE_PAYMENT).plusDays(1));
    // The WIA application was never filed: it stays on the case, and the counsellor must close it.
    assertThat(journey(caseId)).isNotNull();
    assertThat(journeySteps(caseId)).contains(Element.TASK_COMPILE_REINTEGRATION_REPORT,
        Element.TASK_CLOSE_OPEN_STEPS_AT_END);
    assertThat(noticesFor(caseId, Notice.Kind.OPEN_AT_END)).singleElement().satisfies(n -> {
      assertThat(n.recipientUserId()).isEqualTo("couns-1");
      assertThat(n.title()).contains("Re-integratieverslag samenstellen");
    });
    complete(caseId, Element.TASK_CLOSE_OPEN_STEPS_AT_END, Map.of());
    assertThat(journey(caseId)).isNull();
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.CLOSED);
    assertThat(stepKeys(caseId)).isEmpty();
  }

  @Test
  void sickReportFromLongAgoEscalatesAtStartInsteadOfFailing() {
    UUID caseId = reportSick(LocalDate.now(ZONE).minusWeeks(100), "old");
    travelTo(LocalDate.now(ZONE));
    complete(caseId, Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2));
    tasks.catchUp(caseId);
    assertThat(stepKeys(caseId)).contains(Element.TASK_PROBLEM_ANALYSIS, Element.TASK_HANDLE_OVERDUE_DEADLINE);
    assertThat(registry.get(caseId).overdue()).isTrue();
  }

  @Test
  void resumesAtTheFirstOpenStepAfterAJoinedRelapse() {
    assertThat(resumeAfterRelapse(Phase.INTAKE)).containsExactly(Element.TASK_INTAKE);
    assertThat(resumeAfterRelapse(Phase.PROBLEM_ANALYSIS)).containsExactly(Element.TASK_PROBLEM_ANALYSIS);
    assertThat(resumeAfterRelapse(Phase.FIRST_YEAR_EVALUATION))
        .containsExactlyInAnyOrder(Element.TASK_EVALUATION, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE);
    assertThat(resumeAfterRelapse(Phase.SPOOR_2))
        .containsExactlyInAnyOrder(Element.TASK_EVALUATION, Element.TASK_START_SPOOR_2);
    assertThat(resumeAfterRelapse(Phase.FINAL_EVALUATION))
        .containsExactlyInAnyOrder(Element.TASK_EVALUATION, Element.TASK_CURRENT_OPINION);
    // The report is compiled again with what the relapse changed, then the employee files.
    assertThat(resumeAfterRelapse(Phase.WIA_APPLICATION)).containsExactlyInAnyOrder(Element.TASK_EVALUATION,
        Element.TASK_COMPILE_REINTEGRATION_REPORT, Element.TASK_WRITE_EMPLOYEE_VIEW,
        Element.TASK_GIVE_MEDICAL_INFORMATION);
    assertThat(resumeAfterRelapse(Phase.CLOSED)).containsExactly(Element.TASK_EVALUATION);
  }

  @Test
  void refusesAnOutcomeTheStepDoesNotTake() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "emp");
    OpenStep intake = step(caseId, Element.TASK_INTAKE);
    try {
      tasks.complete(caseId, intake.taskId(), Map.of(Var.WORK_CONFLICT, "ja", "diagnosis", "x"));
      throw new AssertionError("expected InvalidOutcomeException");
    } catch (InvalidOutcomeException e) {
      assertThat(e.fieldErrors()).containsOnlyKeys(Var.WORK_CONFLICT, Var.EXPECTED_ABSENCE_WEEKS, "diagnosis");
    }
    assertThat(stepKeys(caseId)).containsExactly(Element.TASK_INTAKE);
  }

  // ---- helpers

  /**
   * Drives a case to the step named by the phase (FIRST_YEAR_EVALUATION: its task is open; SPOOR_2: the start of
   * spoor 2 is open; FINAL_EVALUATION: the current opinion is open; WIA_APPLICATION: the application is open;
   * CLOSED: every step done, only evaluations left), then recovers and relapses within the window.
   */
  @Test
  void aVoluntaryExtensionMovesTheFinalStageAndTheEndWhileASanctionMovesOnlyTheEnd() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "ext");
    driveTo(caseId, Phase.SPOOR_2);
    complete(caseId, Element.TASK_START_SPOOR_2, Map.of());
    LocalDate finalStageBefore = due(caseId, Milestone.FINAL_EVALUATION);
    LocalDate endBefore = due(caseId, Milestone.END_OF_WAGE_PAYMENT);
    Instant finalStageTimer = deadlineJob(caseId, Element.TIMER_FINAL_STAGE).getDuedate().toInstant();
    Instant endTimer = deadlineJob(caseId, "StartEvent_WagePaymentEnds").getDuedate().toInstant();

    registry.recordWagePaymentExtension(caseId, 10, 0, registry.get(caseId).version());

    assertThat(due(caseId, Milestone.FINAL_EVALUATION)).isEqualTo(finalStageBefore.plusWeeks(10));
    assertThat(deadlineJob(caseId, Element.TIMER_FINAL_STAGE).getDuedate().toInstant())
        .isEqualTo(finalStageTimer.atZone(ZONE).plusWeeks(10).toInstant());
    assertThat(deadlineJob(caseId, "StartEvent_WagePaymentEnds").getDuedate().toInstant())
        .isEqualTo(endTimer.atZone(ZONE).plusWeeks(10).toInstant());

    registry.recordWagePaymentExtension(caseId, 10, 4, registry.get(caseId).version());

    assertThat(due(caseId, Milestone.FINAL_EVALUATION)).isEqualTo(finalStageBefore.plusWeeks(10));
    assertThat(due(caseId, Milestone.END_OF_WAGE_PAYMENT)).isEqualTo(endBefore.plusWeeks(14));
    assertThat(deadlineJob(caseId, Element.TIMER_FINAL_STAGE).getDuedate().toInstant())
        .isEqualTo(finalStageTimer.atZone(ZONE).plusWeeks(10).toInstant());
    assertThat(deadlineJob(caseId, "StartEvent_WagePaymentEnds").getDuedate().toInstant())
        .isEqualTo(endTimer.atZone(ZONE).plusWeeks(14).toInstant());
    // The final stage now opens ten weeks later: nothing happens at the old date.
    travelTo(finalStageBefore.minusDays(26));
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_CURRENT_OPINION);
    travelTo(finalStageBefore.plusWeeks(10).minusDays(26));
    assertThat(stepKeys(caseId)).contains(Element.TASK_CURRENT_OPINION);
    assertThat(step(caseId, Element.TASK_CURRENT_OPINION).due().atZone(ZONE).toLocalDate())
        .isEqualTo(finalStageBefore.plusWeeks(10).minusDays(14));
  }

  @Test
  void aStaleExtensionIsRefusedAndMovesNothing() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "stale");
    int version = registry.get(caseId).version();
    registry.recordWagePaymentExtension(caseId, 4, 0, version);
    LocalDate end = due(caseId, Milestone.END_OF_WAGE_PAYMENT);

    assertThatThrownBy(() -> registry.recordWagePaymentExtension(caseId, 8, 0, version))
        .isInstanceOf(StaleEditException.class);
    assertThat(due(caseId, Milestone.END_OF_WAGE_PAYMENT)).isEqualTo(end);
  }

  @Test
  void stepsGoToThePeopleOfTheCaseAndToTheGroupOnlyWhenNobodyHasTheRole() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "people");
    assertThat(step(caseId, Element.TASK_INTAKE).candidateUsers()).containsExactly("couns-1");
    assertThat(step(caseId, Element.TASK_INTAKE).candidateGroups()).isEmpty();
    driveTo(caseId, Phase.PLAN_OF_ACTION);
    complete(caseId, Element.TASK_DRAFT_PLAN_OF_ACTION, Map.of());
    OpenStep lineManagerStep = step(caseId, Element.TASK_AGREE_PLAN_LINE_MANAGER);

    assertThat(lineManagerStep.assignee()).isEqualTo(registry.get(caseId).lineManagerUserId());
    assertThat(lineManagerStep.candidateGroups()).doesNotContain("line-manager");

    Employee unassigned = registry.registerEmployee(new NewEmployee("J-unassigned-" + EMPLOYEES.incrementAndGet(),
        "Werknemer zonder account", null, "Eenheid Noord", "Team X", null));
    UUID orphan = registry.reportSick(new SickReport(unassigned.id(), today(), null, null));
    assertThat(step(orphan, Element.TASK_INTAKE).candidateUsers()).isEmpty();
    assertThat(step(orphan, Element.TASK_INTAKE).candidateGroups()).containsExactly("counsellor");
  }

  private List<String> resumeAfterRelapse(Phase phase) {
    UUID caseId = reportSick(FIRST_SICK_DAY, "resume");
    driveTo(caseId, phase);
    LocalDate recoveredOn = today().plusDays(1);
    travelTo(recoveredOn);
    registry.reportFullRecovery(caseId, recoveredOn);
    travelTo(recoveredOn.plusDays(7));
    registry.reportRelapse(registry.get(caseId).employeeId(), today());
    if (stepKeys(caseId).contains(Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE)) {
      complete(caseId, Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE, Map.of());
    }
    tasks.catchUp(caseId);
    return stepKeys(caseId).stream().filter(k -> !k.equals(Element.TASK_HANDLE_OVERDUE_DEADLINE)).toList();
  }

  private void driveTo(UUID caseId, Phase target) {
    if (target == Phase.INTAKE) {
      return;
    }
    complete(caseId, Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2));
    if (target == Phase.PROBLEM_ANALYSIS) {
      return;
    }
    complete(caseId, Element.TASK_PROBLEM_ANALYSIS, Map.of());
    complete(caseId, Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, false));
    if (target == Phase.PLAN_OF_ACTION) {
      return;
    }
    complete(caseId, Element.TASK_DRAFT_PLAN_OF_ACTION, Map.of());
    complete(caseId, Element.TASK_AGREE_PLAN_EMPLOYEE, Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true));
    complete(caseId, Element.TASK_AGREE_PLAN_LINE_MANAGER, Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, true));
    if (target == Phase.SPOOR_1) {
      return;
    }
    complete(caseId, Element.TASK_UWV_NOTIFICATION, Map.of());
    travelTo(due(caseId, Milestone.FIRST_YEAR_EVALUATION).minusDays(48));
    if (target == Phase.FIRST_YEAR_EVALUATION) {
      return;
    }
    complete(caseId, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Map.of(Var.DURABLE_FULL_INCAPACITY_EXPECTED, false));
    complete(caseId, Element.TASK_FIRST_YEAR_EVALUATION, Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, false));
    if (target == Phase.SPOOR_2) {
      return;
    }
    complete(caseId, Element.TASK_START_SPOOR_2, Map.of());
    travelTo(due(caseId, Milestone.FINAL_EVALUATION).minusDays(27));
    if (target == Phase.FINAL_EVALUATION) {
      return;
    }
    complete(caseId, Element.TASK_CURRENT_OPINION, Map.of());
    complete(caseId, Element.TASK_FINAL_EVALUATION, Map.of());
    if (target == Phase.WIA_APPLICATION) {
      return;
    }
    complete(caseId, Element.TASK_COMPILE_REINTEGRATION_REPORT, Map.of());
    complete(caseId, Element.TASK_WRITE_EMPLOYEE_VIEW, Map.of());
    complete(caseId, Element.TASK_GIVE_MEDICAL_INFORMATION, Map.of());
    complete(caseId, Element.TASK_WIA_APPLICATION, Map.of());
  }

  private void missDeadline(UUID caseId, Milestone milestone) {
    LocalDate due = due(caseId, milestone);
    travelTo(due);
    assertThat(registry.deadlines(caseId)).filteredOn(d -> d.milestone() == milestone).allMatch(d -> !d.overdue());
    travelTo(due.plusDays(1));
    assertThat(registry.deadlines(caseId)).filteredOn(d -> d.milestone() == milestone)
        .singleElement().satisfies(d -> assertThat(d.overdue()).isTrue());
    assertThat(registry.get(caseId).overdue()).isTrue();
  }

  /** A sick report the counsellor passes on to the company doctor at once (week 1). */
  private UUID reportSick(LocalDate firstSickDay, String prefix) {
    UUID caseId = reportSickNotYetPassedOn(firstSickDay, prefix);
    complete(caseId, Element.TASK_REPORT_TO_COMPANY_DOCTOR, Map.of());
    return caseId;
  }

  private UUID reportSickNotYetPassedOn(LocalDate firstSickDay, String prefix) {
    travelTo(firstSickDay);
    int n = EMPLOYEES.incrementAndGet();
    Employee employee = registry.registerEmployee(new NewEmployee("J" + n, "Werknemer " + n, prefix + "-" + n,
        "Eenheid Noord", "Team " + n, "lm-" + n));
    UUID caseId = registry.reportSick(new SickReport(employee.id(), firstSickDay, "couns-1", "doc-1"));
    SCENARIO_CASES.add(caseId);
    return caseId;
  }

  private Employee employee(UUID caseId) {
    return registry.employeeOfCase(caseId);
  }

  /** Moves engine and domain time to 09:00 on the day, then runs the scenarios' due timers (the job executor is off). */
  private void travelTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
    for (UUID caseId : SCENARIO_CASES) {
      tasks.catchUp(caseId);
    }
  }

  private LocalDate today() {
    return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).toLocalDate();
  }

  private LocalDate due(UUID caseId, Milestone milestone) {
    return registry.dueDate(caseId, milestone).orElseThrow();
  }

  private Set<Milestone> met(UUID caseId) {
    return registry.deadlines(caseId).stream().filter(d -> d.metOn() != null).map(CaseDeadline::milestone)
        .collect(Collectors.toSet());
  }

  private void complete(UUID caseId, String stepKey, Map<String, Object> outcome) {
    tasks.complete(caseId, step(caseId, stepKey).taskId(), new HashMap<>(outcome));
  }

  @Test
  void aPersonsStepsShowEveryoneTheyAreOfferedToAndOnlyTheirOwnStepsCanBeCompletedByThem() {
    UUID caseId = reportSick(FIRST_SICK_DAY, "offer");
    OpenStep intake = step(caseId, Element.TASK_INTAKE);
    // Offered to the case's counsellor by the model; offered to the whole group as well, as Tasklist users can.
    taskService.addCandidateGroup(intake.taskId(), "counsellor");

    assertThat(tasks.openStepsFor("couns-1", List.of("counsellor")).get(caseId)).singleElement()
        .satisfies(s -> {
          assertThat(s.candidateUsers()).containsExactly("couns-1");
          assertThat(s.candidateGroups()).containsExactly("counsellor");
        });
    assertThat(tasks.openStepsFor("couns-2", List.of("counsellor")).get(caseId)).hasSize(1);
    assertThat(tasks.openStepsFor("couns-2", List.of()).get(caseId)).isNull();

    // The employee may read their own case, but the intake is the counsellor's step.
    nl.bluevitaal.privacy.Actor employee = new nl.bluevitaal.privacy.Actor(employee(caseId).userId(),
        Set.of("employee"), false);
    Map<String, Object> outcome = Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2);
    assertThatThrownBy(() -> tasks.complete(employee, caseId, intake.taskId(), outcome))
        .isInstanceOf(NoSuchStepException.class);

    tasks.complete(new nl.bluevitaal.privacy.Actor("couns-1", Set.of("counsellor"), false), caseId,
        intake.taskId(), outcome);
    assertThat(stepKeys(caseId)).doesNotContain(Element.TASK_INTAKE);
    assertThat(auditTrail.forCase(caseId)).anySatisfy(e -> {
      assertThat(e.actorUserId()).isEqualTo("couns-1");
      assertThat(e.what()).isEqualTo("step Task_Intake completed");
    });
  }

  private OpenStep step(UUID caseId, String stepKey) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst()
        .orElseThrow(() -> new AssertionError(stepKey + " is not open; open: " + stepKeys(caseId)));
  }

  private List<String> stepKeys(UUID caseId) {
    return tasks.openSteps(caseId).stream().map(OpenStep::stepKey).toList();
  }

  private ProcessInstance journey(UUID caseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY)
        .processInstanceBusinessKey(caseId.toString()).singleResult();
  }

  /** The timer the watch of this deadline waits on now (a warning, the deadline, or a rung of the ladder). */
  private Job watchTimer(UUID caseId, String watched) {
    ProcessInstance watch = watch(caseId, watched);
    assertThat(watch).as("watch of " + watched).isNotNull();
    return managementService.createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
  }

  private ProcessInstance watch(UUID caseId, String watched) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReintegrationJourneyProcess.WATCH_PROCESS_KEY)
        .processInstanceBusinessKey(caseId.toString()).variableValueEquals(Var.MILESTONE, watched).singleResult();
  }

  private List<String> watches(UUID caseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReintegrationJourneyProcess.WATCH_PROCESS_KEY)
        .processInstanceBusinessKey(caseId.toString()).list().stream()
        .map(p -> (String) runtimeService.getVariable(p.getId(), Var.MILESTONE)).toList();
  }

  /** The case's open legal deadlines that no watch holds a timer for: must always be none. */
  private List<Milestone> openDeadlinesWithoutTimer(UUID caseId) {
    return registry.deadlines(caseId).stream().filter(CaseDeadline::isOpen).map(CaseDeadline::milestone)
        .filter(m -> m != Milestone.END_OF_WAGE_PAYMENT)
        .filter(m -> watch(caseId, m.name()) == null || managementService.createJobQuery()
            .processInstanceId(watch(caseId, m.name()).getId()).timers().count() == 0)
        .toList();
  }

  private OpenStep escalation(UUID caseId) {
    return step(caseId, Element.TASK_HANDLE_OVERDUE_DEADLINE);
  }

  /** The steps of the journey itself, without the escalations of its watches. */
  private List<String> journeySteps(UUID caseId) {
    return stepKeys(caseId).stream().filter(k -> !k.equals(Element.TASK_HANDLE_OVERDUE_DEADLINE)).toList();
  }

  /** What the people of the case were told about it, oldest first. */
  private List<Notice> noticesFor(UUID caseId, Notice.Kind kind) {
    return allNotices(caseId).stream().filter(n -> n.kind() == kind).toList();
  }

  private List<Notice> allNotices(UUID caseId) {
    return java.util.stream.Stream.of("doc-1", "couns-1", employee(caseId).userId(),
            registry.get(caseId).lineManagerUserId())
        .flatMap(user -> notices.unread(user).stream()).filter(n -> n.notice().caseId().equals(caseId))
        .sorted(java.util.Comparator.comparing(Notice.Stored::createdAt)).map(Notice.Stored::notice).toList();
  }

  private Job deadlineJob(UUID caseId, String boundaryEventId) {
    return managementService.createJobQuery().processInstanceId(journey(caseId).getId())
        .activityId(boundaryEventId).singleResult();
  }

  private Object variable(UUID caseId, String name) {
    return runtimeService.getVariable(journey(caseId).getId(), name);
  }

  private Set<String> variableNames(UUID caseId) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseId.toString()).list().stream().map(p -> p.getId()).toArray(String[]::new))
        .list().stream().map(HistoricVariableInstance::getName).collect(Collectors.toSet());
  }
}
