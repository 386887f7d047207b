package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.attribute;
import static nl.bluevitaal.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.SignOff;
import nl.bluevitaal.casefile.SupportContact;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
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
 * The line manager's pages on the whole application: only the own team, only functional information. Medical notes,
 * diagnosis words, contact moments and the support network are seeded with markers that must never reach the model
 * these pages render.
 */
@ApplicationTest
class TeamPagesTest {

  private static final List<String> SECRETS = List.of("MEDISCH-MARKER", "burn-out", "DIAGNOSE-MARKER",
      "CONTACT-MARKER", "STEUN-MARKER", "ANALYSE-TEKST-MARKER");
  private static final FunctionalAdvice ADVICE = new FunctionalAdvice("Niet zwaar tillen", "Bureauwerk kan",
      "Halve dagen", "Een sta-zitbureau", "Ongeveer acht weken");

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseDocuments documents;
  @Autowired
  DocumentChanges changes;
  @Autowired
  MedicalNotes medicalNotes;
  @Autowired
  ContactMoments contactMoments;
  @Autowired
  SupportNetwork supportNetwork;

  String manager;
  String otherManager;
  String employee;
  String counsellor;
  String doctor;
  String ownName;
  String otherName;
  UUID ownCase;
  UUID otherCase;

  @BeforeEach
  void twoTeams() {
    manager = fixtures.user("tml", Groups.LINE_MANAGER);
    otherManager = fixtures.user("tmo", Groups.LINE_MANAGER);
    employee = fixtures.user("tme", Groups.EMPLOYEE);
    counsellor = fixtures.user("tmc", Groups.COUNSELLOR);
    doctor = fixtures.user("tmd", Groups.COMPANY_DOCTOR);
    String tag = CaseFixtures.tag("tm");
    ownName = "Tamara Teamlid " + tag;
    otherName = "Xander Elders " + tag;
    ownCase = fixtures.sickCase(SickCase.of(employee, ownName).team("Team Test", manager)
        .counselledBy(counsellor, doctor));
    otherCase = fixtures.sickCase(SickCase.of(null, otherName).team("Team Ander", otherManager)
        .counselledBy(counsellor, doctor));
  }

  @Test
  void theLineManagerSeesOnlyTheOwnTeamAndOnlyFunctionalInformation() throws Exception {
    Actor d = CaseFixtures.actor(doctor, Groups.COMPANY_DOCTOR);
    Actor e = CaseFixtures.actor(employee, Groups.EMPLOYEE);
    medicalNotes.add(d, ownCase, "MEDISCH-MARKER DIAGNOSE-MARKER burn-out");
    contactMoments.add(CaseFixtures.actor(counsellor, Groups.COUNSELLOR), ownCase, null, ContactMoment.Kind.PHONE,
        "CONTACT-MARKER slecht geslapen", false);
    supportNetwork.add(e, ownCase, SupportContact.Kind.HOME_FRONT, "STEUN-MARKER Piet", "partner", null);
    CaseDocument analysis = changes.create(d, ownCase, DocumentType.PROBLEM_ANALYSIS, "Probleemanalyse",
        "ANALYSE-TEKST-MARKER", ADVICE);
    analysis = changes.changeStatus(d, ownCase, analysis.id(), analysis.version(),
        DocumentStatus.FOR_EMPLOYEE_REVIEW);

    // Before the employee releases it, the line manager sees no advice.
    MvcResult before = mvc.perform(get("/team").with(asManager()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/team"))
        .andReturn();
    assertThat(Pages.<List<TeamCases.TeamCase>>attribute(before, "cases"))
        .extracting(c -> c.view().id(), TeamCases.TeamCase::advice).containsExactly(tuple(ownCase, null));

    changes.changeStatus(e, ownCase, analysis.id(), analysis.version(), DocumentStatus.RELEASED);
    MvcResult team = mvc.perform(get("/team").with(asManager()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/team"))
        .andReturn();
    List<TeamCases.TeamCase> cases = attribute(team, "cases");
    assertThat(cases).extracting(c -> c.view().employeeName()).containsExactly(ownName);
    assertThat(cases.get(0).advice().advice()).isEqualTo(ADVICE);
    MvcResult one = mvc.perform(get("/team/" + ownCase).with(asManager()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/team-case"))
        .andReturn();
    assertThat(Pages.<TeamCases.TeamCase>attribute(one, "item").advice().advice()).isEqualTo(ADVICE);
    // Whatever the pages render comes from their model: nothing of the other team, nothing medical or personal.
    for (MvcResult page : List.of(team, one)) {
      String model = page.getModelAndView().getModel().toString();
      assertThat(model).contains(ownName, "Niet zwaar tillen").doesNotContain(otherName, otherCase.toString());
      for (String secret : SECRETS) {
        assertThat(model).doesNotContain(secret);
      }
    }
  }

  @Test
  void anotherTeamsCaseDoesNotExistAndOthersMayNotOpenTheTeamPage() throws Exception {
    mvc.perform(get("/team/" + otherCase).with(asManager())).andExpect(status().isNotFound());
    mvc.perform(get("/team/" + UUID.randomUUID()).with(asManager())).andExpect(status().isNotFound());
    mvc.perform(get("/team").with(signedInAs(employee, employee, Groups.EMPLOYEE))).andExpect(status().isForbidden());
    mvc.perform(get("/team").with(signedInAs(counsellor, counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theLineManagerSignsTheReleasedPlanAndAStaleSignatureIsRefused() throws Exception {
    CaseDocument plan = released(ownCase);
    MvcResult page = mvc.perform(get("/team/" + ownCase).with(asManager()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/team-case"))
        .andExpect(model().attribute("signError", (Object) null))
        .andReturn();
    TeamController.PlanRow row = attribute(page, "plan");
    // The plan as readable text (DocumentText), never its storage markup.
    assertThat(row.text()).singleElement()
        .satisfies(section -> assertThat(section.blocks().get(0).text()).isEqualTo("Plan: twee ochtenden."));
    assertThat(row.maySign()).isTrue();
    assertThat(row.signedByMe()).isFalse();

    mvc.perform(post("/team/" + ownCase + "/documenten/" + plan.id() + "/ondertekenen").with(csrf()).with(asManager())
            .param("versie", String.valueOf(plan.version() + 7)))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/team-case"))
        .andExpect(model().attribute("signError", "team.conflict"));
    mvc.perform(post("/team/" + ownCase + "/documenten/" + plan.id() + "/ondertekenen").with(csrf()).with(asManager())
            .param("versie", String.valueOf(plan.version())))
        .andExpect(redirectedUrl("/team/" + ownCase))
        .andExpect(flash().attribute("teamNotice", "team.sign.done"));
    assertThat(documents.get(counsellorActor(), ownCase, plan.id()).signOffs())
        .extracting(SignOff::userId).containsExactly(manager);
    TeamController.PlanRow signed = attribute(mvc.perform(get("/team/" + ownCase).with(asManager())).andReturn(),
        "plan");
    assertThat(signed.signedByMe()).isTrue();
    assertThat(signed.maySign()).isFalse();
  }

  @Test
  void aLineManagerWhoIsAlsoACounsellorSignsThePlanOfTheirTeamAsLineManager() throws Exception {
    String managerAndCounsellor = fixtures.user("tmlc", Groups.LINE_MANAGER, Groups.COUNSELLOR);
    UUID teamCase = fixtures.sickCase(SickCase.of(null, "Teamlid " + CaseFixtures.tag("tm"))
        .team("Team Test", managerAndCounsellor).counselledBy(counsellor, doctor));
    CaseDocument plan = released(teamCase);
    RequestPostProcessor signedIn = signedInAs(managerAndCounsellor, managerAndCounsellor, Groups.LINE_MANAGER,
        Groups.COUNSELLOR);

    MvcResult page = mvc.perform(get("/team/" + teamCase).with(signedIn))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/team-case"))
        .andReturn();
    assertThat(Pages.<TeamController.PlanRow>attribute(page, "plan").maySign()).isTrue();
    mvc.perform(post("/team/" + teamCase + "/documenten/" + plan.id() + "/ondertekenen").with(csrf()).with(signedIn)
            .param("versie", String.valueOf(plan.version())))
        .andExpect(redirectedUrl("/team/" + teamCase))
        .andExpect(flash().attribute("teamNotice", "team.sign.done"));
    assertThat(documents.get(counsellorActor(), teamCase, plan.id()).signOffs())
        .extracting(SignOff::userId, SignOff::role).containsExactly(tuple(managerAndCounsellor, "LINE_MANAGER"));
  }

  @Test
  void theTeamPageSpeaksEnglishWhenAsked() throws Exception {
    MvcResult english = mvc.perform(get("/team").param("lang", "en").with(asManager()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/team"))
        .andReturn();
    assertThat(english.getResponse().getLocale()).isEqualTo(Locale.ENGLISH);
    assertThat(Pages.<List<TeamCases.TeamCase>>attribute(english, "cases")).hasSize(1);
  }

  /** A plan of action the counsellor of the case wrote and released. */
  private CaseDocument released(UUID caseId) {
    CaseDocument plan = changes.create(counsellorActor(), caseId, DocumentType.PLAN_OF_ACTION, "Plan",
        "Plan: twee ochtenden.", null);
    return changes.changeStatus(counsellorActor(), caseId, plan.id(), plan.version(), DocumentStatus.RELEASED);
  }


  private Actor counsellorActor() {
    return CaseFixtures.actor(counsellor, Groups.COUNSELLOR);
  }

  private RequestPostProcessor asManager() {
    return signedInAs(manager, manager, Groups.LINE_MANAGER);
  }
}
