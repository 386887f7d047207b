package nl.bluevitaal.selfservice.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily reminders: on the employee's chosen day a check-in reminder unless they checked in this week, one notice
 * per step that waits for them, each leading to the page where they act; nothing for whoever chose nothing, nothing
 * twice (a second run, or a second node, sends nothing new).
 */
@ApplicationTest
class ReminderJobTest {

  @Autowired
  ReminderJob job;
  @Autowired
  Reminders reminders;
  @Autowired
  Notices notices;
  @Autowired
  CheckIns checkIns;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  DocumentChanges changes;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  Clock clock;

  CaseFixtures.People people;

  @BeforeEach
  void aCase() {
    people = fixtures.people("rj");
  }

  @Test
  void onTheChosenDayTheEmployeeIsRemindedOfTheirCheckInOnce() {
    choose(today(), false);

    job.remindNow();
    job.remindNow();

    assertThat(reminders()).singleElement().satisfies(n -> {
      assertThat(n.notice().title()).isEqualTo("Tijd voor je check-in van deze week");
      assertThat(n.notice().link()).isEqualTo("/mijn-traject/check-in");
      assertThat(n.notice().dueOn()).isEqualTo(LocalDate.now(clock));
    });
  }

  @Test
  void whoCheckedInThisWeekAlreadyOrChoseAnotherDayIsNotReminded() {
    choose(today(), false);
    checkIns.submit(people.asEmployee(), people.caseId(),
        new NewCheckIn(null, List.of(3, 3, 3, 3, 3), null, UUID.randomUUID(), null));
    String other = fixtures.user("rjo", "employee");
    // The colleague chose tomorrow; nobody chose anything for the third case.
    reminders.save(CaseFixtures.actor(people.otherEmployee(), "employee"), people.otherCaseId(), 0,
        new ReminderSettings.Choice(today().plus(1), false, false));

    job.remindNow();

    assertThat(reminders()).isEmpty();
    assertThat(notices.unread(people.otherEmployee())).isEmpty();
    assertThat(notices.unread(other)).isEmpty();
  }

  @Test
  void aStepThatWaitsForTheEmployeeIsRemindedOnceAndLeadsToItsOwnPage() {
    choose(null, true);
    job.remindNow();
    assertThat(reminders()).as("nothing waits for the employee yet").isEmpty();

    theAnalysisWaitsForTheEmployeesReview();
    OpenStep review = tasks.openSteps(people.caseId()).stream()
        .filter(s -> s.stepKey().equals(Element.TASK_REVIEW_PROBLEM_ANALYSIS)).findFirst().orElseThrow();
    job.remindNow();
    job.remindNow();

    assertThat(reminders()).singleElement().satisfies(n -> {
      assertThat(n.notice().title()).isEqualTo("Er wacht iets op je: " + review.name());
      assertThat(n.notice().link()).isEqualTo("/mijn-traject/stap/" + review.taskId());
    });
  }

  @Test
  void whoTurnedTheRemindersOffGetsNone() {
    ReminderSettings on = choose(today(), true);
    reminders.save(people.asEmployee(), people.caseId(), on.version(), new ReminderSettings.Choice(null, false, false));

    job.remindNow();

    assertThat(reminders()).isEmpty();
  }

  private ReminderSettings choose(DayOfWeek day, boolean waitingSteps) {
    return reminders.save(people.asEmployee(), people.caseId(), 0,
        new ReminderSettings.Choice(day, waitingSteps, false));
  }

  private DayOfWeek today() {
    return LocalDate.now(clock).getDayOfWeek();
  }

  private List<Notice.Stored> reminders() {
    return notices.unread(people.employee()).stream().filter(n -> n.notice().kind() == Notice.Kind.REMINDER)
        .toList();
  }

  private void theAnalysisWaitsForTheEmployeesReview() {
    UUID caseId = people.caseId();
    complete(Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 3));
    CaseDocument draft = changes.create(people.asDoctor(), caseId, DocumentType.PROBLEM_ANALYSIS,
        "Probleemanalyse", "## prognose\nHerstel in fasen.", null);
    changes.changeStatus(people.asDoctor(), caseId, draft.id(), draft.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);
    OpenStep analysis = tasks.openSteps(caseId).stream()
        .filter(s -> s.stepKey().equals(Element.TASK_PROBLEM_ANALYSIS)).findFirst().orElseThrow();
    tasks.complete(people.asDoctor(), caseId, analysis.taskId(), Map.of());
    tasks.catchUp(caseId);
  }

  private void complete(String stepKey, Map<String, Object> outcome) {
    OpenStep step = tasks.openSteps(people.caseId()).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst()
        .orElseThrow();
    tasks.complete(people.caseId(), step.taskId(), outcome);
    tasks.catchUp(people.caseId());
  }
}
