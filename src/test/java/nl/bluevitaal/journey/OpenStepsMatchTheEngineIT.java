package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open steps are read from the engine's tables rather than through its TaskQuery (the benchmark found the query's
 * SQL building to be the largest cost of a step completion). They must be the same steps the engine's own query gives:
 * for a case, and for a person, with every way a step reaches someone — offered to them, to their group, taken by
 * them, taken by a colleague, assigned by the model.
 */
@PostgresIntegrationTest
class OpenStepsMatchTheEngineIT {

  @Autowired
  JourneyTasks tasks;
  @Autowired
  TaskService taskService;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JdbcTemplate jdbc;

  String counsellor;
  String colleague;
  String doctor;
  String employee;
  List<UUID> cases = new ArrayList<>();

  @BeforeEach
  void casesInEveryShape() {
    counsellor = fixtures.user("osc", Groups.COUNSELLOR);
    colleague = fixtures.user("osk", Groups.COUNSELLOR);
    doctor = fixtures.user("osd", Groups.COMPANY_DOCTOR);
    employee = fixtures.user("ose", Groups.EMPLOYEE);
    // Offered to the counsellor; then to the doctor; then assigned by the model to the employee.
    UUID reviewed = sick(employee, counsellor, doctor);
    complete(reviewed, Element.TASK_INTAKE, Map.of("workConflict", false, "expectedAbsenceWeeks", 3));
    complete(reviewed, Element.TASK_PROBLEM_ANALYSIS, Map.of());
    // Offered to the doctor and waiting.
    UUID analysed = sick(null, counsellor, doctor);
    complete(analysed, Element.TASK_INTAKE, Map.of("workConflict", false, "expectedAbsenceWeeks", 3));
    // Nobody in the role yet: offered to the whole counsellor group; one taken by the colleague.
    sick(null, null, null);
    UUID takenByColleague = sick(null, null, null);
    tasks.claim(takenByColleague, intake(takenByColleague), colleague);
    // Offered to the counsellor, who took it.
    UUID taken = sick(null, counsellor, doctor);
    tasks.claim(taken, intake(taken), counsellor);
  }

  @Test
  void everyCaseHasTheStepsTheEngineGivesInTheEnginesOrder() {
    for (UUID caseId : cases) {
      List<Task> engine = taskService.createTaskQuery().processInstanceBusinessKey(caseId.toString())
          .orderByDueDate().asc().orderByTaskCreateTime().asc().list();
      List<OpenStep> ours = tasks.openSteps(caseId);

      assertThat(ours).extracting(OpenStep::taskId).as(caseId.toString())
          .containsExactlyElementsOf(engine.stream().map(Task::getId).toList());
      for (int i = 0; i < engine.size(); i++) {
        assertThat(ours.get(i).stepKey()).isEqualTo(engine.get(i).getTaskDefinitionKey());
        assertThat(ours.get(i).name()).isEqualTo(engine.get(i).getName());
        assertThat(ours.get(i).assignee()).isEqualTo(engine.get(i).getAssignee());
        assertThat(ours.get(i).due()).isEqualTo(engine.get(i).getDueDate() == null ? null
            : engine.get(i).getDueDate().toInstant());
      }
    }
  }

  @Test
  void everyPersonHasTheStepsTheEngineGivesThem() {
    Map<String, Set<String>> people = Map.of(counsellor, Set.of(Groups.COUNSELLOR),
        colleague, Set.of(Groups.COUNSELLOR), doctor, Set.of(Groups.COMPANY_DOCTOR),
        employee, Set.of(Groups.EMPLOYEE));
    people.forEach((user, groups) -> {
      TaskQuery mine = taskService.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user)
          .taskCandidateGroupIn(List.copyOf(groups)).endOr();
      List<String> engine = mine.list().stream().filter(t -> ofOurCases(t.getProcessInstanceId()))
          .map(Task::getId).toList();
      List<String> ours = tasks.openStepsFor(user, groups).entrySet().stream()
          .filter(e -> cases.contains(e.getKey())).flatMap(e -> e.getValue().stream()).map(OpenStep::taskId)
          .toList();

      assertThat(ours).as(user).containsExactlyInAnyOrderElementsOf(engine);
      assertThat(ours).as(user).isNotEmpty();
    });
    // Spot checks of the rules themselves, beside the engine's answer.
    assertThat(stepKeysFor(employee, Groups.EMPLOYEE)).containsExactly(Element.TASK_REVIEW_PROBLEM_ANALYSIS);
    assertThat(stepKeysFor(doctor, Groups.COMPANY_DOCTOR)).containsExactly(Element.TASK_PROBLEM_ANALYSIS);
    // The group's open intake and the one the colleague took; not the one the counsellor took.
    assertThat(stepKeysFor(colleague, Groups.COUNSELLOR)).containsExactly(Element.TASK_INTAKE, Element.TASK_INTAKE);
  }

  private List<String> stepKeysFor(String user, String group) {
    return tasks.openStepsFor(user, Set.of(group)).entrySet().stream().filter(e -> cases.contains(e.getKey()))
        .flatMap(e -> e.getValue().stream()).map(OpenStep::stepKey).toList();
  }

  private boolean ofOurCases(String processInstanceId) {
    String key = jdbc.queryForObject("select business_key_ from act_ru_execution where id_ = ?", String.class,
        processInstanceId);
    return key != null && cases.contains(UUID.fromString(key));
  }

  /** A case of this test's, without a line manager; any of the people may be null (nobody in the role yet). */
  private UUID sick(String employeeUser, String counsellorUser, String doctorUser) {
    UUID caseId = fixtures.sickCase(SickCase.of(employeeUser, "Open Stap")
        .counselledBy(counsellorUser, doctorUser).since(LocalDate.now().minusDays(3)));
    cases.add(caseId);
    return caseId;
  }

  private String intake(UUID caseId) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(Element.TASK_INTAKE)).findFirst()
        .orElseThrow().taskId();
  }

  private void complete(UUID caseId, String stepKey, Map<String, Object> outcome) {
    String taskId = tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst()
        .orElseThrow(() -> new AssertionError(stepKey + " is not open")).taskId();
    tasks.complete(caseId, taskId, outcome);
  }
}
