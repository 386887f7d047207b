package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations.InstanceOutcome;
import nl.bluevitaal.journey.CaseMigrations.InstancePreview;
import nl.bluevitaal.journey.CaseMigrations.MigrationPlanView;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.Problem;
import nl.bluevitaal.journey.CaseMigrations.ProblemKind;
import nl.bluevitaal.journey.CaseMigrations.ProcessVersion;
import nl.bluevitaal.journey.MigrationTestModels.Deployed;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moving running cases to another version of the journey through the port: a renamed step shows its new name, while
 * timers, due dates, the assignee and the candidates stay what the deadline engine and the case gave them; a case at
 * an activity the new version lacks fails with a reason, stays where it was, and moves once it is mapped; migrating
 * back undoes it. The watches are their own instances and move on their own.
 */
@ApplicationTest
class CaseMigrationsTest {

  private static final String INTAKE_NAME = "Intakegesprek voeren";
  private static final String INTAKE_RENAMED = "Intakegesprek houden";

  @Autowired
  CaseMigrations migrations;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  CaseRegistry registry;
  @Autowired
  Clock clock;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;

  MigrationTestModels models;
  String counsellor;
  UUID caseId;
  String journey;

  @BeforeEach
  void aCaseAtTheIntakeClaimedByItsCounsellor() {
    models = new MigrationTestModels(repositoryService, migrations);
    counsellor = fixtures.user("mc", Groups.COUNSELLOR);
    String doctor = fixtures.user("md", Groups.COMPANY_DOCTOR);
    String employee = fixtures.user("me", Groups.EMPLOYEE);
    caseId = fixtures.sickCase(SickCase.of(employee, "Migratie " + CaseFixtures.tag("m"))
        .counselledBy(counsellor, doctor));
    journey = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
        .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).singleResult().getId();
    taskService.claim(intake().getId(), counsellor);
  }

  @AfterEach
  void realModelsAreLatestAgain() {
    models.removeAll();
  }

  @Test
  void aRenamedStepShowsItsNewNameAndKeepsItsDeadlinesPersonAndCandidates() {
    int v1 = models.latest(ReintegrationJourneyProcess.PROCESS_KEY);
    Deployed v2 = models.deploy(ReintegrationJourneyProcess.PROCESS_KEY,
        MigrationTestModels.rename(INTAKE_NAME, INTAKE_RENAMED));
    List<String> tasksBefore = taskState(journey);
    List<String> timersBefore = timers(journey);
    Task intakeBefore = intake();

    List<ProcessVersion> versions = migrations.versions(ReintegrationJourneyProcess.PROCESS_KEY);
    assertThat(versions.get(0).version()).isEqualTo(v2.version());
    assertThat(versions).filteredOn(v -> v.version() == v1).singleElement()
        .satisfies(v -> assertThat(v.runningInstances()).isPositive());
    MigrationRequest request = new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY, v1, v2.version(),
        Map.of());
    MigrationPlanView plan = migrations.plan(request);
    assertThat(plan.valid()).isTrue();
    assertThat(plan.mappings()).anySatisfy(m -> {
      assertThat(m.source().id()).isEqualTo(Element.TASK_INTAKE);
      assertThat(m.target().name()).isEqualTo(INTAKE_RENAMED);
      assertThat(m.generated()).isTrue();
    });
    List<InstancePreview> preview = migrations.dryRun(request, List.of(journey));
    assertThat(preview).singleElement().satisfies(p -> {
      assertThat(p.succeeds()).isTrue();
      assertThat(p.caseId()).isEqualTo(caseId.toString());
      assertThat(p.moves()).anySatisfy(m -> assertThat(m.to().id()).isEqualTo(Element.TASK_INTAKE));
    });
    assertThat(intake().getName()).as("a dry run moves nothing").isEqualTo(INTAKE_NAME);

    List<InstanceOutcome> outcomes = migrations.migrate(request, List.of(journey));

    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.succeeded()).isTrue());
    Task intakeAfter = intake();
    assertThat(intakeAfter.getId()).isEqualTo(intakeBefore.getId());
    assertThat(intakeAfter.getName()).isEqualTo(INTAKE_RENAMED);
    assertThat(intakeAfter.getAssignee()).isEqualTo(counsellor);
    assertThat(intakeAfter.getDueDate()).isEqualTo(intakeBefore.getDueDate());
    assertThat(taskState(journey)).isEqualTo(tasksBefore.stream().map(t -> t.replace(INTAKE_NAME, INTAKE_RENAMED))
        .toList());
    assertThat(timers(journey)).isEqualTo(timersBefore);
    assertThat(timerDue(journey, "StartEvent_WagePaymentEnds")).as("the legal end of wage payment")
        .isEqualTo(startOfDayAfter(registry.dueDate(caseId, Milestone.END_OF_WAGE_PAYMENT).orElseThrow()));
    assertThat(tasks.openSteps(caseId)).filteredOn(s -> s.stepKey().equals(Element.TASK_INTAKE)).singleElement()
        .satisfies(s -> {
          assertThat(s.name()).isEqualTo(INTAKE_RENAMED);
          assertThat(s.assignee()).isEqualTo(counsellor);
        });

    List<InstanceOutcome> back = migrations.migrate(request.reversed(), List.of(journey));

    assertThat(back).singleElement().satisfies(o -> assertThat(o.succeeded()).isTrue());
    assertThat(intake().getName()).isEqualTo(INTAKE_NAME);
    assertThat(taskState(journey)).isEqualTo(tasksBefore);
    assertThat(timers(journey)).isEqualTo(timersBefore);
  }

  @Test
  void aCaseAtAnActivityTheNewVersionLacksFailsStaysAndMovesOnceMapped() {
    int v1 = models.latest(ReintegrationJourneyProcess.PROCESS_KEY);
    String newId = "Task_IntakeInterview";
    Deployed v2 = models.deploy(ReintegrationJourneyProcess.PROCESS_KEY,
        MigrationTestModels.newId(Element.TASK_INTAKE, newId), Map.of(newId, Element.TASK_INTAKE));
    List<String> timersBefore = timers(journey);
    Task intakeBefore = intake();
    MigrationRequest unmapped = new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY, v1, v2.version(),
        Map.of());

    MigrationPlanView plan = migrations.plan(unmapped);
    assertThat(plan.unmapped()).anySatisfy(a -> {
      assertThat(a.id()).isEqualTo(Element.TASK_INTAKE);
      assertThat(a.waiting()).isPositive();
    });
    assertThat(plan.targetActivities()).extracting(CaseMigrations.Activity::id).contains(newId);
    assertThat(migrations.dryRun(unmapped, List.of(journey))).singleElement().satisfies(p -> {
      assertThat(p.succeeds()).isFalse();
      assertThat(p.problems()).anySatisfy(problem -> {
        assertThat(problem.kind()).isEqualTo(ProblemKind.NOT_MAPPED);
        assertThat(problem.sourceActivityId()).isEqualTo(Element.TASK_INTAKE);
      });
    });

    List<InstanceOutcome> failed = migrations.migrate(unmapped, List.of(journey));

    assertThat(failed).singleElement().satisfies(o -> {
      assertThat(o.succeeded()).isFalse();
      assertThat(o.caseId()).isEqualTo(caseId.toString());
      assertThat(o.problem().orElseThrow().kind()).isEqualTo(ProblemKind.NOT_MAPPED);
    });
    assertThat(definitionVersion(journey)).as("a failed case stays where it was").isEqualTo(v1);

    MigrationRequest mapped = new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY, v1, v2.version(),
        Map.of(Element.TASK_INTAKE, newId));
    List<InstanceOutcome> retried = migrations.migrate(mapped, List.of(journey));

    assertThat(retried).singleElement().satisfies(o -> assertThat(o.succeeded()).isTrue());
    assertThat(definitionVersion(journey)).isEqualTo(v2.version());
    Task moved = taskService.createTaskQuery().taskId(intakeBefore.getId()).singleResult();
    assertThat(moved.getTaskDefinitionKey()).isEqualTo(newId);
    assertThat(moved.getAssignee()).isEqualTo(counsellor);
    assertThat(moved.getDueDate()).isEqualTo(intakeBefore.getDueDate());
    assertThat(timers(journey)).isEqualTo(timersBefore);
  }

  /**
   * A timer that got another id and another date in the new version is armed anew by the engine on the day of the
   * move: the legal end of wage payment would move. The case does not move (the dry run says so first), and keeps
   * its timers.
   */
  @Test
  void aMoveThatWouldChangeALegalTimerFailsForTheCaseAndChangesNothing() {
    int v1 = models.latest(ReintegrationJourneyProcess.PROCESS_KEY);
    Deployed v2 = models.deploy(ReintegrationJourneyProcess.PROCESS_KEY, xml -> MigrationTestModels
        .newId("StartEvent_WagePaymentEnds", "StartEvent_WagePaymentOver")
        .apply(xml.replace("${journeyDeadlines.due(caseId, 'END_OF_WAGE_PAYMENT')}",
            "${journeyDeadlines.daysFromNow(1)}")));
    List<String> timersBefore = timers(journey);
    MigrationRequest request = new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY, v1, v2.version(),
        Map.of());

    assertThat(migrations.dryRun(request, List.of(journey))).singleElement().satisfies(p -> {
      assertThat(p.succeeds()).isFalse();
      assertThat(p.problems()).extracting(Problem::kind).containsExactly(ProblemKind.DEADLINES_CHANGED);
    });
    List<InstanceOutcome> outcomes = migrations.migrate(request, List.of(journey));

    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.succeeded()).isFalse();
      assertThat(o.problem()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(ProblemKind.DEADLINES_CHANGED));
    });
    assertThat(definitionVersion(journey)).isEqualTo(v1);
    assertThat(timers(journey)).isEqualTo(timersBefore);
  }

  @Test
  void aMappingTheEngineRefusesIsAProblemNamingTheActivities() {
    int v1 = models.latest(ReintegrationJourneyProcess.PROCESS_KEY);
    Deployed v2 = models.deploy(ReintegrationJourneyProcess.PROCESS_KEY,
        MigrationTestModels.rename(INTAKE_NAME, INTAKE_RENAMED));

    MigrationPlanView plan = migrations.plan(new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY, v1,
        v2.version(), Map.of(Element.TASK_INTAKE, Element.TIMER_FINAL_STAGE)));

    assertThat(plan.valid()).isFalse();
    assertThat(plan.problems()).anySatisfy(p -> {
      assertThat(p.sourceActivityId()).isEqualTo(Element.TASK_INTAKE);
      assertThat(p.kind()).isNotEqualTo(ProblemKind.OTHER);
    });
    List<InstanceOutcome> outcomes = migrations.migrate(plan.request(), List.of(journey));
    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.succeeded()).isFalse());
    assertThat(definitionVersion(journey)).isEqualTo(v1);
  }

  @Test
  void theWatchesMoveOnTheirOwnWithTheirTimersAtTheLegalDates() {
    String watchKey = ReintegrationJourneyProcess.WATCH_PROCESS_KEY;
    int v1 = models.latest(watchKey);
    Deployed v2 = models.deploy(watchKey, MigrationTestModels.rename("Termijn verstreken", "Termijn is verstreken"));
    List<String> watches = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
        .processDefinitionKey(watchKey).list().stream().map(p -> p.getId()).toList();
    assertThat(watches).isNotEmpty();
    Map<String, List<String>> before = new java.util.LinkedHashMap<>();
    watches.forEach(w -> before.put(w, timers(w)));

    List<InstanceOutcome> outcomes = migrations.migrate(new MigrationRequest(watchKey, v1, v2.version(), Map.of()),
        watches);

    assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded()).isTrue());
    watches.forEach(w -> {
      assertThat(definitionVersion(w)).isEqualTo(v2.version());
      assertThat(timers(w)).isEqualTo(before.get(w));
    });
    assertThat(definitionVersion(journey)).as("the journey stays on its version").isNotEqualTo(v2.version());
  }

  /**
   * A case past week 104: its non-interrupting "Einde loondoorbetaling" fired and left no job. The engine would arm
   * the event again on the new version, at its date in the past, and it would fire a second time; the move leaves it
   * fired once, and the case keeps the step the end of wage payment opened.
   */
  @Test
  void aCasePastWeek104MovesWithoutItsEndOfWagePaymentFiringAgain() {
    String employee = fixtures.user("me", Groups.EMPLOYEE);
    String doctor = fixtures.user("md", Groups.COMPANY_DOCTOR);
    UUID longCase = fixtures.sickCase(SickCase.of(employee, "Lang ziek " + CaseFixtures.tag("m"))
        .counselledBy(counsellor, doctor).since(LocalDate.now(clock).minusWeeks(105)));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(longCase.toString())
        .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).singleResult().getId();
    for (int round = 0; round < 20 && tasks.catchUp(longCase) > 0; round++) {
      // every timer due by now, and those the fired ones armed in turn
    }
    assertThat(fired(instance, "StartEvent_WagePaymentEnds")).isOne();
    assertThat(timerJobs(instance, "StartEvent_WagePaymentEnds")).as("fired: no job left").isZero();
    int v1 = models.latest(ReintegrationJourneyProcess.PROCESS_KEY);
    Deployed v2 = models.deploy(ReintegrationJourneyProcess.PROCESS_KEY,
        MigrationTestModels.rename(INTAKE_NAME, INTAKE_RENAMED));
    List<String> openBefore = taskState(instance);

    List<InstanceOutcome> outcomes = migrations.migrate(new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY,
        v1, v2.version(), Map.of()), List.of(instance));

    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.succeeded()).as("%s", o).isTrue());
    assertThat(definitionVersion(instance)).isEqualTo(v2.version());
    assertThat(timerJobs(instance, "StartEvent_WagePaymentEnds")).as("not armed again").isZero();
    tasks.catchUp(longCase);
    assertThat(fired(instance, "StartEvent_WagePaymentEnds")).as("fired once, also after the move").isOne();
    assertThat(taskState(instance)).isEqualTo(openBefore.stream().map(t -> t.replace(INTAKE_NAME, INTAKE_RENAMED))
        .toList());
  }

  private long timerJobs(String instanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(instanceId).timers().activityId(activityId).count();
  }

  private long fired(String instanceId, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId(activityId)
        .count();
  }

  private Task intake() {
    return taskService.createTaskQuery().processInstanceId(journey).taskDefinitionKey(Element.TASK_INTAKE)
        .singleResult();
  }

  private int definitionVersion(String instanceId) {
    String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definitionId).getVersion();
  }

  private List<String> taskState(String instanceId) {
    return MigrationTestModels.taskState(taskService, instanceId);
  }

  private List<String> timers(String instanceId) {
    return MigrationTestModels.timers(managementService, instanceId);
  }

  private Date timerDue(String instanceId, String activityId) {
    return MigrationTestModels.timerDue(managementService, instanceId, activityId);
  }

  private Date startOfDayAfter(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
  }
}
