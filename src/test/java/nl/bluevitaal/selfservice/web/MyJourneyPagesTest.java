package nl.bluevitaal.selfservice.web;

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
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** "Mijn traject" on the whole application (H2, no demo data): the employee's own file and nobody else's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:my-journey-pages;DB_CLOSE_DELAY=-1",
    "bluevitaal.demo.enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
class MyJourneyPagesTest {

  private static final AtomicInteger RUN = new AtomicInteger();

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
  SharingSettings sharing;

  String employee;
  String otherEmployee;
  String counsellor;
  String doctor;
  UUID ownCase;
  UUID otherCase;
  UUID analysis;

  @BeforeEach
  void twoEmployeesWithACaseEach() {
    String tag = RUN.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
    employee = user("mje" + tag, Groups.EMPLOYEE);
    otherEmployee = user("mjo" + tag, Groups.EMPLOYEE);
    counsellor = user("mjc" + tag, Groups.COUNSELLOR);
    doctor = user("mjd" + tag, Groups.COMPANY_DOCTOR);
    ownCase = sickCase("Iris Eigen" + tag, "MJ-" + tag, employee);
    otherCase = sickCase("Olm Ander" + tag, "MJO-" + tag, otherEmployee);
    analysis = underReview(ownCase, "Eigen analyse: werkt graag met planning.");
    underReview(otherCase, "ANDERMANS-ANALYSE-MARKER");
  }

  @Test
  void theEmployeeSeesTheirOwnJourneyAndNobodyElses() throws Exception {
    mvc.perform(get("/mijn-traject").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("<h1 class=\"utrecht-heading-1\">Mijn traject</h1>"),
            containsString("Je bent in week 1 van 104"),
            containsString("<progress class=\"bv-timeline__bar\" max=\"104\" value=\"1\""),
            containsString("Eigen analyse: werkt graag met planning."),
            containsString("Vrijgeven aan mijn werkgever"),
            containsString("Wie ziet wat"),
            containsString("D. Medische gegevens"),
            containsString("type=\"hidden\" name=\"_csrf\""),
            not(containsString("ANDERMANS-ANALYSE-MARKER")),
            not(containsString("Olm Ander")),
            not(containsString(otherCase.toString())))));
    mvc.perform(get("/mijn-traject").with(as(counsellor, Groups.COUNSELLOR))).andExpect(status().isForbidden());
    mvc.perform(get("/mijn-traject").with(as(doctor, Groups.COMPANY_DOCTOR))).andExpect(status().isForbidden());
  }

  @Test
  void theEmployeeCorrectsAndReleasesTheProblemAnalysisAndAStaleCorrectionKeepsTheText() throws Exception {
    int version = documents.get(actor(employee, Groups.EMPLOYEE), ownCase, analysis).version();
    mvc.perform(post("/mijn-traject/documenten/" + analysis + "/correctie").with(csrf())
            .with(as(employee, Groups.EMPLOYEE)).param("versie", String.valueOf(version))
            .param("tekst", "Gecorrigeerd door mij").param("beperkingen", "Niet lang staan")
            .param("duur", "Zes weken"))
        .andExpect(status().is3xxRedirection());
    CaseDocument corrected = documents.get(actor(employee, Groups.EMPLOYEE), ownCase, analysis);
    assertThat(corrected.current().content()).isEqualTo("Gecorrigeerd door mij");
    assertThat(corrected.current().authorRole()).isEqualTo("EMPLOYEE");
    assertThat(corrected.current().functionalAdvice().limitations()).isEqualTo("Niet lang staan");

    mvc.perform(post("/mijn-traject/documenten/" + analysis + "/correctie").with(csrf())
            .with(as(employee, Groups.EMPLOYEE)).param("versie", String.valueOf(version))
            .param("tekst", "Mijn tweede poging met TYPED-MARKER"))
        .andExpect(status().isConflict())
        .andExpect(content().string(allOf(
            containsString("<title>Fout: Mijn traject"),
            containsString("Dit document is intussen gewijzigd."),
            containsString("Mijn tweede poging met TYPED-MARKER"),
            containsString("name=\"versie\" value=\"" + corrected.version() + "\""))));

    mvc.perform(post("/mijn-traject/documenten/" + analysis + "/correctie").with(csrf())
            .with(as(employee, Groups.EMPLOYEE)).param("versie", String.valueOf(corrected.version()))
            .param("tekst", " "))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(
            containsString("href=\"#corr-" + analysis + "-tekst\""),
            containsString("aria-invalid=\"true\""),
            containsString("aria-describedby=\"corr-" + analysis + "-tekst-error\""))));

    mvc.perform(post("/mijn-traject/documenten/" + analysis + "/vrijgeven").with(csrf())
            .with(as(employee, Groups.EMPLOYEE)).param("versie", String.valueOf(corrected.version())))
        .andExpect(status().is3xxRedirection());
    assertThat(documents.get(actor(employee, Groups.EMPLOYEE), ownCase, analysis).status())
        .isEqualTo(DocumentStatus.RELEASED);
  }

  @Test
  void theEmployeeSignsThePlanAndWritesTheirOwnView() throws Exception {
    Actor c = actor(counsellor, Groups.COUNSELLOR);
    CaseDocument plan = changes.create(c, ownCase, DocumentType.PLAN_OF_ACTION, "Plan", "Twee ochtenden werken.",
        null);
    plan = changes.changeStatus(c, ownCase, plan.id(), plan.version(), DocumentStatus.RELEASED);
    mvc.perform(get("/mijn-traject").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(content().string(allOf(containsString("Wacht op jouw handtekening"),
            containsString("Twee ochtenden werken."))));
    mvc.perform(post("/mijn-traject/documenten/" + plan.id() + "/ondertekenen").with(csrf())
            .with(as(employee, Groups.EMPLOYEE)).param("versie", String.valueOf(plan.version())))
        .andExpect(status().is3xxRedirection());
    assertThat(documents.get(c, ownCase, plan.id()).signOffs()).anyMatch(s -> s.userId().equals(employee));

    mvc.perform(post("/mijn-traject/eigen-visie").with(csrf()).with(as(employee, Groups.EMPLOYEE))
            .param("tekst", "Ik wil graag terug naar mijn eigen team.").param("actie", "opslaan"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/mijn-traject").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(content().string(allOf(containsString("Ik wil graag terug naar mijn eigen team."),
            containsString("Je visie is opgeslagen als concept."))));
    assertThat(documents.list(actor(employee, Groups.EMPLOYEE), ownCase))
        .anyMatch(d -> d.type() == DocumentType.EMPLOYEE_VIEW);
    mvc.perform(post("/mijn-traject/eigen-visie").with(csrf()).with(as(employee, Groups.EMPLOYEE)).param("tekst", ""))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Schrijf je visie op voordat je opslaat.")));
  }

  @Test
  void aSharingChangeIsShownAndAStaleOneKeepsTheChoice() throws Exception {
    int version = sharing.get(actor(employee, Groups.EMPLOYEE), ownCase).version();
    mvc.perform(post("/mijn-traject/delen").with(csrf()).with(as(employee, Groups.EMPLOYEE))
            .param("optie", "SELF_REPORTS.CARE").param("delen", "ja").param("versie", String.valueOf(version)))
        .andExpect(status().is3xxRedirection());
    assertThat(sharing.isShared(ownCase, Domain.SELF_REPORTS, Audience.CARE)).isTrue();
    mvc.perform(get("/mijn-traject").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(content().string(containsString("Nu: je deelt dit.")));

    mvc.perform(post("/mijn-traject/delen").with(csrf()).with(as(employee, Groups.EMPLOYEE))
            .param("optie", "SELF_REPORTS.COUNSELLOR").param("delen", "ja").param("versie", String.valueOf(version)))
        .andExpect(status().isConflict())
        .andExpect(content().string(allOf(containsString("Je instellingen zijn intussen ergens anders gewijzigd."),
            containsString("id=\"delen-SELF_REPORTS.COUNSELLOR-ja\" checked=\"checked\""))));
    assertThat(sharing.isShared(ownCase, Domain.SELF_REPORTS, Audience.COUNSELLOR)).isFalse();
  }

  @Test
  void theEmployeeSeesThatTheCounsellorReadTheirFile() throws Exception {
    documents.list(actor(counsellor, Groups.COUNSELLOR), ownCase);
    mvc.perform(get("/mijn-traject").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(content().string(allOf(containsString("Wie keek in mijn dossier"),
            containsString("Begeleider"), containsString("(<span>" + counsellor + "</span>)"),
            containsString("bekeek"))));
    mvc.perform(get("/mijn-traject/wie-keek").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(counsellor)));
  }

  @Test
  void thePageSpeaksEnglishWhenAsked() throws Exception {
    mvc.perform(get("/mijn-traject").param("lang", "en").with(as(employee, Groups.EMPLOYEE)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("<html lang=\"en\""),
            containsString(">My journey</h1>"), containsString("You are in week 1 of 104"),
            containsString("Who sees what"))));
  }

  private UUID underReview(UUID caseId, String text) {
    Actor d = actor(doctor, Groups.COMPANY_DOCTOR);
    CaseDocument doc = changes.create(d, caseId, DocumentType.PROBLEM_ANALYSIS, "Probleemanalyse", text,
        new FunctionalAdvice("Niet tillen", "Bureauwerk", "Halve dagen", "Andere stoel", "Zes weken"));
    changes.changeStatus(d, caseId, doc.id(), doc.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);
    return doc.id();
  }

  private static Actor actor(String userId, String group) {
    return new Actor(userId, Set.of(group), false);
  }

  private RequestPostProcessor as(String userId, String group) {
    return signedInAs(userId, userId, group);
  }

  private String user(String id, String group) {
    accounts.ensureUser(id, "Test", id, id + "@example.org", "pw-mj", List.of(group));
    return id;
  }

  private UUID sickCase(String name, String personnelNumber, String employeeUserId) {
    Employee e = registry.registerEmployee(new NewEmployee(personnelNumber, name, employeeUserId, "Eenheid Test",
        "Team Test", null));
    return registry.reportSick(new SickReport(e.id(), LocalDate.now().minusDays(2), counsellor, doctor));
  }
}
