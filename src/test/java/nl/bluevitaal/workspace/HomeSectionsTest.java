package nl.bluevitaal.workspace;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static nl.bluevitaal.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import nl.bluevitaal.web.PageSection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the modules add to the home page for people with real cases: Mijn traject for the employee, the team for the
 * line manager, the caseload with its counts and the task list with its count under "your work" for counsellors and
 * company doctors. The shell only lays them out (HomePageTest, on its own slice).
 */
@ApplicationTest
class HomeSectionsTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JourneyTasks tasks;

  String employee;
  String lineManager;
  String counsellor;
  String doctor;
  UUID caseId;

  @BeforeEach
  void aCaseWithItsPeople() {
    employee = fixtures.user("hse", Groups.EMPLOYEE);
    lineManager = fixtures.user("hsl", Groups.LINE_MANAGER);
    counsellor = fixtures.user("hsc", Groups.COUNSELLOR);
    doctor = fixtures.user("hsd", Groups.COMPANY_DOCTOR);
    caseId = fixtures.sickCase(SickCase.of(employee, "Hanna Thuis " + CaseFixtures.tag("hs"))
        .team("Team Thuis", lineManager).counselledBy(counsellor, doctor));
  }

  @Test
  void theCounsellorsWorkIsTheCaseloadWithItsCountsAndTheStepsWaiting() throws Exception {
    MvcResult home = home(as(counsellor, Groups.COUNSELLOR));
    List<PageSection.Section> work = attribute(home, "workSections");
    // Then insight: the unit's figures and the counsellor's own work list (what their cases miss).
    assertThat(work).extracting(PageSection.Section::key)
        .containsExactly("caseload", "tasks", "insight-work", "work-list");
    assertThat(work.get(0).model().get("path")).isEqualTo("/begeleiding/caseload");
    assertThat(read(work.get(0), "model['counts'].openCases")).isEqualTo(1);
    assertThat(read(work.get(0), "model['counts'].overdueCases")).isEqualTo(0);
    // The intake waits for the counsellor.
    assertThat(work.get(1).model()).isEqualTo(Map.of("openSteps", 1));
    assertThat(Pages.<List<PageSection.Section>>attribute(home, "mainSections")).isEmpty();
  }

  @Test
  void theCompanyDoctorsWorkIsTheirOwnCaseloadAndTheirOwnSteps() throws Exception {
    List<PageSection.Section> work = attribute(home(as(doctor, Groups.COMPANY_DOCTOR)), "workSections");
    assertThat(work).extracting(PageSection.Section::key).containsExactly("caseload", "tasks", "insight-work");
    assertThat(work.get(0).model().get("path")).isEqualTo("/bedrijfsarts/caseload");
    assertThat(read(work.get(0), "model['counts'].openCases")).isEqualTo(1);
    assertThat(work.get(1).model()).isEqualTo(Map.of("openSteps", 0));

    completeIntake();
    assertThat(Pages.<List<PageSection.Section>>attribute(home(as(doctor, Groups.COMPANY_DOCTOR)), "workSections")
        .get(1).model()).isEqualTo(Map.of("openSteps", 1));
  }

  @Test
  void theLineManagerSeesTheirTeam() throws Exception {
    MvcResult home = mvc.perform(get("/").with(as(lineManager, Groups.LINE_MANAGER)))
        .andExpect(status().isOk())
        .andExpect(view().name("workspace/home"))
        .andExpect(model().attribute("workSections", empty()))
        .andExpect(model().attribute("sectionKeys", Set.of("insight-team", "team")))
        .andReturn();
    List<PageSection.Section> main = attribute(home, "mainSections");
    // Their team's cases, then their team's figures (insight, at group size only).
    assertThat(main).extracting(PageSection.Section::key).containsExactly("team", "insight-team");
    assertThat(main.get(0).model()).isEqualTo(Map.of("count", 1));
  }

  @Test
  void theEmployeeSeesMijnTrajectWithTheStepThatWaitsForThem() throws Exception {
    MvcResult before = mvc.perform(get("/").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(status().isOk())
        .andExpect(view().name("workspace/home"))
        .andExpect(model().attribute("workSections", empty()))
        .andExpect(model().attribute("sectionKeys", Set.of("journey")))
        .andReturn();
    PageSection.Section journey = onlySection(before);
    assertThat(journey.key()).isEqualTo("journey");
    assertThat(read(journey, "model['next'].view.id")).isEqualTo(caseId);
    assertThat(read(journey, "model['next'].toDo.count()")).isEqualTo(0);

    completeIntake();
    tasks.complete(caseId, step(Element.TASK_PROBLEM_ANALYSIS).taskId(), Map.of());
    PageSection.Section withStep = onlySection(home(as(employee, Groups.EMPLOYEE)));
    assertThat(read(withStep, "model['next'].toDo.items[0].step.step.stepKey"))
        .isEqualTo(Element.TASK_REVIEW_PROBLEM_ANALYSIS);
  }

  @Test
  void anEmployeeWithoutACaseIsToldSo() throws Exception {
    PageSection.Section journey = onlySection(home(as(fixtures.user("hsn", Groups.EMPLOYEE), Groups.EMPLOYEE)));
    assertThat(journey.key()).isEqualTo("journey");
    assertThat(journey.model()).containsEntry("next", null);
  }

  @Test
  void someoneWithoutARoleGetsNoSections() throws Exception {
    mvc.perform(get("/").with(signedInAs(fixtures.user("hsx"), "Nieuwe Collega")))
        .andExpect(status().isOk())
        .andExpect(model().attribute("mainSections", empty()))
        .andExpect(model().attribute("workSections", empty()));
  }

  private void completeIntake() {
    tasks.complete(caseId, step(Element.TASK_INTAKE).taskId(),
        Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2));
  }

  private OpenStep step(String stepKey) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst().orElseThrow();
  }

  /** The home page, rendered: every section's fragment with its model. */
  private MvcResult home(RequestPostProcessor signedIn) throws Exception {
    return mvc.perform(get("/").with(signedIn))
        .andExpect(status().isOk())
        .andExpect(view().name("workspace/home"))
        .andReturn();
  }

  private PageSection.Section onlySection(MvcResult home) {
    List<PageSection.Section> main = attribute(home, "mainSections");
    assertThat(main).hasSize(1);
    return main.get(0);
  }

  /** A value of a section's model as its fragment reads it: the types are the contributing module's own. */
  private static Object read(PageSection.Section section, String expression) {
    return new SpelExpressionParser().parseExpression(expression).getValue(new StandardEvaluationContext(section));
  }


}
