package nl.bluevitaal.selfservice.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import nl.bluevitaal.web.PageSection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The employee's steps against the running journey: "Te doen" on Mijn traject and the start page's count are one
 * source and agree; a step opens on the employee's own page with the document it asks about; the staff page of the
 * step sends the employee there; completing it empties both.
 */
@ApplicationTest
class MyJourneyStepPagesTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  DocumentChanges changes;

  CaseFixtures.People people;
  UUID caseId;
  CaseDocument analysis;

  @BeforeEach
  void theAnalysisWaitsForTheEmployeesReview() {
    people = fixtures.people("ms");
    caseId = people.caseId();
    complete(Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 3));
    CaseDocument draft = changes.create(people.asDoctor(), caseId, DocumentType.PROBLEM_ANALYSIS,
        "Probleemanalyse", "## prognose\nHerstel in fasen.", null);
    analysis = changes.changeStatus(people.asDoctor(), caseId, draft.id(), draft.version(),
        DocumentStatus.FOR_EMPLOYEE_REVIEW);
    tasks.complete(people.asDoctor(), caseId, step(Element.TASK_PROBLEM_ANALYSIS).taskId(), Map.of());
    tasks.catchUp(caseId);
  }

  @Test
  void theStartPageCountsWhatMijnTrajectListsAsWaitingAndTheStepOpensOnItsOwnPage() throws Exception {
    OpenStep review = step(Element.TASK_REVIEW_PROBLEM_ANALYSIS);
    MvcResult page = mvc.perform(get("/mijn-traject").with(employee())).andExpect(status().isOk()).andReturn();
    List<MyJourneyPage.ToDoRow> toDo = attribute(page, "toDo");
    // One thing waits: the step, which is about the analysis (not the analysis a second time).
    assertThat(toDo).hasSize(1);
    assertThat(toDo.get(0).item().step().step().taskId()).isEqualTo(review.taskId());
    assertThat(toDo.get(0).item().documentId()).isEqualTo(analysis.id());
    assertThat(toDo.get(0).item().href()).isEqualTo("/mijn-traject/stap/" + review.taskId());
    assertThat(homeToDo().count()).isEqualTo(toDo.size());

    MvcResult stepPage = mvc.perform(get("/mijn-traject/stap/" + review.taskId()).with(employee()))
        .andExpect(status().isOk())
        .andExpect(view().name(MyJourneyStepController.VIEW))
        .andReturn();
    MyJourneyPage.DocumentRow doc = attribute(stepPage, "doc");
    assertThat(doc.document().id()).isEqualTo(analysis.id());
    assertThat(doc.sections()).extracting(s -> s.field()).containsExactly("prognose");
    String html = stepPage.getResponse().getContentAsString();
    assertThat(html).contains("Vrijgeven aan mijn werkgever", "Ik heb een vraag",
        "name=\"aanleiding\" value=\"DOCUMENT\"");
    // Read as text: the label and the answer, not the stored markup (the correction form still edits the stored text).
    int text = html.indexOf("class=\"bv-doc\"");
    String read = html.substring(text, html.indexOf("</details>", text));
    assertThat(read).contains("Prognose", "Herstel in fasen.").doesNotContain("## prognose");
  }

  @Test
  void theEmployeeIsSentFromTheStaffStepPageToTheirOwn() throws Exception {
    OpenStep review = step(Element.TASK_REVIEW_PROBLEM_ANALYSIS);
    mvc.perform(get("/taken/" + caseId + "/" + review.taskId()).with(employee()))
        .andExpect(redirectedUrl("/mijn-traject/stap/" + review.taskId()));
    // Staff still get the staff page of their own steps.
    complete(Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, true));
    mvc.perform(get("/taken/" + caseId + "/" + step(Element.TASK_PROBLEM_ANALYSIS).taskId())
            .with(as(people.doctor(), Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk()).andExpect(view().name("journey/step"));
  }

  @Test
  void theEmployeeCompletesTheStepOnceTheDocumentIsReleasedAndThenNothingWaits() throws Exception {
    String path = "/mijn-traject/stap/" + step(Element.TASK_REVIEW_PROBLEM_ANALYSIS).taskId();
    mvc.perform(post(path).with(csrf()).with(employee()).param(Var.CORRECTION_REQUESTED, "false"))
        .andExpect(status().isConflict())
        .andExpect(model().attribute("documentRefused", true));

    changes.changeStatus(people.asEmployee(), caseId, analysis.id(), analysis.version(), DocumentStatus.RELEASED);
    mvc.perform(post(path).with(csrf()).with(employee()).param(Var.CORRECTION_REQUESTED, "false"))
        .andExpect(redirectedUrl("/mijn-traject"))
        .andExpect(flash().attribute("mineNotice", "mine2.step.done"));
    tasks.catchUp(caseId);
    assertThat(Pages.<List<MyJourneyPage.ToDoRow>>attribute(mvc.perform(get("/mijn-traject").with(employee()))
        .andExpect(status().isOk()).andReturn(), "toDo")).isEmpty();
    assertThat(homeToDo().count()).isZero();

    // A step that no longer waits (done, or someone else's) is no error page: back to Mijn traject with a word.
    mvc.perform(get(path).with(employee()))
        .andExpect(redirectedUrl("/mijn-traject"))
        .andExpect(flash().attribute("mineNotice", "mine2.step.gone"));
  }

  @Test
  void staffCannotOpenTheEmployeesStepPage() throws Exception {
    String path = "/mijn-traject/stap/" + step(Element.TASK_REVIEW_PROBLEM_ANALYSIS).taskId();
    mvc.perform(get(path).with(as(people.counsellor(), Groups.COUNSELLOR))).andExpect(status().isForbidden());
    mvc.perform(get(path).with(as(people.otherEmployee(), Groups.EMPLOYEE)))
        .andExpect(redirectedUrl("/mijn-traject"));
  }

  /** The home page's "Te doen" of the employee (slot home.main). */
  private MyJourney.ToDo homeToDo() throws Exception {
    MvcResult home = mvc.perform(get("/").with(employee())).andExpect(status().isOk()).andReturn();
    List<PageSection.Section> main = attribute(home, "mainSections");
    PageSection.Section journey = main.stream().filter(s -> s.key().equals("journey")).findFirst().orElseThrow();
    return ((MyJourney.Next) journey.model().get("next")).toDo();
  }

  private void complete(String stepKey, Map<String, Object> outcome) {
    tasks.complete(caseId, step(stepKey).taskId(), outcome);
    tasks.catchUp(caseId);
  }

  private OpenStep step(String stepKey) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst().orElseThrow();
  }

  private RequestPostProcessor employee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }
}
