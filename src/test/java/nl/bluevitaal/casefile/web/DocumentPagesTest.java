package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.containsPattern;
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

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The document forms of the counsellor and the company doctor, notes and goals, and documents as PDF, on the whole
 * application (H2, no demo data): every page goes through the case file's services and so through the access policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:document-pages;DB_CLOSE_DELAY=-1",
    "bluevitaal.demo.enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
class DocumentPagesTest {

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
  MedicalNotes medicalNotes;

  String counsellor;
  String otherCounsellor;
  String doctor;
  String lineManager;
  String employee;
  UUID caseId;

  @BeforeEach
  void aCaseWithItsParties() {
    int n = RUN.incrementAndGet();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    counsellor = user("dpc" + n + tag, Groups.COUNSELLOR);
    otherCounsellor = user("dpo" + n + tag, Groups.COUNSELLOR);
    doctor = user("dpd" + n + tag, Groups.COMPANY_DOCTOR);
    lineManager = user("dpl" + n + tag, Groups.LINE_MANAGER);
    employee = user("dpe" + n + tag, Groups.EMPLOYEE);
    Employee person = registry.registerEmployee(new NewEmployee("DP-" + n + "-" + tag, "Iris Ëvenaar" + n, employee,
        "Eenheid Test", "Team Test", lineManager));
    caseId = registry.reportSick(new SickReport(person.id(), LocalDate.now().minusDays(3), counsellor, doctor));
  }

  @Test
  void theDoctorWritesAProblemAnalysisAndSendsItToTheEmployeeForReview() throws Exception {
    mvc.perform(get(base() + "/nieuw").param("type", "PROBLEM_ANALYSIS").with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("Geen diagnose vermelden."),
            containsString("for=\"veld-beperkingen\""),
            containsString("name=\"prognose\""))));
    MockHttpServletResponse created = mvc.perform(post(base() + "/nieuw").with(csrf())
            .with(as(doctor, Groups.COMPANY_DOCTOR)).param("type", "PROBLEM_ANALYSIS").param("titel", "Probleemanalyse")
            .param("beperkingen", "Kan geen piekbelasting aan").param("mogelijkheden", "Rustig bureauwerk")
            .param("advies", "Opbouwen in uren").param("aanpassingen", "").param("verwachteDuur", "8 weken")
            .param("prognose", "Gunstig bij geleidelijke opbouw"))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse();
    UUID docId = UUID.fromString(created.getRedirectedUrl().substring(created.getRedirectedUrl().lastIndexOf('/') + 1));
    CaseDocument draft = documents.get(actorOf(doctor, Groups.COMPANY_DOCTOR), caseId, docId);
    assertThat(draft.current().content()).contains("## prognose\nGunstig bij geleidelijke opbouw");
    assertThat(draft.current().functionalAdvice().limitations()).isEqualTo("Kan geen piekbelasting aan");

    mvc.perform(get(base() + "/" + docId).with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Rustig bureauwerk"),
            containsString("Naar de medewerker ter inzage"), not(containsString(">Vrijgeven</button>")))));
    mvc.perform(post(base() + "/" + docId + "/status").with(csrf()).with(as(doctor, Groups.COMPANY_DOCTOR))
            .param("status", "FOR_EMPLOYEE_REVIEW").param("versie", String.valueOf(draft.version())))
        .andExpect(status().is3xxRedirection());
    assertThat(documents.get(actorOf(doctor, Groups.COMPANY_DOCTOR), caseId, docId).status())
        .isEqualTo(DocumentStatus.FOR_EMPLOYEE_REVIEW);
    // Only the employee releases it; the line manager does not even see it yet.
    mvc.perform(get(base() + "/" + docId).with(as(employee, Groups.EMPLOYEE)))
        .andExpect(status().isOk()).andExpect(content().string(containsString(">Vrijgeven</button>")));
    mvc.perform(get(base() + "/" + docId).with(as(lineManager, Groups.LINE_MANAGER)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theCounsellorCannotWriteTheDoctorsDocuments() throws Exception {
    mvc.perform(get(base() + "/nieuw").param("type", "PROBLEM_ANALYSIS").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isForbidden());
    mvc.perform(post(base() + "/nieuw").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("type", "CURRENT_OPINION").param("titel", "Actueel oordeel").param("mogelijkheden", "x")
            .param("beperkingen", "y").param("prognose", "z"))
        .andExpect(status().isForbidden());
    mvc.perform(get(base() + "/nieuw").param("type", "PLAN_OF_ACTION").with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isForbidden());
  }

  @Test
  void aPlanWithAMissingAnswerComesBackWithTheMessageAndWhatWasTyped() throws Exception {
    mvc.perform(post(base() + "/nieuw").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("type", "PLAN_OF_ACTION").param("titel", "Plan van aanpak").param("doel", "")
            .param("activiteiten", "Twee ochtenden per week op kantoor").param("arbeidsinhoud", "Minder piekwerk")
            .param("afspraken", "Wekelijks contact").param("evaluatiemomenten", "Over zes weken"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(
            containsString("<title>Fout: "),
            containsString("id=\"error-summary\""),
            containsString("href=\"#veld-doel\""),
            containsString("id=\"veld-doel-fout\""),
            containsString("Vul dit in."),
            containsPattern("aria-invalid=\"true\"\\s+aria-describedby=\"veld-doel-fout"),
            containsString(">Twee ochtenden per week op kantoor</textarea>"),
            containsString(">Minder piekwerk</textarea>"),
            containsString(">Over zes weken</textarea>"),
            containsString("value=\"Plan van aanpak\""))));
    assertThat(documents.list(actorOf(counsellor, Groups.COUNSELLOR), caseId)).isEmpty();
  }

  @Test
  void theCounsellorRecordsTheUwvNotificationWithItsDateAndReference() throws Exception {
    mvc.perform(post(base() + "/nieuw").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("type", "UWV_NOTIFICATION").param("titel", "Ziekmelding UWV")
            .param("verzonden", "2026-10-20").param("kenmerk", "UWV-2026-4711"))
        .andExpect(status().is3xxRedirection());

    List<CaseDocument> recorded = documents.list(actorOf(counsellor, Groups.COUNSELLOR), caseId).stream()
        .filter(d -> d.type() == DocumentType.UWV_NOTIFICATION).toList();
    assertThat(recorded).hasSize(1);
    assertThat(documents.get(actorOf(counsellor, Groups.COUNSELLOR), caseId, recorded.get(0).id()).current()
        .content()).contains("2026-10-20", "UWV-2026-4711");

    mvc.perform(post(base() + "/nieuw").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("type", "UWV_NOTIFICATION").param("titel", "Ziekmelding UWV").param("kenmerk", "UWV-2"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("href=\"#veld-verzonden\""),
            containsString(">UWV-2</textarea>"))));
  }

  @Test
  void aStaleVersionGivesTheConflictMessageAndKeepsTheInput() throws Exception {
    Actor c = actorOf(counsellor, Groups.COUNSELLOR);
    CaseDocument plan = changes.create(c, caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        "## doel\nTerug in eigen functie", null);
    int read = plan.version();
    changes.addVersion(c, caseId, plan.id(), read, "## doel\nDoor een collega aangepast", null);
    mvc.perform(post(base() + "/" + plan.id()).with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("versie", String.valueOf(read)).param("doel", "Mijn eigen nieuwe doel")
            .param("activiteiten", "Opbouw uren").param("afspraken", "Elke week bellen")
            .param("evaluatiemomenten", "Week 14"))
        .andExpect(status().isConflict())
        .andExpect(content().string(allOf(
            containsString("Iemand anders heeft dit document gewijzigd terwijl jij dit formulier invulde."),
            containsString("Je invoer staat nog in het formulier"),
            containsString(">Mijn eigen nieuwe doel</textarea>"),
            containsString(">Elke week bellen</textarea>"),
            containsString("Door een collega aangepast"),
            containsString("name=\"versie\" value=\"" + documents.get(c, caseId, plan.id()).version() + "\""))));
    assertThat(documents.get(c, caseId, plan.id()).current().content()).contains("Door een collega aangepast");
  }

  @Test
  void thePdfOfAPlanHoldsItsContent() throws Exception {
    Actor c = actorOf(counsellor, Groups.COUNSELLOR);
    CaseDocument plan = changes.create(c, caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        DocumentContent.content(DocumentType.PLAN_OF_ACTION, java.util.Map.of("doel", "Terugkeer in eigen functie",
            "activiteiten", "Opbouw naar 24 uur per week", "afspraken", "Wekelijks een gesprek", "evaluatiemomenten",
            "Over zes weken")), null);
    MockHttpServletResponse response = mvc.perform(get(base() + "/" + plan.id() + ".pdf")
            .with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andReturn().getResponse();
    assertThat(response.getContentType()).isEqualTo("application/pdf");
    byte[] pdf = response.getContentAsByteArray();
    assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    String text = textOf(pdf);
    assertThat(text).contains("Terugkeer in eigen functie", "Opbouw naar 24 uur per week", "Doel van de re-integratie",
        "Iris Ëvenaar");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(document.getDocumentInformation().getTitle()).contains("Plan van aanpak");
    }
  }

  @Test
  void theReintegrationReportWithholdsTheMedicalPartFromTheCounsellor() throws Exception {
    medicalNotes.add(actorOf(doctor, Groups.COMPANY_DOCTOR), caseId, "Geheime medische aantekening");
    String forCounsellor = textOf(mvc.perform(get("/dossiers/" + caseId + "/re-integratieverslag.pdf")
            .with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    assertThat(forCounsellor).contains("Medische informatie", "achtergehouden", "Visie van de medewerker")
        .doesNotContain("Geheime medische aantekening");
    String forDoctor = textOf(mvc.perform(get("/dossiers/" + caseId + "/re-integratieverslag.pdf")
            .with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    assertThat(forDoctor).contains("Geheime medische aantekening");
  }

  @Test
  void aLineManagerOrAnotherCounsellorGetsNotFoundForADraftAndItsPdf() throws Exception {
    CaseDocument plan = changes.create(actorOf(counsellor, Groups.COUNSELLOR), caseId, DocumentType.PLAN_OF_ACTION,
        "Plan van aanpak", "## doel\nConcept", null);
    for (MockHttpServletRequestBuilder request : List.of(get(base() + "/" + plan.id()),
        get(base() + "/" + plan.id() + ".pdf"))) {
      mvc.perform(request.with(as(lineManager, Groups.LINE_MANAGER))).andExpect(status().isNotFound());
    }
    mvc.perform(get(base() + "/" + plan.id()).with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(get(base() + "/" + plan.id() + ".pdf").with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/dossiers/" + caseId + "/re-integratieverslag.pdf").with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
  }

  @Test
  void notesAndGoalsAreRecordedFromTheirForms() throws Exception {
    mvc.perform(get("/dossiers/" + caseId + "/contactmomenten/nieuw").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("De leidinggevende en andere begeleiders")));
    mvc.perform(post("/dossiers/" + caseId + "/contactmomenten").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("datum", LocalDate.now().toString()).param("soort", "PHONE").param("samenvatting", ""))
        .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("id=\"veld-samenvatting-fout\"")));
    mvc.perform(post("/dossiers/" + caseId + "/contactmomenten").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("datum", LocalDate.now().toString()).param("soort", "PHONE").param("samenvatting", "Gebeld")
            .param("vertrouwelijk", "true"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/dossiers/" + caseId + "/doelen").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("titel", "Twee dagen per week").param("voortgang", "10").param("status", "OPEN"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/dossiers/" + caseId + "/medische-aantekeningen/nieuw").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/dossiers/" + caseId + "/medische-aantekeningen/nieuw").with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("blijft in het medisch domein")));
    mvc.perform(get("/dossiers/" + caseId).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(containsString("Twee dagen per week"), containsString("Gebeld"),
            containsString("/documenten/nieuw"))));
  }

  private String base() {
    return "/dossiers/" + caseId + "/documenten";
  }

  private static String textOf(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private RequestPostProcessor as(String userId, String group) {
    return signedInAs(userId, userId, group);
  }

  private static Actor actorOf(String userId, String group) {
    return new Actor(userId, java.util.Set.of(group), false);
  }

  private String user(String id, String group) {
    accounts.ensureUser(id, "Test", id, id + "@example.org", "pw-dp", List.of(group));
    return id;
  }
}
