package nl.bluevitaal.insight;

import static nl.bluevitaal.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.casefile.SupportContact;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.ModelDryRun;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Insight's read model on a small fixed caseload lived through the real services and the engine, day by day on the
 * engine's clock: its rows against values worked out by hand from the legal weeks and the escalation ladder; the
 * rebuild from scratch against what the events kept; events heard twice; the dry run; who may rebuild.
 *
 * <p>Case A (on time): sick Monday 5 January 2026; intake 7 January (2 weeks expected: light guidance, no buddy);
 * analysis done 2 February (due Sunday 15 February, end of week 6); plan agreed 16 February (due 1 March, end of week
 * 8); partial work from 2 March; evaluation 10 March; full recovery 20 March; relapse watch ends 17 April: closed,
 * back at own work. Case B (late): intake 7 January (6 weeks: standard, buddy offered); the analysis stalls past its
 * deadline (warnings on 1 and 12 February, rung 1 on 16 February, rung 2 three days later) and is done 20 February;
 * plan 23 February; full recovery 2 March; relapse 12 March, within the watch: the case opens again, and spoor 1
 * resumes with the doctor's updated analysis the next day.
 */
@ApplicationTest
class ReadModelTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
  private static final Set<UUID> CASES = ConcurrentHashMap.newKeySet();

  @Autowired CaseRegistry registry;
  @Autowired JourneyTasks tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ReadModelRebuild rebuild;
  @Autowired ModelDryRun dryRun;
  @Autowired MockMvc mvc;
  @Autowired CaseFixtures fixtures;
  @Autowired DocumentChanges documents;
  @Autowired Goals goals;
  @Autowired SupportNetwork network;

  private static UUID caseA;
  private static UUID caseB;
  private static String counsellor;

  /** Lived once for the class: the tests only read it, or change what they change back. */
  @BeforeEach
  void liveTheCaseload() {
    if (caseA != null) {
      return;
    }
    counsellor = fixtures.user("couns-rm", Groups.COUNSELLOR);
    String tag = CaseFixtures.tag("rm");
    travelTo(FIRST_SICK_DAY);
    Employee a = employee("A" + tag);
    Employee b = employee("B" + tag);
    caseA = reportSick(a);
    caseB = reportSick(b);

    liveUntil(LocalDate.of(2026, 1, 7));
    complete(caseA, Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2));
    complete(caseB, Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 6));
    complete(caseB, Element.TASK_OFFER_BUDDY, Map.of());
    Actor keeper = CaseFixtures.actor(counsellor, Groups.COUNSELLOR);
    goals.add(keeper, caseA, "Weer twee dagen per week werken", null, 0, LocalDate.of(2026, 1, 7));
    network.add(CaseFixtures.actor(a.userId(), Groups.EMPLOYEE), caseA, SupportContact.Kind.BUDDY, "Maatje",
        "collega", null);

    liveUntil(LocalDate.of(2026, 2, 2));
    complete(caseA, Element.TASK_PROBLEM_ANALYSIS, Map.of());
    complete(caseA, Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, false));

    liveUntil(LocalDate.of(2026, 2, 16));
    completePlan(caseA);
    var plan = documents.create(keeper, caseA, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        DocumentContent.content(DocumentType.PLAN_OF_ACTION, Map.of("doel", "Terug naar eigen werk",
            "activiteiten", "Opbouw", "arbeidsinhoud", "Minder piketdiensten", "arbeidsomstandigheden", "Rustige plek",
            "afspraken", "Wekelijks contact", "evaluatiemomenten", "Elke zes weken")), null);
    documents.changeStatus(keeper, caseA, plan.id(), plan.version(), DocumentStatus.RELEASED);

    liveUntil(LocalDate.of(2026, 2, 20));
    complete(caseB, Element.TASK_PROBLEM_ANALYSIS, Map.of());
    complete(caseB, Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, false));
    liveUntil(LocalDate.of(2026, 2, 23));
    completePlan(caseB);

    liveUntil(LocalDate.of(2026, 3, 2));
    registry.recordWorkCapacity(caseA, 50, LocalDate.of(2026, 3, 2), counsellor, registry.get(caseA).version());
    registry.reportFullRecovery(caseB, LocalDate.of(2026, 3, 2));
    liveUntil(LocalDate.of(2026, 3, 10));
    complete(caseA, Element.TASK_EVALUATION, Map.of());
    liveUntil(LocalDate.of(2026, 3, 12));
    registry.reportRelapse(b.id(), LocalDate.of(2026, 3, 12));
    liveUntil(LocalDate.of(2026, 3, 13));
    complete(caseB, Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE, Map.of());
    liveUntil(LocalDate.of(2026, 3, 20));
    registry.reportFullRecovery(caseA, LocalDate.of(2026, 3, 20));
    liveUntil(LocalDate.of(2026, 4, 17));
    ClockUtil.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theEventsKeepEachCaseAsWorkedOutByHand() {
    assertThat(row("insight_case", caseA)).containsAllEntriesOf(Map.ofEntries(
        Map.entry("PHASE", "CLOSED"), Map.entry("PHASE_SINCE", day(2026, 4, 17)),
        Map.entry("OPENED_ON", day(2026, 1, 5)), Map.entry("FIRST_SICK_DAY", day(2026, 1, 5)),
        Map.entry("CLOSED_ON", day(2026, 4, 17)), Map.entry("OUTCOME", "OWN_WORK"),
        Map.entry("FIRST_RETURN_ON", day(2026, 3, 2)), Map.entry("FULL_RETURN_ON", day(2026, 3, 20)),
        Map.entry("RELAPSES", 0), Map.entry("GUIDANCE_INTENSITY", "LICHT"), Map.entry("BUDDY_RECOMMENDED", false),
        Map.entry("BUDDY_INVOLVED", true), Map.entry("HOME_FRONT_INVOLVED", false),
        Map.entry("HAS_AGREED_GOAL", true), Map.entry("LAST_EVALUATION_ON", day(2026, 3, 10)),
        Map.entry("AREA_CONTENT", true), Map.entry("AREA_RELATIONS", false), Map.entry("AREA_CONDITIONS", true),
        Map.entry("AREA_TERMS", false), Map.entry("COUNSELLOR_USER_ID", counsellor)));
    assertThat(stays(caseA)).containsExactly(
        tuple("INTAKE", day(2026, 1, 5), day(2026, 1, 7)),
        tuple("PROBLEM_ANALYSIS", day(2026, 1, 7), day(2026, 2, 2)),
        tuple("PLAN_OF_ACTION", day(2026, 2, 2), day(2026, 2, 16)),
        tuple("SPOOR_1", day(2026, 2, 16), day(2026, 3, 20)),
        tuple("RELAPSE_WATCH", day(2026, 3, 20), day(2026, 4, 17)),
        tuple("CLOSED", day(2026, 4, 17), null));
    // The deadlines a recovered case no longer reaches are gone, as in the case file; the met ones stay.
    assertThat(deadlines(caseA)).containsExactly(
        tuple("PLAN_OF_ACTION", day(2026, 3, 1), day(2026, 2, 16), false, 0),
        tuple("PROBLEM_ANALYSIS", day(2026, 2, 15), day(2026, 2, 2), false, 0));
    assertThat(escalations(caseA)).containsExactly(
        tuple("PLAN_OF_ACTION", 0, day(2026, 2, 15)),
        tuple("PROBLEM_ANALYSIS", 0, day(2026, 2, 1)));

    assertThat(row("insight_case", caseB)).containsAllEntriesOf(Map.ofEntries(
        Map.entry("PHASE", "SPOOR_1"), Map.entry("GUIDANCE_INTENSITY", "STANDAARD"),
        Map.entry("BUDDY_RECOMMENDED", true), Map.entry("BUDDY_INVOLVED", false), Map.entry("RELAPSES", 1),
        Map.entry("FIRST_RETURN_ON", day(2026, 3, 2)), Map.entry("HAS_AGREED_GOAL", false),
        Map.entry("LAST_EVALUATION_ON", day(2026, 2, 23)), Map.entry("AREA_CONTENT", false)));
    assertThat(row("insight_case", caseB).get("PHASE_SINCE")).isEqualTo(day(2026, 3, 13));
    assertThat(row("insight_case", caseB).get("FULL_RETURN_ON")).isNull();
    // The relapse reopens the case in the relapse watch; the doctor's updated analysis resumes spoor 1.
    assertThat(stays(caseB)).containsExactly(
        tuple("INTAKE", day(2026, 1, 5), day(2026, 1, 7)),
        tuple("PROBLEM_ANALYSIS", day(2026, 1, 7), day(2026, 2, 20)),
        tuple("PLAN_OF_ACTION", day(2026, 2, 20), day(2026, 2, 23)),
        tuple("SPOOR_1", day(2026, 2, 23), day(2026, 3, 2)),
        tuple("RELAPSE_WATCH", day(2026, 3, 2), day(2026, 3, 13)),
        tuple("SPOOR_1", day(2026, 3, 13), null));
    assertThat(row("insight_case", caseB).get("CLOSED_ON")).isNull();
    assertThat(row("insight_case", caseB).get("OUTCOME")).isNull();
    // Late by five days, after the ladder climbed two rungs (the doctor's for three days, then the counsellor's).
    assertThat(deadlines(caseB)).contains(
        tuple("PROBLEM_ANALYSIS", day(2026, 2, 15), day(2026, 2, 20), true, 2),
        tuple("PLAN_OF_ACTION", day(2026, 3, 1), day(2026, 2, 23), false, 0));
    assertThat(escalations(caseB)).contains(
        tuple("PROBLEM_ANALYSIS", 0, day(2026, 2, 1)),
        tuple("PROBLEM_ANALYSIS", 0, day(2026, 2, 12)),
        tuple("PROBLEM_ANALYSIS", 1, day(2026, 2, 16)),
        tuple("PROBLEM_ANALYSIS", 2, day(2026, 2, 19)));
    assertThat(escalations(caseB)).filteredOn(e -> e.toList().get(0).equals("PROBLEM_ANALYSIS")).hasSize(4);

    // Every step of case A, per element: done, or ended unfinished when the recovery stopped the guidance.
    assertThat(steps(caseA)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Element.TASK_REPORT_TO_COMPANY_DOCTOR, List.of(true),
        Element.TASK_INTAKE, List.of(true),
        Element.TASK_PROBLEM_ANALYSIS, List.of(true),
        Element.TASK_REVIEW_PROBLEM_ANALYSIS, List.of(true),
        Element.TASK_DRAFT_PLAN_OF_ACTION, List.of(true),
        Element.TASK_AGREE_PLAN_EMPLOYEE, List.of(true),
        Element.TASK_AGREE_PLAN_LINE_MANAGER, List.of(true),
        Element.TASK_EVALUATION, List.of(false, true),
        Element.TASK_UWV_NOTIFICATION, List.of(false),
        Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY, List.of(false)));
    assertThat(jdbc.queryForObject("select count(*) from insight_step where case_id = ? and ended_at is null",
        Integer.class, caseA)).isZero();
    // The sick periods and the work capacity the absence figures weigh: A worked half from 2 March, fully from 20
    // March; B recovered on 2 March and relapsed on 12 March, within the watch: a second period, still running.
    assertThat(jdbc.query("select sick_from, recovered_on from insight_sick_period where case_id = ? order by sick_from",
        (rs, n) -> tuple(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)), caseA))
        .containsExactly(tuple(day(2026, 1, 5), day(2026, 3, 20)));
    assertThat(jdbc.query("select from_on, pct from insight_work_capacity where case_id = ?",
        (rs, n) -> tuple(rs.getObject(1, LocalDate.class), rs.getInt(2)), caseA))
        .containsExactly(tuple(day(2026, 3, 2), 50));
    assertThat(jdbc.query("select sick_from, recovered_on from insight_sick_period where case_id = ? order by sick_from",
        (rs, n) -> tuple(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)), caseB))
        .containsExactly(tuple(day(2026, 1, 5), day(2026, 3, 2)), tuple(day(2026, 3, 12), null));

    // Case B's escalation steps: each rung's step ended when the next rung or the late analysis took over.
    assertThat(steps(caseB).get(Element.TASK_HANDLE_OVERDUE_DEADLINE)).containsExactly(false, false);
  }

  @Test
  void theRebuildFromScratchGivesTheRowsTheEventsKept() throws Exception {
    Map<String, List<String>> kept = snapshot();

    mvc.perform(post("/api/insight/read-model/rebuild").with(as(fixtures.user("adm-rm", Groups.ADMINISTRATOR),
            Groups.ADMINISTRATOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cases").isNumber())
        .andExpect(jsonPath("$.steps").isNumber())
        .andExpect(jsonPath("$.deadlines").isNumber())
        .andExpect(jsonPath("$.durationMs").isNumber());

    assertThat(snapshot()).isEqualTo(kept);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'WRITE'"
        + " and what like 'insight: read model rebuilt (%'", Integer.class)).isPositive();
  }

  /**
   * Heard twice in one transaction, as a retried command would publish them. Only events no other module acts on: the
   * journey would act on a recovery or a relapse again (a relapse counts once by its day, its table's key).
   */
  @Test
  void anEventHeardTwiceChangesNothing() {
    Map<String, List<String>> kept = snapshot();
    Map<String, Object> step = jdbc.queryForMap("select * from insight_step where case_id = ? and element_id = ?",
        caseA, Element.TASK_INTAKE);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      for (int i = 0; i < 2; i++) {
        events.publishEvent(new CaseFileEvents.CaseOpened(caseA, "Eenheid Test", "Team Test", counsellor,
            FIRST_SICK_DAY, FIRST_SICK_DAY));
        events.publishEvent(new CaseFileEvents.PhaseEntered(caseA, Phase.CLOSED, LocalDate.of(2026, 4, 17)));
        events.publishEvent(new CaseFileEvents.DeadlineMet(caseA, Milestone.PROBLEM_ANALYSIS,
            LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 2)));
        events.publishEvent(new CaseFileEvents.DeadlineMissed(caseB, Milestone.PROBLEM_ANALYSIS,
            LocalDate.of(2026, 2, 15)));
        events.publishEvent(new CaseFileEvents.GoalAgreed(caseA, UUID.randomUUID()));
        events.publishEvent(new JourneyEvents.StepOpened((String) step.get("TASK_ID"), caseA,
            ReintegrationJourneyProcess.PROCESS_KEY, Element.TASK_INTAKE,
            ((OffsetDateTime) step.get("OPENED_AT")).toInstant(), null));
        events.publishEvent(new JourneyEvents.StepEnded((String) step.get("TASK_ID"), caseA,
            ReintegrationJourneyProcess.PROCESS_KEY, Element.TASK_INTAKE,
            ((OffsetDateTime) step.get("OPENED_AT")).toInstant(), (LocalDate) null,
            ((OffsetDateTime) step.get("ENDED_AT")).toInstant(), true));
        events.publishEvent(new JourneyEvents.EscalationRaised(caseB, "PROBLEM_ANALYSIS", "PROBLEM_ANALYSIS", 2,
            LocalDate.of(2026, 2, 19)));
        events.publishEvent(new JourneyEvents.IntakeRouted(caseA, "LICHT", false));
        events.publishEvent(new JourneyEvents.CaseEnded(caseA, JourneyEvents.Outcome.OWN_WORK,
            LocalDate.of(2026, 4, 17)));
      }
    });
    assertThat(snapshot()).isEqualTo(kept);
  }

  /**
   * A step is kept for a case the read model knows, once, also without a due day; a step of a case it does not know
   * is not kept, opened or ended. Rolled back: the other tests compare the kept rows.
   */
  @Test
  void aStepIsKeptOnlyForACaseTheReadModelKnows() {
    UUID unknown = UUID.randomUUID();
    java.time.Instant opened = java.time.Instant.parse("2026-03-02T09:00:00Z");
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      for (int i = 0; i < 2; i++) {
        events.publishEvent(new JourneyEvents.StepOpened("step-known", caseA, ReintegrationJourneyProcess.PROCESS_KEY,
            Element.TASK_EVALUATION, opened, null));
        events.publishEvent(new JourneyEvents.StepOpened("step-unknown", unknown,
            ReintegrationJourneyProcess.PROCESS_KEY, Element.TASK_EVALUATION, opened, LocalDate.of(2026, 3, 9)));
        events.publishEvent(new JourneyEvents.StepEnded("step-unknown-ended", unknown,
            ReintegrationJourneyProcess.PROCESS_KEY, Element.TASK_EVALUATION, opened, (LocalDate) null,
            opened.plusSeconds(3600), true));
      }
      assertThat(jdbc.queryForList("select case_id, element_id, due_on from insight_step where task_id like 'step-%'"))
          .extracting(row -> row.get("CASE_ID"), row -> row.get("ELEMENT_ID"), row -> row.get("DUE_ON"))
          .containsExactly(tuple(caseA, Element.TASK_EVALUATION, null));
      status.setRollbackOnly();
    });
  }

  /**
   * A missed deadline and an escalation are kept for a case the read model knows, once; for a case it does not know
   * nothing is kept (each is written by one statement that asks both). Rolled back, as above.
   */
  @Test
  void anEscalationAndAMissIsKeptOnlyForACaseTheReadModelKnows() {
    UUID unknown = UUID.randomUUID();
    LocalDate raised = LocalDate.of(2026, 5, 4);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      for (int i = 0; i < 2; i++) {
        for (UUID caseId : List.of(caseA, unknown)) {
          events.publishEvent(new CaseFileEvents.DeadlineMissed(caseId, Milestone.UWV_NOTIFICATION,
              LocalDate.of(2026, 5, 1)));
          events.publishEvent(new JourneyEvents.EscalationRaised(caseId, "UWV_NOTIFICATION", "UWV_NOTIFICATION", 1,
              raised));
        }
      }
      assertThat(jdbc.queryForList("select case_id, rung from insight_escalation where raised_on = ?", raised))
          .extracting(row -> row.get("CASE_ID"), row -> row.get("RUNG")).containsExactly(tuple(caseA, 1));
      assertThat(jdbc.queryForList("select case_id, missed, highest_rung from insight_deadline where milestone = ?"
              + " and case_id in (?, ?)", Milestone.UWV_NOTIFICATION.name(), caseA, unknown))
          .extracting(row -> row.get("CASE_ID"), row -> row.get("MISSED"), row -> row.get("HIGHEST_RUNG"))
          .containsExactly(tuple(caseA, true, 1));
      status.setRollbackOnly();
    });
  }

  @Test
  void theDryRunLeavesTheReadModelAlone() throws IOException {
    Map<String, List<String>> kept = snapshot();
    Map<String, Integer> counts = counts();
    ModelDryRun.Report report = dryRun.run(ReintegrationJourneyProcess.PROCESS_KEY,
        Files.readAllBytes(Path.of("processes/ReintegrationJourney.bpmn")));
    assertThat(report.allReachedTheEnd()).isTrue();
    assertThat(counts()).isEqualTo(counts);
    assertThat(snapshot()).isEqualTo(kept);
  }

  @Test
  void onlyTheAdministratorMayRebuildAndEveryRefusalIsRecorded() throws Exception {
    for (String group : List.of(Groups.MANAGEMENT, Groups.COUNSELLOR)) {
      String user = fixtures.user("no-adm", group);
      mvc.perform(post("/api/insight/read-model/rebuild").with(as(user, group)))
          .andExpect(status().isForbidden());
      assertThat(jdbc.queryForObject("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'"
          + " and what like '%rebuild the read model%'", Integer.class, user)).isEqualTo(1);
    }
  }

  // --- the caseload ---

  private Employee employee(String tag) {
    return registry.registerEmployee(new NewEmployee(tag.toUpperCase(), "Werknemer " + tag, "emp-" + tag,
        "Eenheid Test", "Team Test", "lm-" + tag));
  }

  private UUID reportSick(Employee employee) {
    UUID caseId = registry.reportSick(new SickReport(employee.id(), FIRST_SICK_DAY, counsellor, "doc-rm"));
    CASES.add(caseId);
    complete(caseId, Element.TASK_REPORT_TO_COMPANY_DOCTOR, Map.of());
    return caseId;
  }

  private void completePlan(UUID caseId) {
    complete(caseId, Element.TASK_DRAFT_PLAN_OF_ACTION, Map.of());
    complete(caseId, Element.TASK_AGREE_PLAN_EMPLOYEE, Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true));
    complete(caseId, Element.TASK_AGREE_PLAN_LINE_MANAGER, Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, true));
  }

  private void complete(UUID caseId, String stepKey, Map<String, Object> outcome) {
    String taskId = tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst()
        .orElseThrow(() -> new AssertionError(stepKey + " is not open on " + caseId)).taskId();
    tasks.complete(caseId, taskId, new HashMap<>(outcome));
  }

  /** Day by day at 09:00, running the due timers of these cases as the job executor would each day. */
  private void liveUntil(LocalDate day) {
    LocalDate today = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).toLocalDate();
    for (LocalDate next = today.plusDays(1); !next.isAfter(day); next = next.plusDays(1)) {
      travelTo(next);
    }
  }

  private void travelTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
    for (UUID caseId : CASES) {
      tasks.catchUp(caseId);
    }
  }

  // --- the read model ---

  private static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private Map<String, Object> row(String table, UUID caseId) {
    Map<String, Object> row = new LinkedHashMap<>();
    jdbc.queryForMap("select * from " + table + " where case_id = ?", caseId)
        .forEach((column, value) -> row.put(column.toUpperCase(), normal(value)));
    return row;
  }

  private List<org.assertj.core.groups.Tuple> stays(UUID caseId) {
    return jdbc.query("select phase, entered_on, left_on from insight_phase_stay where case_id = ?"
            + " order by entered_on, left_on nulls last", (rs, n) -> tuple(rs.getString(1),
        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)), caseId);
  }

  private List<org.assertj.core.groups.Tuple> deadlines(UUID caseId) {
    return jdbc.query("select milestone, due_on, met_on, missed, highest_rung from insight_deadline"
            + " where case_id = ? order by milestone", (rs, n) -> tuple(rs.getString(1),
        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getInt(5)), caseId);
  }

  private List<org.assertj.core.groups.Tuple> escalations(UUID caseId) {
    return jdbc.query("select watch, rung, raised_on from insight_escalation where case_id = ?"
            + " order by watch, raised_on, rung", (rs, n) -> tuple(rs.getString(1), rs.getInt(2),
        rs.getObject(3, LocalDate.class)), caseId);
  }

  /** Per element of the journey, whether each of its steps was completed (false: ended unfinished), in order. */
  private Map<String, List<Boolean>> steps(UUID caseId) {
    Map<String, List<Boolean>> steps = new TreeMap<>();
    jdbc.query("select element_id, completed from insight_step where case_id = ? order by element_id, completed",
        rs -> {
          steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add((Boolean) rs.getObject(2));
        }, caseId);
    return steps;
  }

  /** Every row of the read model about the test's cases, as comparable text, per table. */
  private Map<String, List<String>> snapshot() {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : List.of("insight_case", "insight_phase_stay", "insight_deadline", "insight_step",
        "insight_escalation", "insight_relapse", "insight_sick_period", "insight_work_capacity")) {
      List<String> rows = new ArrayList<>();
      for (UUID caseId : CASES) {
        jdbc.queryForList("select * from " + table + " where case_id = ?", caseId).forEach(row -> rows.add(
            new TreeMap<>(row.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toUpperCase(),
                e -> String.valueOf(normal(e.getValue()))))).toString()));
      }
      rows.sort(String::compareTo);
      tables.put(table, rows);
    }
    return tables;
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String table : List.of("insight_case", "insight_phase_stay", "insight_deadline", "insight_step",
        "insight_escalation", "insight_relapse", "insight_sick_period", "insight_work_capacity")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
    }
    return counts;
  }

  private static Object normal(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof OffsetDateTime at) {
      return at.toInstant();
    }
    if (value instanceof Timestamp at) {
      return at.toInstant();
    }
    return value;
  }
}
