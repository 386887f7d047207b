package nl.bluevitaal.journey.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The task list and the step forms on the whole application: the caller's own steps only, a form with exactly the
 * step's outcome keys that drives the real journey, and a step done or taken meanwhile is a notice on the list, while
 * anything else keeps its own answer.
 */
@ApplicationTest
class TasklistPagesTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  Clock clock;

  String counsellor;
  String otherCounsellor;
  UUID ownCase;
  UUID otherCase;

  @BeforeEach
  void twoCasesOfTwoCounsellors() {
    counsellor = fixtures.user("tlc", Groups.COUNSELLOR);
    otherCounsellor = fixtures.user("tloc", Groups.COUNSELLOR);
    String doctor = fixtures.user("tld", Groups.COMPANY_DOCTOR);
    String tag = CaseFixtures.tag("tl");
    LocalDate sinceTwoDays = LocalDate.now(clock).minusDays(2);
    ownCase = fixtures.sickCase(SickCase.of(null, "Anemoon Taak " + tag).counselledBy(counsellor, doctor)
        .since(sinceTwoDays));
    otherCase = fixtures.sickCase(SickCase.of(null, "Berk Taak " + tag).counselledBy(otherCounsellor, doctor)
        .since(sinceTwoDays));
  }

  @Test
  void theTasklistLinksToTheStepFormWithItsDueDate() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    MvcResult page = mvc.perform(get("/taken").with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("journey/tasklist"))
        .andReturn();
    List<MySteps.StepRow> rows = attribute(page, "rows");
    assertThat(rows).extracting(row -> row.caseView().id()).containsExactly(ownCase);
    MySteps.StepRow row = rows.get(0);
    assertThat(row.step().taskId()).isEqualTo(intake.taskId());
    assertThat(row.step().stepKey()).isEqualTo(Element.TASK_INTAKE);
    assertThat(row.dueOn()).isEqualTo(LocalDate.ofInstant(intake.due(), clock.getZone()));
    assertThat(row.overdue()).isFalse();
  }

  @Test
  void aWrongAnswerComesBackWithTheMessageBesideTheFieldAndWhatWasTyped() throws Exception {
    String form = "/taken/" + ownCase + "/" + intakeOf(ownCase).taskId();
    MvcResult empty = mvc.perform(get(form).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("journey/step"))
        .andExpect(model().attribute("errors", empty()))
        .andReturn();
    assertThat(Pages.<List<TasklistController.FieldView>>attribute(empty, "fields"))
        .extracting(TasklistController.FieldView::name).containsExactly(Var.WORK_CONFLICT, Var.EXPECTED_ABSENCE_WEEKS);

    MvcResult wrong = mvc.perform(post(form).with(csrf()).with(asCounsellor())
            .param(Var.WORK_CONFLICT, "true").param(Var.EXPECTED_ABSENCE_WEEKS, "twaalf"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("journey/step"))
        .andReturn();
    List<TasklistController.FieldView> fields = attribute(wrong, "fields");
    assertThat(fields).extracting(TasklistController.FieldView::name, TasklistController.FieldView::value,
            TasklistController.FieldView::error)
        .containsExactly(tuple(Var.WORK_CONFLICT, "true", null),
            tuple(Var.EXPECTED_ABSENCE_WEEKS, "twaalf", "step.error.weeks"));
    assertThat(Pages.<List<TasklistController.FieldView>>attribute(wrong, "errors"))
        .extracting(TasklistController.FieldView::name).containsExactly(Var.EXPECTED_ABSENCE_WEEKS);
    assertThat(registry.get(ownCase).phase()).isEqualTo(Phase.INTAKE);
  }

  @Test
  void completingTheIntakeMovesTheCaseToTheProblemAnalysis() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    mvc.perform(post("/taken/" + ownCase + "/" + intake.taskId()).with(csrf()).with(asCounsellor())
            .param(Var.WORK_CONFLICT, "false").param(Var.EXPECTED_ABSENCE_WEEKS, "3"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("completedStep", Element.TASK_INTAKE));
    tasks.catchUp(ownCase);
    assertThat(registry.get(ownCase).phase()).isEqualTo(Phase.PROBLEM_ANALYSIS);
    assertThat(tasks.openSteps(ownCase)).noneMatch(s -> s.taskId().equals(intake.taskId()));
  }

  @Test
  void aSecondSubmitOfADoneStepShowsTheTasklistWithANoticeAndChangesNothing() throws Exception {
    String form = "/taken/" + ownCase + "/" + intakeOf(ownCase).taskId();
    mvc.perform(post(form).with(csrf()).with(asCounsellor())
            .param(Var.WORK_CONFLICT, "false").param(Var.EXPECTED_ABSENCE_WEEKS, "3"))
        .andExpect(flash().attribute("completedStep", Element.TASK_INTAKE));
    tasks.catchUp(ownCase);
    int version = registry.get(ownCase).version();

    // The back button, then the form again: the step is done, so the list of what is open now, with a notice.
    mvc.perform(get(form).with(asCounsellor()))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.step-gone"));
    mvc.perform(post(form).with(csrf()).with(asCounsellor())
            .param(Var.WORK_CONFLICT, "true").param(Var.EXPECTED_ABSENCE_WEEKS, "9"))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.step-gone"));

    assertThat(registry.get(ownCase).version()).isEqualTo(version);
    assertThat(registry.get(ownCase).phase()).isEqualTo(Phase.PROBLEM_ANALYSIS);
    // Someone for whom it never was a step still finds nothing there.
    mvc.perform(post(form).with(csrf()).with(as(otherCounsellor, Groups.COUNSELLOR))
            .param(Var.WORK_CONFLICT, "false").param(Var.EXPECTED_ABSENCE_WEEKS, "3"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aCounsellorTakesAStepAndGivesItBack() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    String step = "/taken/" + ownCase + "/" + intake.taskId();
    // The list offers to take it (nobody has) and, once taken, to give it back.
    assertThat(onlyRow().step().assignee()).isNull();

    mvc.perform(post(step + "/oppakken").with(csrf()).with(asCounsellor()))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.claimed"));
    assertThat(intakeOf(ownCase).assignee()).isEqualTo(counsellor);
    assertThat(onlyRow().step().isTakenBy(counsellor)).isTrue();
    // Someone else cannot give it back, nor take it.
    mvc.perform(post(step + "/teruggeven").with(csrf()).with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(post(step + "/oppakken").with(csrf()).with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());

    mvc.perform(post(step + "/teruggeven").with(csrf()).with(asCounsellor()))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.unclaimed"));
    assertThat(intakeOf(ownCase).assignee()).isNull();
  }

  @Test
  void aStepTakenBySomeoneElseFirstIsANoticeButOtherFailuresKeepTheirOwnAnswer() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    String step = "/taken/" + ownCase + "/" + intake.taskId();
    String colleague = fixtures.user("tlcol", Groups.COUNSELLOR);
    // The list showed the step to take; a colleague took it first.
    tasks.claim(ownCase, intake.taskId(), colleague);

    mvc.perform(post(step + "/oppakken").with(csrf()).with(asCounsellor()))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.step-gone"));
    mvc.perform(get(step).with(asCounsellor()))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.step-gone"));
    assertThat(intakeOf(ownCase).assignee()).isEqualTo(colleague);

    // Back with the counsellor: a wrong outcome is named beside its field, not a step gone.
    tasks.unclaim(ownCase, intake.taskId());
    MvcResult wrong = mvc.perform(post(step).with(csrf()).with(asCounsellor())
            .param(Var.WORK_CONFLICT, "false").param(Var.EXPECTED_ABSENCE_WEEKS, "500"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("journey/step"))
        .andExpect(flash().attributeCount(0))
        .andReturn();
    assertThat(Pages.<List<TasklistController.FieldView>>attribute(wrong, "errors"))
        .extracting(TasklistController.FieldView::name, TasklistController.FieldView::error)
        .containsExactly(tuple(Var.EXPECTED_ABSENCE_WEEKS, "step.error.weeks"));
    // A step that does not exist is not found, whatever one asks of it.
    String unknown = "/taken/" + ownCase + "/" + UUID.randomUUID();
    mvc.perform(post(unknown + "/oppakken").with(csrf()).with(asCounsellor())).andExpect(status().isNotFound());
    mvc.perform(post(unknown).with(csrf()).with(asCounsellor())
            .param(Var.WORK_CONFLICT, "false").param(Var.EXPECTED_ABSENCE_WEEKS, "3"))
        .andExpect(status().isNotFound());
    assertThat(registry.get(ownCase).phase()).isEqualTo(Phase.INTAKE);
  }

  @Test
  void aStepOfSomeoneElseDoesNotExist() throws Exception {
    OpenStep othersIntake = intakeOf(otherCase);
    mvc.perform(get("/taken/" + otherCase + "/" + othersIntake.taskId()).with(asCounsellor()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/taken/" + otherCase + "/" + othersIntake.taskId()).with(csrf()).with(asCounsellor())
            .param(Var.WORK_CONFLICT, "false").param(Var.EXPECTED_ABSENCE_WEEKS, "1"))
        .andExpect(status().isNotFound());
    mvc.perform(post("/taken/" + otherCase + "/" + othersIntake.taskId() + "/oppakken").with(csrf())
            .with(asCounsellor()))
        .andExpect(status().isNotFound());
    assertThat(intakeOf(otherCase).assignee()).isNull();
    assertThat(registry.get(otherCase).phase()).isEqualTo(Phase.INTAKE);
  }

  @Test
  void theStepFormSpeaksEnglishWhenAsked() throws Exception {
    MvcResult english = mvc.perform(get("/taken/" + ownCase + "/" + intakeOf(ownCase).taskId()).param("lang", "en")
            .with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("journey/step"))
        .andReturn();
    assertThat(english.getResponse().getLocale()).isEqualTo(Locale.ENGLISH);
  }

  private MySteps.StepRow onlyRow() throws Exception {
    List<MySteps.StepRow> rows = attribute(mvc.perform(get("/taken").with(asCounsellor()))
        .andExpect(status().isOk()).andReturn(), "rows");
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private OpenStep intakeOf(UUID caseId) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(Element.TASK_INTAKE)).findFirst()
        .orElseThrow();
  }


  private RequestPostProcessor asCounsellor() {
    return as(counsellor, Groups.COUNSELLOR);
  }

}
