package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.casefile.SupportContact;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The line manager's pages on the whole application: only the own team, only functional information. Medical notes,
 * diagnosis words, contact moments and the support network are seeded with markers that must never appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:team-pages;DB_CLOSE_DELAY=-1",
    "bluevitaal.demo.enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
class TeamPagesTest {

  private static final AtomicInteger RUN = new AtomicInteger();
  private static final List<String> SECRETS = List.of("MEDISCH-MARKER", "burn-out", "DIAGNOSE-MARKER",
      "CONTACT-MARKER", "STEUN-MARKER", "ANALYSE-TEKST-MARKER");

  @Autowired
  MockMvc mvc;
  @Autowired
  Accounts accounts;
  @Autowired
  CaseRegistry registry;
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
    String tag = RUN.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
    manager = user("tml" + tag, Groups.LINE_MANAGER);
    otherManager = user("tmo" + tag, Groups.LINE_MANAGER);
    employee = user("tme" + tag, Groups.EMPLOYEE);
    counsellor = user("tmc" + tag, Groups.COUNSELLOR);
    doctor = user("tmd" + tag, Groups.COMPANY_DOCTOR);
    ownName = "Tamara Teamlid" + tag;
    otherName = "Xander Elders" + tag;
    ownCase = sickCase(ownName, "TM-" + tag, employee, manager);
    otherCase = sickCase(otherName, "TMO-" + tag, null, otherManager);
  }

  @Test
  void theLineManagerSeesOnlyTheOwnTeamAndOnlyFunctionalInformation() throws Exception {
    Actor d = actor(doctor, Groups.COMPANY_DOCTOR);
    Actor e = actor(employee, Groups.EMPLOYEE);
    medicalNotes.add(d, ownCase, "MEDISCH-MARKER DIAGNOSE-MARKER burn-out");
    contactMoments.add(actor(counsellor, Groups.COUNSELLOR), ownCase, null, ContactMoment.Kind.PHONE,
        "CONTACT-MARKER slecht geslapen", false);
    supportNetwork.add(e, ownCase, SupportContact.Kind.HOME_FRONT, "STEUN-MARKER Piet", "partner", null);
    CaseDocument analysis = changes.create(d, ownCase, DocumentType.PROBLEM_ANALYSIS, "Probleemanalyse",
        "ANALYSE-TEKST-MARKER", new FunctionalAdvice("Niet zwaar tillen", "Bureauwerk kan", "Halve dagen",
            "Een sta-zitbureau", "Ongeveer acht weken"));
    analysis = changes.changeStatus(d, ownCase, analysis.id(), analysis.version(),
        DocumentStatus.FOR_EMPLOYEE_REVIEW);

    // Before the employee releases it, the line manager sees no advice.
    mvc.perform(get("/team").with(as(manager)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString(ownName), not(containsString("Niet zwaar tillen")),
            containsString("Er is nog geen vrijgegeven probleemanalyse."))));

    changes.changeStatus(e, ownCase, analysis.id(), analysis.version(), DocumentStatus.RELEASED);
    for (String page : List.of("/team", "/team/" + ownCase)) {
      String html = mvc.perform(get(page).with(as(manager)))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(containsString(ownName), containsString("Niet zwaar tillen"),
              containsString("Bureauwerk kan"), containsString("Een sta-zitbureau"),
              containsString("Ongeveer acht weken"), not(containsString(otherName)))))
          .andReturn().getResponse().getContentAsString();
      for (String secret : SECRETS) {
        assertThat(html).as(page).doesNotContain(secret);
      }
    }
  }

  @Test
  void anotherTeamsCaseDoesNotExistAndOthersMayNotOpenTheTeamPage() throws Exception {
    mvc.perform(get("/team/" + otherCase).with(as(manager))).andExpect(status().isNotFound());
    mvc.perform(get("/team/" + UUID.randomUUID()).with(as(manager))).andExpect(status().isNotFound());
    mvc.perform(get("/team").with(signedInAs(employee, employee, Groups.EMPLOYEE))).andExpect(status().isForbidden());
    mvc.perform(get("/team").with(signedInAs(counsellor, counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theLineManagerSignsTheReleasedPlanAndAStaleSignatureIsRefused() throws Exception {
    Actor c = actor(counsellor, Groups.COUNSELLOR);
    CaseDocument plan = changes.create(c, ownCase, DocumentType.PLAN_OF_ACTION, "Plan", "Plan: twee ochtenden.",
        null);
    plan = changes.changeStatus(c, ownCase, plan.id(), plan.version(), DocumentStatus.RELEASED);
    mvc.perform(get("/team/" + ownCase).with(as(manager)))
        .andExpect(content().string(allOf(containsString("Plan: twee ochtenden."),
            containsString("Plan ondertekenen"))));
    mvc.perform(post("/team/" + ownCase + "/documenten/" + plan.id() + "/ondertekenen").with(csrf()).with(as(manager))
            .param("versie", String.valueOf(plan.version() + 7)))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Iemand anders heeft dit plan intussen gewijzigd.")));
    mvc.perform(post("/team/" + ownCase + "/documenten/" + plan.id() + "/ondertekenen").with(csrf()).with(as(manager))
            .param("versie", String.valueOf(plan.version())))
        .andExpect(status().is3xxRedirection());
    assertThat(documents.get(c, ownCase, plan.id()).signOffs()).anyMatch(s -> s.userId().equals(manager));
  }

  @Test
  void theHomePageCountsTheTeamAndTheTeamPageSpeaksEnglish() throws Exception {
    mvc.perform(get("/").with(as(manager)))
        .andExpect(content().string(allOf(containsString("href=\"/team\""),
            containsString("1 medewerker volgt een traject."))));
    mvc.perform(get("/team").param("lang", "en").with(as(manager)))
        .andExpect(content().string(allOf(containsString(">My team</h1>"),
            containsString("1 person is on a journey."))));
  }

  private static Actor actor(String userId, String group) {
    return new Actor(userId, Set.of(group), false);
  }

  private RequestPostProcessor as(String userId) {
    return signedInAs(userId, userId, Groups.LINE_MANAGER);
  }

  private String user(String id, String group) {
    accounts.ensureUser(id, "Test", id, id + "@example.org", "pw-tm", List.of(group));
    return id;
  }

  private UUID sickCase(String name, String personnelNumber, String employeeUserId, String lineManager) {
    Employee e = registry.registerEmployee(new NewEmployee(personnelNumber, name, employeeUserId, "Eenheid Test",
        "Team Test", lineManager));
    return registry.reportSick(new SickReport(e.id(), LocalDate.now().minusDays(2), counsellor, doctor));
  }
}
