package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseActions;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.casefile.ServiceRelated;
import nl.bluevitaal.casefile.WorkCapacityRecord;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.poortwachter.AbsenceProgress;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.PageSection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The caseloads and the case page of the counsellor and the company doctor on the whole application: every list and
 * page goes through the access policy, the events recorded on the case page reach the journey, and a stale edit is
 * refused with what was typed. (The task list and the step forms are the journey's: TasklistPagesTest.)
 */
@ApplicationTest
class CaseworkerPagesTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  Caseload caseload;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  Clock clock;

  String counsellor;
  String otherCounsellor;
  String doctor;
  String ownName;
  String otherName;
  UUID ownCase;
  UUID otherCase;

  @BeforeEach
  void twoCasesOfTwoCounsellors() {
    counsellor = fixtures.user("wsc", Groups.COUNSELLOR);
    otherCounsellor = fixtures.user("wsoc", Groups.COUNSELLOR);
    doctor = fixtures.user("wsd", Groups.COMPANY_DOCTOR);
    String tag = CaseFixtures.tag("ws");
    ownName = "Anemoon Zoekbaar " + tag;
    otherName = "Berk Verborgen " + tag;
    LocalDate sinceTwoDays = LocalDate.now(clock).minusDays(2);
    ownCase = fixtures.sickCase(SickCase.of(null, ownName).counselledBy(counsellor, doctor).since(sinceTwoDays));
    otherCase = fixtures.sickCase(SickCase.of(null, otherName).counselledBy(otherCounsellor, doctor)
        .since(sinceTwoDays));
  }

  @Test
  void theCaseloadShowsOnlyTheCallersOwnCases() throws Exception {
    MvcResult page = mvc.perform(get("/begeleiding/caseload").with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/caseload"))
        .andExpect(model().attribute("scope", Groups.COUNSELLOR))
        .andExpect(model().attribute("path", "/begeleiding/caseload"))
        .andExpect(model().attribute("filtered", false))
        .andReturn();
    List<CaseView> cases = attribute(page, "cases");
    assertThat(cases).extracting(CaseView::id).containsExactly(ownCase);
    assertThat(cases.get(0).employeeName()).isEqualTo(ownName);
    assertThat(cases.get(0).phase()).isEqualTo(Phase.INTAKE);
    assertThat(cases.get(0).nextDeadline()).isEqualTo(Milestone.PROBLEM_ANALYSIS);
  }

  @Test
  void theCompanyDoctorSeesEveryCaseTheyAreDoctorOfOnTheirOwnAddress() throws Exception {
    MvcResult page = mvc.perform(get("/bedrijfsarts/caseload").with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/caseload"))
        .andExpect(model().attribute("scope", Groups.COMPANY_DOCTOR))
        .andReturn();
    assertThat(Pages.<List<CaseView>>attribute(page, "cases")).extracting(CaseView::id)
        .containsExactlyInAnyOrder(ownCase, otherCase);
    mvc.perform(get("/begeleiding/caseload").with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isForbidden());
  }

  @Test
  void searchAndFiltersNarrowTheCaseloadOnTheServer() throws Exception {
    String part = ownName.substring("Anemoon ".length()).toLowerCase(Locale.ROOT);
    MvcResult found = mvc.perform(get("/bedrijfsarts/caseload").param("q", part)
            .with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(model().attribute("q", part))
        .andExpect(model().attribute("filtered", true))
        .andReturn();
    assertThat(Pages.<List<CaseView>>attribute(found, "cases")).extracting(CaseView::id).containsExactly(ownCase);
    mvc.perform(get("/begeleiding/caseload").param("q", otherName).with(asCounsellor()))
        .andExpect(model().attribute("cases", empty()));
    MvcResult intake = mvc.perform(get("/begeleiding/caseload").param("fase", "INTAKE").with(asCounsellor()))
        .andExpect(model().attribute("phase", Phase.INTAKE))
        .andReturn();
    assertThat(Pages.<List<CaseView>>attribute(intake, "cases")).extracting(CaseView::id).containsExactly(ownCase);
    mvc.perform(get("/begeleiding/caseload").param("fase", "SPOOR_2").with(asCounsellor()))
        .andExpect(model().attribute("phase", Phase.SPOOR_2))
        .andExpect(model().attribute("cases", empty()));
    mvc.perform(get("/begeleiding/caseload").param("telaat", "ja").with(asCounsellor()))
        .andExpect(model().attribute("overdueOnly", true))
        .andExpect(model().attribute("cases", empty()));
  }

  @Test
  void htmxGetsOnlyTheResults() throws Exception {
    MvcResult results = mvc.perform(get("/begeleiding/caseload").param("q", ownName).header("HX-Request", "true")
            .with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/caseload :: results"))
        .andReturn();
    assertThat(Pages.<List<CaseView>>attribute(results, "cases")).extracting(CaseView::id).containsExactly(ownCase);
  }

  @Test
  void aCaseOfSomeoneElseDoesNotExist() throws Exception {
    mvc.perform(get("/dossiers/" + otherCase).with(asCounsellor())).andExpect(status().isNotFound());
    mvc.perform(get("/dossiers/" + UUID.randomUUID()).with(asCounsellor())).andExpect(status().isNotFound());
    mvc.perform(get("/dossiers/geen-id").with(asCounsellor())).andExpect(status().isNotFound());
    mvc.perform(post("/dossiers/" + otherCase + "/gedeeltelijk-herstel").with(csrf()).with(asCounsellor())
            .param("percentage", "50").param("versie", String.valueOf(registry.get(otherCase).version())))
        .andExpect(status().isNotFound());
    assertThat(registry.get(otherCase).workCapacityPct()).isZero();
  }

  @Test
  void theCasePageShowsTheTimelineDeadlinesAndTheCounsellorsActions() throws Exception {
    MvcResult page = mvc.perform(get("/dossiers/" + ownCase).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("isOpen", true))
        .andReturn();
    CaseView view = attribute(page, "view");
    assertThat(view.employeeName()).isEqualTo(ownName);
    assertThat(view.version()).isEqualTo(registry.get(ownCase).version());
    AbsenceProgress progress = attribute(page, "progress");
    assertThat(progress.week()).isEqualTo(1);
    assertThat(progress.journeyWeeks()).isEqualTo(104);
    assertThat(progress.barValue()).isEqualTo(1);
    List<CaseDeadline> deadlines = attribute(page, "deadlines");
    assertThat(deadlines).extracting(CaseDeadline::milestone).containsExactly(Milestone.values());
    assertThat(deadlines).filteredOn(d -> d.milestone() == Milestone.PROBLEM_ANALYSIS
            || d.milestone() == Milestone.END_OF_WAGE_PAYMENT)
        .extracting(d -> d.state(LocalDate.now(clock))).containsOnly(CaseDeadline.State.DUE);
    List<PageSection.Section> steps = attribute(page, "stepSections");
    // The journey's steps first; the home front says beside them that no contact exists yet.
    assertThat(steps).extracting(PageSection.Section::key).containsExactly("steps", "home-front");
    assertThat(stepKeys(steps.get(0))).containsExactly(Element.TASK_INTAKE);
    CaseActions actions = attribute(page, "actions");
    assertThat(actions.recordEvents()).isTrue();
    assertThat(actions.keepFile()).isTrue();
    assertThat(actions.writeMedicalNotes()).isFalse();

    // The doctor reads the case but does not record administrative events; the medical notes are theirs.
    MvcResult forDoctor = mvc.perform(get("/dossiers/" + ownCase).with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("medicalNotes", empty()))
        .andReturn();
    assertThat(Pages.<CaseActions>attribute(forDoctor, "actions").recordEvents()).isFalse();
    assertThat(Pages.<CaseActions>attribute(forDoctor, "actions").writeMedicalNotes()).isTrue();
    mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(as(doctor, Groups.COMPANY_DOCTOR))
            .param("vrijwillig", "4").param("sanctie", "0").param("versie", "0"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aStaleExtensionIsRefusedWithTheConflictMessageAndKeepsTheInput() throws Exception {
    int read = registry.get(ownCase).version();
    mvc.perform(post("/dossiers/" + ownCase + "/gedeeltelijk-herstel").with(csrf()).with(asCounsellor())
            .param("percentage", "40").param("versie", String.valueOf(read)))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("caseNotice", "case.partial.done"));
    assertThat(registry.get(ownCase).workCapacityPct()).isEqualTo(40);
    // A second counsellor's form, read before that change, does not overwrite it.
    mvc.perform(post("/dossiers/" + ownCase + "/gedeeltelijk-herstel").with(csrf()).with(asCounsellor())
            .param("percentage", "70").param("versie", String.valueOf(read)))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("partialForm",
            new FormState(Map.of("percentage", "70"), Map.of(), "case.conflict")));
    assertThat(registry.get(ownCase).workCapacityPct()).isEqualTo(40);

    MvcResult stale = mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(asCounsellor())
            .param("vrijwillig", "6").param("sanctie", "3").param("versie", String.valueOf(read)))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("extensionForm",
            new FormState(Map.of("vrijwillig", "6", "sanctie", "3"), Map.of(), "case.conflict")))
        .andReturn();
    // The form comes back with the current version, so sending it again is a conscious choice.
    assertThat(Pages.<CaseView>attribute(stale, "view").version()).isEqualTo(registry.get(ownCase).version());

    mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(asCounsellor())
            .param("vrijwillig", "6").param("sanctie", "3")
            .param("versie", String.valueOf(registry.get(ownCase).version())))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/dossiers/" + ownCase))
        .andExpect(flash().attribute("caseNotice", "case.extension.done"));
  }

  @Test
  void theCounsellorRecordsLaterThatTheIllnessIsServiceRelatedAndAStaleFormKeepsTheChoice() throws Exception {
    MvcResult shown = mvc.perform(get("/dossiers/" + ownCase).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(model().attribute("serviceForm", FormState.of(Map.of("dienst", "UNKNOWN"))))
        .andReturn();
    assertThat(Pages.<CaseView>attribute(shown, "view").serviceRelated()).isEqualTo(ServiceRelated.UNKNOWN);
    int read = registry.get(ownCase).version();

    mvc.perform(post("/dossiers/" + ownCase + "/dienstgerelateerd").with(csrf()).with(asCounsellor())
            .param("dienst", "YES").param("versie", String.valueOf(read)))
        .andExpect(redirectedUrl("/dossiers/" + ownCase))
        .andExpect(flash().attribute("caseNotice", "case.service.done"));
    assertThat(registry.get(ownCase).serviceRelated()).isEqualTo(ServiceRelated.YES);

    // A form read before that change does not overwrite it, and comes back with what was chosen.
    mvc.perform(post("/dossiers/" + ownCase + "/dienstgerelateerd").with(csrf()).with(asCounsellor())
            .param("dienst", "NO").param("versie", String.valueOf(read)))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("serviceForm",
            new FormState(Map.of("dienst", "NO"), Map.of(), "case.conflict")));
    assertThat(registry.get(ownCase).serviceRelated()).isEqualTo(ServiceRelated.YES);
  }

  @Test
  void aMissingOrUnknownServiceRelationIsNamedBesideTheChoiceAndOthersMayNotSetIt() throws Exception {
    String version = String.valueOf(registry.get(ownCase).version());
    MvcResult missing = mvc.perform(post("/dossiers/" + ownCase + "/dienstgerelateerd").with(csrf())
            .with(asCounsellor()).param("versie", version))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("casefile/case"))
        .andReturn();
    assertThat(Pages.<FormState>attribute(missing, "serviceForm").errors())
        .isEqualTo(Map.of("dienst", "case.service.error.required"));
    MvcResult bogus = mvc.perform(post("/dossiers/" + ownCase + "/dienstgerelateerd").with(csrf())
            .with(asCounsellor()).param("dienst", "MISSCHIEN").param("versie", version))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    FormState bogusForm = attribute(bogus, "serviceForm");
    assertThat(bogusForm.errors()).containsOnlyKeys("dienst");
    assertThat(bogusForm.value("dienst")).isEqualTo("MISSCHIEN");

    mvc.perform(post("/dossiers/" + ownCase + "/dienstgerelateerd").with(csrf())
            .with(as(doctor, Groups.COMPANY_DOCTOR)).param("dienst", "YES").param("versie", version))
        .andExpect(status().isForbidden());
    mvc.perform(post("/dossiers/" + ownCase + "/dienstgerelateerd").with(csrf())
            .with(as(otherCounsellor, Groups.COUNSELLOR)).param("dienst", "YES").param("versie", version))
        .andExpect(status().isNotFound());
    assertThat(registry.get(ownCase).serviceRelated()).isEqualTo(ServiceRelated.UNKNOWN);
  }

  @Test
  void aWrongNumberOfWeeksIsNamedBesideTheField() throws Exception {
    MvcResult page = mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(asCounsellor())
            .param("vrijwillig", "60").param("sanctie", "")
            .param("versie", String.valueOf(registry.get(ownCase).version())))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("casefile/case"))
        .andReturn();
    FormState form = attribute(page, "extensionForm");
    assertThat(form.errors()).isEqualTo(Map.of("vrijwillig", "case.extension.error.weeks"));
    assertThat(form.value("vrijwillig")).isEqualTo("60");
    assertThat(form.formError()).isNull();
  }

  @Test
  void aRecoveryDateBeforeTheFirstSickDayIsNamedBesideTheDate() throws Exception {
    String dayBefore = registry.get(ownCase).firstSickDay().minusDays(1).toString();
    mvc.perform(post("/dossiers/" + ownCase + "/volledig-herstel").with(csrf()).with(asCounsellor())
            .param("datum", dayBefore))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("recoveryForm",
            new FormState(Map.of("datum", dayBefore), Map.of("datum", "case.recovery.error.before-sick"), null)));
    assertThat(registry.get(ownCase).status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aRecoveryOfACaseThatIsNoLongerOpenIsAConflictNotAWrongDate() throws Exception {
    String today = LocalDate.now(clock).toString();
    mvc.perform(post("/dossiers/" + ownCase + "/volledig-herstel").with(csrf()).with(asCounsellor())
            .param("datum", today))
        .andExpect(redirectedUrl("/dossiers/" + ownCase))
        .andExpect(flash().attribute("caseNotice", "case.recovery.done"));
    assertThat(registry.get(ownCase).status()).isEqualTo(CaseStatus.RECOVERED);

    // A second form, sent from a page shown before the first: the date is fine, the case is not open.
    mvc.perform(post("/dossiers/" + ownCase + "/volledig-herstel").with(csrf()).with(asCounsellor())
            .param("datum", today))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("isOpen", false))
        .andExpect(model().attribute("recoveryForm",
            new FormState(Map.of("datum", today), Map.of(), "case.recovery.error.state")));
    assertThat(registry.get(ownCase).status()).isEqualTo(CaseStatus.RECOVERED);
  }

  @Test
  void partialRecoveryIsRecordedWithWhoRecordedItAndTheJourneyAsksToAdjustThePlan() throws Exception {
    tasks.complete(ownCase, step(ownCase, Element.TASK_INTAKE).taskId(),
        Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2));
    assertThat(tasks.openSteps(ownCase)).extracting(OpenStep::stepKey)
        .doesNotContain(Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY);

    mvc.perform(post("/dossiers/" + ownCase + "/gedeeltelijk-herstel").with(csrf()).with(asCounsellor())
            .param("percentage", "50").param("versie", String.valueOf(registry.get(ownCase).version())))
        .andExpect(redirectedUrl("/dossiers/" + ownCase))
        .andExpect(flash().attribute("caseNotice", "case.partial.done"));

    List<WorkCapacityRecord> history = caseload.detail(CaseFixtures.actor(counsellor, Groups.COUNSELLOR), ownCase)
        .workCapacity();
    assertThat(history).last().satisfies(recorded -> {
      assertThat(recorded.pct()).isEqualTo(50);
      assertThat(recorded.recordedBy()).isEqualTo(counsellor);
    });
    assertThat(tasks.openSteps(ownCase)).extracting(OpenStep::stepKey)
        .contains(Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY);
  }

  @Test
  void thePagesSpeakEnglishWhenAsked() throws Exception {
    for (String page : List.of("/begeleiding/caseload", "/dossiers/" + ownCase)) {
      MvcResult english = mvc.perform(get(page).param("lang", "en").with(asCounsellor()))
          .andExpect(status().isOk())
          .andReturn();
      assertThat(english.getResponse().getLocale()).as(page).isEqualTo(Locale.ENGLISH);
    }
  }

  private OpenStep step(UUID caseId, String stepKey) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<String> stepKeys(PageSection.Section section) {
    return ((List<MySteps.StepRow>) section.model().get("steps")).stream().map(row -> row.step().stepKey()).toList();
  }


  private RequestPostProcessor asCounsellor() {
    return as(counsellor, Groups.COUNSELLOR);
  }

}
