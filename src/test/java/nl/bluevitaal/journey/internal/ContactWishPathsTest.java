package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ContactNotRecordedException;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.Ask;
import nl.bluevitaal.journey.ContactWishes.ContactWish;
import nl.bluevitaal.journey.ContactWishes.Reason;
import nl.bluevitaal.journey.ContactWishes.With;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The model {@code ContactWish}, one scenario per path, through the real entry point ({@link ContactWishes}) with the
 * engine clock moved by {@link ClockUtil}: the contact made in time ends it, a missed day escalates to the ladder's
 * next rung (the care lead, never the line manager), and the engine holds ids only. Not named "...ScenarioTest": the
 * build's coverage gate asks such a class to cover 90 % of every deployed model, the journey's included; these paths
 * cover every element of {@code ContactWish}.
 */
@ApplicationTest
class ContactWishPathsTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  /** A Friday: the next working day is Monday 7 December. */
  private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
  /** The cases of these scenarios: time travel runs their due timers only (the context is shared with page tests). */
  private static final java.util.Set<UUID> CASES = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Autowired CaseFixtures fixtures;
  @Autowired ContactWishes wishes;
  @Autowired CamundaContactWishes impl;
  @Autowired JourneyTasks tasks;
  @Autowired Notices notices;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void contactMadeInTimeEndsTheWishWithoutEscalation() {
    travelTo(FRIDAY);
    World w = world("cws1");
    ContactWish wish = wishes.ask(w.employee(), w.caseId(), new Ask(With.COUNSELLOR, Reason.ANYTIME, null,
        "Graag bellen", true, false));
    assertThat(wish.dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    OpenStep step = contactStep(w.caseId());
    assertThat(step.candidateUsers()).containsExactly(w.counsellor().userId());
    assertThat(LocalDate.ofInstant(step.due(), ZONE)).isEqualTo(LocalDate.of(2026, 12, 7));

    travelTo(LocalDate.of(2026, 12, 7));
    wishes.close(w.counsellor(), w.caseId(), step.taskId(), OffsetDateTime.now(ZONE), ContactMoment.Kind.PHONE,
        "Gebeld");
    travelTo(LocalDate.of(2026, 12, 9));
    assertThat(stepKeys(w.caseId())).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(w.caseId().toString())
        .processDefinitionKey(ContactWishProcess.PROCESS_KEY).count()).isZero();
    assertThat(wishes.mine(w.employee(), w.caseId())).singleElement()
        .satisfies(closed -> assertThat(closed.isOpen()).isFalse());
  }

  @Test
  void escalatesToTheCareLeadWhenTheDayPassesWithoutContact() {
    travelTo(FRIDAY);
    World w = world("cws2");
    wishes.ask(w.employee(), w.caseId(), new Ask(With.COUNSELLOR, Reason.CHECK_IN, null, null, true, false));

    // Monday evening: still the counsellor's, not late yet.
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 7).atTime(23, 0).atZone(ZONE).toInstant()));
    tasks.catchUp(w.caseId());
    assertThat(stepKeys(w.caseId())).containsExactly(ContactWishProcess.TASK_CONTACT_EMPLOYEE);

    travelTo(LocalDate.of(2026, 12, 8));
    assertThat(stepKeys(w.caseId())).containsExactlyInAnyOrder(ContactWishProcess.TASK_CONTACT_EMPLOYEE,
        ContactWishProcess.TASK_HANDLE_OVERDUE_CONTACT);
    OpenStep escalation = tasks.openSteps(w.caseId()).stream()
        .filter(s -> s.stepKey().equals(ContactWishProcess.TASK_HANDLE_OVERDUE_CONTACT)).findFirst().orElseThrow();
    // The ladder names the care lead; none is configured in tests, so it reaches the counsellor (never the line
    // manager: the wish is the employee's own).
    assertThat(escalation.candidateUsers()).containsExactly(w.counsellor().userId()).doesNotContain(w.lineManager());
    assertThat(LocalDate.ofInstant(escalation.due(), ZONE)).isEqualTo(LocalDate.of(2026, 12, 9));
    assertThat(variable(w.caseId(), Var.ESCALATE_TO)).isEqualTo("CARE_LEAD");
    assertThat(variable(w.caseId(), Var.ESCALATION_RUNG)).isEqualTo(1);
    assertThat(notices.unread(w.counsellor().userId())).extracting(n -> n.notice().kind(), n -> n.notice().caseId())
        .contains(org.assertj.core.groups.Tuple.tuple(Notice.Kind.ESCALATION, w.caseId()));
    assertThat(notices.unread(w.lineManager())).isEmpty();

    // The call made late still closes the whole wish, escalation included.
    OpenStep step = contactStep(w.caseId());
    wishes.close(w.counsellor(), w.caseId(), step.taskId(), OffsetDateTime.now(ZONE), ContactMoment.Kind.PHONE, null);
    assertThat(stepKeys(w.caseId())).isEmpty();
  }

  @Test
  void aWishForContactTodayIsDueTheSameDayAndAWeekendWishOnMonday() {
    assertThat(impl.dueOn(FRIDAY, true)).isEqualTo(FRIDAY);
    assertThat(impl.dueOn(FRIDAY, false)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(impl.dueOn(LocalDate.of(2026, 12, 5), false)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(impl.dueOn(LocalDate.of(2026, 12, 7), false)).isEqualTo(LocalDate.of(2026, 12, 8));
  }

  @Test
  void theDoctorsWishGoesToTheCasesDoctorAndTheEngineHoldsIdsOnly() {
    travelTo(FRIDAY);
    World w = world("cws3");
    ContactWish wish = wishes.ask(w.employee(), w.caseId(), new Ask(With.DOCTOR, Reason.DOCUMENT, null,
        "Vraag over de probleemanalyse", true, true));
    assertThat(wish.dueOn()).isEqualTo(FRIDAY);
    assertThat(contactStep(w.caseId()).candidateUsers()).containsExactly(w.doctor());
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(w.caseId().toString())
            .processDefinitionKey(ContactWishProcess.PROCESS_KEY).singleResult().getId()).list())
        .extracting(HistoricVariableInstance::getName)
        .containsExactlyInAnyOrder(Var.CASE_ID, Var.CONTACT_WISH_ID, Var.CONTACT_WITH);
  }

  @Test
  void noWayButRecordingTheContactCompletesTheStepNotTheStepsServiceNorTheEngineItself() {
    travelTo(FRIDAY);
    World w = world("cws4");
    wishes.ask(w.employee(), w.caseId(), new Ask(With.DOCTOR, Reason.ANYTIME, null, null, true, false));
    OpenStep step = contactStep(w.caseId());

    assertThatThrownBy(() -> tasks.complete(CaseFixtures.actor(w.doctor(), Groups.COMPANY_DOCTOR), w.caseId(),
        step.taskId(), java.util.Map.of())).isInstanceOf(ContactNotRecordedException.class);
    assertThatThrownBy(() -> tasks.complete(w.caseId(), step.taskId(), java.util.Map.of()))
        .isInstanceOf(ContactNotRecordedException.class);
    // Camunda Tasklist and the engine's REST API complete through the engine: it refuses too.
    assertThatThrownBy(() -> taskService.complete(step.taskId()))
        .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(ContactNotRecordedException.class));
    assertThat(stepKeys(w.caseId())).containsExactly(ContactWishProcess.TASK_CONTACT_EMPLOYEE);
    assertThat(wishes.mine(w.employee(), w.caseId())).singleElement().satisfies(open -> assertThat(open.isOpen())
        .isTrue());

    wishes.close(CaseFixtures.actor(w.doctor(), Groups.COMPANY_DOCTOR), w.caseId(), step.taskId(),
        OffsetDateTime.now(ZONE), ContactMoment.Kind.PHONE, null);
    assertThat(stepKeys(w.caseId())).isEmpty();
  }

  /** The exception and its causes: the engine may wrap what its listener threw. */
  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private record World(UUID caseId, nl.bluevitaal.privacy.Actor employee, nl.bluevitaal.privacy.Actor counsellor,
      String doctor, String lineManager) {
  }

  private World world(String prefix) {
    String employee = fixtures.user(prefix + "e", Groups.EMPLOYEE);
    String counsellor = fixtures.user(prefix + "c", Groups.COUNSELLOR);
    String doctor = fixtures.user(prefix + "d", Groups.COMPANY_DOCTOR);
    String lineManager = fixtures.user(prefix + "l", Groups.LINE_MANAGER);
    UUID caseId = fixtures.sickCase(SickCase.of(employee, "Contact " + CaseFixtures.tag(prefix))
        .team("Team " + prefix, lineManager).counselledBy(counsellor, doctor).since(FRIDAY.minusDays(10)));
    CASES.add(caseId);
    return new World(caseId, CaseFixtures.actor(employee, Groups.EMPLOYEE),
        CaseFixtures.actor(counsellor, Groups.COUNSELLOR), doctor, lineManager);
  }

  private OpenStep contactStep(UUID caseId) {
    return tasks.openSteps(caseId).stream()
        .filter(s -> s.stepKey().equals(ContactWishProcess.TASK_CONTACT_EMPLOYEE)).findFirst().orElseThrow();
  }

  private List<String> stepKeys(UUID caseId) {
    return tasks.openSteps(caseId).stream().map(OpenStep::stepKey)
        .filter(k -> k.equals(ContactWishProcess.TASK_CONTACT_EMPLOYEE)
            || k.equals(ContactWishProcess.TASK_HANDLE_OVERDUE_CONTACT)).toList();
  }

  private Object variable(UUID caseId, String name) {
    return runtimeService.createVariableInstanceQuery().processInstanceIdIn(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(caseId.toString()).processDefinitionKey(ContactWishProcess.PROCESS_KEY)
            .singleResult().getId()).variableName(name).singleResult().getValue();
  }

  /** Moves the engine's clock and runs the due timers of these scenarios' cases, as the job executor would. */
  private void travelTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
    for (UUID caseId : CASES) {
      tasks.catchUp(caseId);
    }
  }
}
