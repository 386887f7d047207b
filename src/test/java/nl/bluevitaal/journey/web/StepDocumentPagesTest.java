package nl.bluevitaal.journey.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentProgress.Shortfall;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A step whose output is a document, on the whole application against the running journey: its page shows the
 * document's state with the way to write or open it, a completion without the document in the status the step needs
 * is refused (the page says what to do first, the API answers 409 problem+json) and changes nothing, and once the
 * document is there the step completes. The outcome that needs no document (a correction asked, a plan not agreed)
 * completes without it; an evaluation needs a new one.
 */
@ApplicationTest
class StepDocumentPagesTest {

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

  @BeforeEach
  void aCaseAfterItsIntake() {
    people = fixtures.people("sd");
    caseId = people.caseId();
    systemCompletes(Element.TASK_INTAKE, Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 3));
  }

  @Test
  void theDoctorCompletesTheProblemAnalysisOnlyOnceItIsSentToTheEmployee() throws Exception {
    OpenStep step = step(Element.TASK_PROBLEM_ANALYSIS);
    String form = form(step);

    MvcResult page = mvc.perform(get(form).with(doctor()))
        .andExpect(status().isOk()).andExpect(view().name("journey/step"))
        .andExpect(model().attribute("documentRefused", false))
        .andReturn();
    TasklistController.DocumentView document = attribute(page, "document");
    assertThat(document.progress().shortfall()).isEqualTo(Shortfall.MISSING);
    assertThat(document.writeHref()).isEqualTo("/dossiers/" + caseId + "/documenten/nieuw?type=PROBLEM_ANALYSIS");
    assertThat(document.openHref()).isNull();
    assertThat(document.mayComplete()).isFalse();

    mvc.perform(post(form).with(csrf()).with(doctor()))
        .andExpect(status().isConflict()).andExpect(view().name("journey/step"))
        .andExpect(model().attribute("documentRefused", true))
        .andExpect(content().string(Matchers.containsString(
            "Schrijf eerst de probleemanalyse en stuur hem ter inzage naar de medewerker.")));
    mvc.perform(post("/api/cases/" + caseId + "/steps/" + step.taskId()).with(csrf()).with(doctor())
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", Matchers.containsString("PROBLEM_ANALYSIS")));

    CaseDocument draft = changes.create(people.asDoctor(), caseId, DocumentType.PROBLEM_ANALYSIS, "Probleemanalyse",
        "Prognose: herstel in fasen.", null);
    MvcResult drafted = mvc.perform(get(form).with(doctor())).andExpect(status().isOk()).andReturn();
    TasklistController.DocumentView written = attribute(drafted, "document");
    assertThat(written.progress().shortfall()).isEqualTo(Shortfall.NOT_YET);
    assertThat(written.openHref()).isEqualTo("/dossiers/" + caseId + "/documenten/" + draft.id());
    assertThat(written.writeHref()).isNull();
    mvc.perform(post(form).with(csrf()).with(doctor())).andExpect(status().isConflict());
    assertThat(open(Element.TASK_PROBLEM_ANALYSIS)).isTrue();

    changes.changeStatus(people.asDoctor(), caseId, draft.id(), draft.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);
    mvc.perform(post(form).with(csrf()).with(doctor()))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("completedStep", Element.TASK_PROBLEM_ANALYSIS));
    tasks.catchUp(caseId);
    assertThat(open(Element.TASK_REVIEW_PROBLEM_ANALYSIS)).isTrue();
  }

  @Test
  void theEmployeeReleasesTheAnalysisOrAsksForACorrectionWhichStillCompletes() throws Exception {
    CaseDocument analysis = analysisUnderReview();
    personCompletes(people.asDoctor(), Element.TASK_PROBLEM_ANALYSIS, Map.of());
    String form = form(step(Element.TASK_REVIEW_PROBLEM_ANALYSIS));

    // The employee's one path to the step is their own page (Mijn traject), which shows the document.
    mvc.perform(get(form).with(employee()))
        .andExpect(redirectedUrl("/mijn-traject/stap/" + step(Element.TASK_REVIEW_PROBLEM_ANALYSIS).taskId()));
    mvc.perform(post(form).with(csrf()).with(employee()).param(Var.CORRECTION_REQUESTED, "false"))
        .andExpect(status().isConflict()).andExpect(model().attribute("documentRefused", true));

    mvc.perform(post(form).with(csrf()).with(employee()).param(Var.CORRECTION_REQUESTED, "true"))
        .andExpect(redirectedUrl("/taken"));
    tasks.catchUp(caseId);
    // Back to the doctor, whose analysis is still with the employee: the doctor can complete again.
    personCompletes(people.asDoctor(), Element.TASK_PROBLEM_ANALYSIS, Map.of());

    changes.changeStatus(people.asEmployee(), caseId, analysis.id(), analysis.version(), DocumentStatus.RELEASED);
    mvc.perform(post(form(step(Element.TASK_REVIEW_PROBLEM_ANALYSIS))).with(csrf()).with(employee())
            .param(Var.CORRECTION_REQUESTED, "false"))
        .andExpect(redirectedUrl("/taken"));
  }

  @Test
  void eachSideCompletesItsPlanStepWithItsOwnSignatureOrWithoutOneWhenItDoesNotAgree() throws Exception {
    toThePlanOfAction();
    String draftForm = form(step(Element.TASK_DRAFT_PLAN_OF_ACTION));
    mvc.perform(post(draftForm).with(csrf()).with(counsellor())).andExpect(status().isConflict());
    CaseDocument plan = releasedPlan();
    mvc.perform(post(draftForm).with(csrf()).with(counsellor())).andExpect(redirectedUrl("/taken"));
    tasks.catchUp(caseId);

    String lineManagerForm = form(step(Element.TASK_AGREE_PLAN_LINE_MANAGER));
    MvcResult page = mvc.perform(get(lineManagerForm).with(lineManager())).andExpect(status().isOk()).andReturn();
    assertThat(Pages.<TasklistController.DocumentView>attribute(page, "document").progress().shortfall())
        .isEqualTo(Shortfall.NOT_SIGNED);
    mvc.perform(post(lineManagerForm).with(csrf()).with(lineManager())
            .param(Var.PLAN_AGREED_BY_LINE_MANAGER, "true"))
        .andExpect(status().isConflict());
    plan = changes.signOff(people.asLineManager(), caseId, plan.id(), plan.version());
    mvc.perform(post(lineManagerForm).with(csrf()).with(lineManager())
            .param(Var.PLAN_AGREED_BY_LINE_MANAGER, "true"))
        .andExpect(redirectedUrl("/taken"));

    // The line manager's signature is not the employee's: their own step still waits for their own.
    String employeeForm = form(step(Element.TASK_AGREE_PLAN_EMPLOYEE));
    mvc.perform(post(employeeForm).with(csrf()).with(employee()).param(Var.PLAN_AGREED_BY_EMPLOYEE, "true"))
        .andExpect(status().isConflict());
    mvc.perform(post(employeeForm).with(csrf()).with(employee()).param(Var.PLAN_AGREED_BY_EMPLOYEE, "false"))
        .andExpect(redirectedUrl("/taken"));
    tasks.catchUp(caseId);
    assertThat(open(Element.TASK_DRAFT_PLAN_OF_ACTION)).isTrue();
  }

  @Test
  void anEvaluationStepNeedsAnEvaluationWrittenSinceItOpened() throws Exception {
    toThePlanOfAction();
    CaseDocument plan = releasedPlan();
    personCompletes(people.asCounsellor(), Element.TASK_DRAFT_PLAN_OF_ACTION, Map.of());
    // An evaluation written before this evaluation moment does not count for it.
    released(DocumentType.EVALUATION, "Evaluatie van eerder");
    plan = changes.signOff(people.asEmployee(), caseId, plan.id(), plan.version());
    changes.signOff(people.asLineManager(), caseId, plan.id(), plan.version());
    personCompletes(people.asEmployee(), Element.TASK_AGREE_PLAN_EMPLOYEE, Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true));
    personCompletes(people.asLineManager(), Element.TASK_AGREE_PLAN_LINE_MANAGER,
        Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, true));
    String form = form(step(Element.TASK_EVALUATION));

    MvcResult page = mvc.perform(get(form).with(counsellor())).andExpect(status().isOk()).andReturn();
    TasklistController.DocumentView document = attribute(page, "document");
    assertThat(document.progress().shortfall()).isEqualTo(Shortfall.MISSING);
    assertThat(document.writeHref()).isEqualTo("/dossiers/" + caseId + "/documenten/nieuw?type=EVALUATION");
    mvc.perform(post(form).with(csrf()).with(counsellor()))
        .andExpect(status().isConflict())
        .andExpect(content().string(Matchers.containsString("Schrijf eerst een nieuwe evaluatie")));

    released(DocumentType.EVALUATION, "Evaluatie van nu");
    mvc.perform(post(form).with(csrf()).with(counsellor()))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("completedStep", Element.TASK_EVALUATION));
  }

  private void toThePlanOfAction() {
    analysisUnderReview();
    systemCompletes(Element.TASK_PROBLEM_ANALYSIS, Map.of());
    systemCompletes(Element.TASK_REVIEW_PROBLEM_ANALYSIS, Map.of(Var.CORRECTION_REQUESTED, false));
  }

  private CaseDocument analysisUnderReview() {
    CaseDocument analysis = changes.create(people.asDoctor(), caseId, DocumentType.PROBLEM_ANALYSIS,
        "Probleemanalyse", "Prognose: herstel in fasen.", null);
    return changes.changeStatus(people.asDoctor(), caseId, analysis.id(), analysis.version(),
        DocumentStatus.FOR_EMPLOYEE_REVIEW);
  }

  private CaseDocument releasedPlan() {
    return released(DocumentType.PLAN_OF_ACTION, "Plan van aanpak");
  }

  private CaseDocument released(DocumentType type, String title) {
    CaseDocument document = changes.create(people.asCounsellor(), caseId, type, title, "Afspraken.", null);
    return changes.changeStatus(people.asCounsellor(), caseId, document.id(), document.version(),
        DocumentStatus.RELEASED);
  }

  private void systemCompletes(String stepKey, Map<String, Object> outcome) {
    tasks.complete(caseId, step(stepKey).taskId(), outcome);
    tasks.catchUp(caseId);
  }

  private void personCompletes(Actor actor, String stepKey, Map<String, Object> outcome) {
    tasks.complete(actor, caseId, step(stepKey).taskId(), outcome);
    tasks.catchUp(caseId);
  }

  private OpenStep step(String stepKey) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst().orElseThrow();
  }

  private boolean open(String stepKey) {
    return tasks.openSteps(caseId).stream().anyMatch(s -> s.stepKey().equals(stepKey));
  }

  private String form(OpenStep step) {
    return "/taken/" + caseId + "/" + step.taskId();
  }

  private RequestPostProcessor doctor() {
    return as(people.doctor(), Groups.COMPANY_DOCTOR);
  }

  private RequestPostProcessor employee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }

  private RequestPostProcessor counsellor() {
    return as(people.counsellor(), Groups.COUNSELLOR);
  }

  private RequestPostProcessor lineManager() {
    return as(people.lineManager(), Groups.LINE_MANAGER);
  }
}
