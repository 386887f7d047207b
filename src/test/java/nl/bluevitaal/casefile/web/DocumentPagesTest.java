package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseActions;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.DocumentActions;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.SignOff;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import nl.bluevitaal.web.FormState;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The document forms of the counsellor and the company doctor, notes and goals, and documents as PDF, on the whole
 * application: every page goes through the case file's services and so through the access policy, and offers the
 * actions the case file says the person may take.
 */
@ApplicationTest
class DocumentPagesTest {

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

  String counsellor;
  String otherCounsellor;
  String doctor;
  String lineManager;
  String employee;
  String employeeName;
  UUID caseId;

  @BeforeEach
  void aCaseWithItsParties() {
    counsellor = fixtures.user("dpc", Groups.COUNSELLOR);
    otherCounsellor = fixtures.user("dpo", Groups.COUNSELLOR);
    doctor = fixtures.user("dpd", Groups.COMPANY_DOCTOR);
    lineManager = fixtures.user("dpl", Groups.LINE_MANAGER);
    employee = fixtures.user("dpe", Groups.EMPLOYEE);
    employeeName = "Iris Ëvenaar " + CaseFixtures.tag("dp");
    caseId = fixtures.sickCase(SickCase.of(employee, employeeName).team("Team Test", lineManager)
        .counselledBy(counsellor, doctor).since(LocalDate.now().minusDays(3)));
  }

  @Test
  void theDoctorWritesAProblemAnalysisAndSendsItToTheEmployeeForReview() throws Exception {
    MvcResult empty = mvc.perform(get(base() + "/nieuw").param("type", "PROBLEM_ANALYSIS").with(asDoctor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/document"))
        .andExpect(model().attribute("type", DocumentType.PROBLEM_ANALYSIS))
        .andExpect(model().attribute("fields", DocumentContent.fields(DocumentType.PROBLEM_ANALYSIS)))
        .andExpect(model().attribute("actions", DocumentActions.newDocument()))
        .andReturn();
    assertThat(Pages.<FormState>attribute(empty, "form").value(DocumentContent.TITLE)).isEqualTo("Probleemanalyse");
    assertThat(DocumentContent.fields(DocumentType.PROBLEM_ANALYSIS)).extracting(DocumentContent.Field::name)
        .contains("beperkingen", "prognose");

    MockHttpServletResponse created = mvc.perform(post(base() + "/nieuw").with(csrf()).with(asDoctor())
            .param("type", "PROBLEM_ANALYSIS").param("titel", "Probleemanalyse")
            .param("beperkingen", "Kan geen piekbelasting aan").param("mogelijkheden", "Rustig bureauwerk")
            .param("advies", "Opbouwen in uren").param("aanpassingen", "").param("verwachteDuur", "8 weken")
            .param("prognose", "Gunstig bij geleidelijke opbouw"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("docNotice", "doc.notice.created"))
        .andReturn().getResponse();
    UUID docId = UUID.fromString(created.getRedirectedUrl().substring(created.getRedirectedUrl().lastIndexOf('/') + 1));
    CaseDocument draft = documents.get(doctorActor(), caseId, docId);
    assertThat(draft.current().content()).contains("## prognose\nGunstig bij geleidelijke opbouw");
    assertThat(draft.current().functionalAdvice().limitations()).isEqualTo("Kan geen piekbelasting aan");
    assertThat(draft.current().functionalAdvice().expectedDuration()).isEqualTo("8 weken");

    MvcResult page = mvc.perform(get(base() + "/" + docId).with(asDoctor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/document"))
        .andExpect(model().attribute("actions", new DocumentActions(true, true, false, false)))
        .andReturn();
    assertThat(Pages.<FormState>attribute(page, "form").value("mogelijkheden")).isEqualTo("Rustig bureauwerk");
    mvc.perform(post(base() + "/" + docId + "/status").with(csrf()).with(asDoctor())
            .param("status", "FOR_EMPLOYEE_REVIEW").param("versie", String.valueOf(draft.version())))
        .andExpect(redirectedUrl(base() + "/" + docId))
        .andExpect(flash().attribute("docNotice", "doc.notice.review"));
    assertThat(documents.get(doctorActor(), caseId, docId).status()).isEqualTo(DocumentStatus.FOR_EMPLOYEE_REVIEW);
    // Only the employee releases it; the line manager does not even see it yet.
    mvc.perform(get(base() + "/" + docId).with(as(employee, Groups.EMPLOYEE)))
        .andExpect(status().isOk())
        .andExpect(model().attribute("actions", new DocumentActions(true, false, true, false)));
    mvc.perform(get(base() + "/" + docId).with(as(lineManager, Groups.LINE_MANAGER)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theCounsellorCannotWriteTheDoctorsDocuments() throws Exception {
    mvc.perform(get(base() + "/nieuw").param("type", "PROBLEM_ANALYSIS").with(asCounsellor()))
        .andExpect(status().isForbidden());
    mvc.perform(post(base() + "/nieuw").with(csrf()).with(asCounsellor())
            .param("type", "CURRENT_OPINION").param("titel", "Actueel oordeel").param("mogelijkheden", "x")
            .param("beperkingen", "y").param("prognose", "z"))
        .andExpect(status().isForbidden());
    mvc.perform(get(base() + "/nieuw").param("type", "PLAN_OF_ACTION").with(asDoctor()))
        .andExpect(status().isForbidden());
    mvc.perform(get(base() + "/nieuw").param("type", "GEEN_SOORT").with(asCounsellor()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aPlanWithAMissingAnswerComesBackWithTheMessageAndWhatWasTyped() throws Exception {
    MvcResult page = mvc.perform(post(base() + "/nieuw").with(csrf()).with(asCounsellor())
            .param("type", "PLAN_OF_ACTION").param("titel", "Plan van aanpak").param("doel", "")
            .param("activiteiten", "Twee ochtenden per week op kantoor").param("arbeidsinhoud", "Minder piekwerk")
            .param("afspraken", "Wekelijks contact").param("evaluatiemomenten", "Over zes weken"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("casefile/document"))
        .andExpect(model().attribute("document", (Object) null))
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).isEqualTo(Map.of("doel", "doc.error.required"));
    assertThat(form.values()).containsEntry(DocumentContent.TITLE, "Plan van aanpak")
        .containsEntry("activiteiten", "Twee ochtenden per week op kantoor")
        .containsEntry("arbeidsinhoud", "Minder piekwerk")
        .containsEntry("evaluatiemomenten", "Over zes weken");
    assertThat(documents.list(counsellorActor(), caseId)).isEmpty();
  }

  @Test
  void theCounsellorRecordsTheUwvNotificationWithItsDateAndReference() throws Exception {
    mvc.perform(post(base() + "/nieuw").with(csrf()).with(asCounsellor())
            .param("type", "UWV_NOTIFICATION").param("titel", "Ziekmelding UWV")
            .param("verzonden", "2026-10-20").param("kenmerk", "UWV-2026-4711"))
        .andExpect(status().is3xxRedirection());

    List<CaseDocument> recorded = documents.list(counsellorActor(), caseId).stream()
        .filter(d -> d.type() == DocumentType.UWV_NOTIFICATION).toList();
    assertThat(recorded).hasSize(1);
    assertThat(documents.get(counsellorActor(), caseId, recorded.get(0).id()).current().content())
        .contains("2026-10-20", "UWV-2026-4711");

    MvcResult page = mvc.perform(post(base() + "/nieuw").with(csrf()).with(asCounsellor())
            .param("type", "UWV_NOTIFICATION").param("titel", "Ziekmelding UWV").param("kenmerk", "UWV-2"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("casefile/document"))
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).isEqualTo(Map.of("verzonden", "doc.error.required"));
    assertThat(form.value("kenmerk")).isEqualTo("UWV-2");
  }

  @Test
  void aStaleVersionGivesTheConflictMessageAndKeepsTheInput() throws Exception {
    Actor c = counsellorActor();
    CaseDocument plan = changes.create(c, caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        "## doel\nTerug in eigen functie", null);
    int read = plan.version();
    changes.addVersion(c, caseId, plan.id(), read, "## doel\nDoor een collega aangepast", null);
    MvcResult page = mvc.perform(post(base() + "/" + plan.id()).with(csrf()).with(asCounsellor())
            .param("versie", String.valueOf(read)).param("doel", "Mijn eigen nieuwe doel")
            .param("activiteiten", "Opbouw uren").param("afspraken", "Elke week bellen")
            .param("evaluatiemomenten", "Week 14"))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/document"))
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.formError()).isEqualTo("doc.conflict");
    assertThat(form.values()).containsEntry("doel", "Mijn eigen nieuwe doel")
        .containsEntry("afspraken", "Elke week bellen");
    // Beside the form, the newer version: sending again quotes it.
    CaseDocument shown = attribute(page, "document");
    assertThat(shown.current().content()).contains("Door een collega aangepast");
    assertThat(shown.version()).isEqualTo(documents.get(c, caseId, plan.id()).version());
    assertThat(documents.get(c, caseId, plan.id()).current().content()).contains("Door een collega aangepast");
  }

  @Test
  void aStatusTheFormDoesNotOfferIsRefusedAndChangesNothing() throws Exception {
    CaseDocument plan = changes.create(counsellorActor(), caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        "## doel\nTerug in eigen functie", null);
    for (String status : List.of("SIGNED", "DRAFT", "ONZIN")) {
      mvc.perform(post(base() + "/" + plan.id() + "/status").with(csrf()).with(asCounsellor())
              .param("status", status).param("versie", String.valueOf(plan.version())))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(view().name("casefile/document"))
          .andExpect(model().attribute("actionError", "doc.error.rejected"));
    }
    mvc.perform(post(base() + "/" + plan.id() + "/status").with(csrf()).with(asCounsellor())
            .param("versie", String.valueOf(plan.version())))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(model().attribute("actionError", "doc.error.rejected"));
    CaseDocument now = documents.get(counsellorActor(), caseId, plan.id());
    assertThat(now.status()).isEqualTo(DocumentStatus.DRAFT);
    assertThat(now.version()).isEqualTo(plan.version());
  }

  @Test
  void aLineManagerWhoIsAlsoACounsellorSignsThePlanAsLineManager() throws Exception {
    String managerAndCounsellor = fixtures.user("dplc", Groups.LINE_MANAGER, Groups.COUNSELLOR);
    UUID teamCase = fixtures.sickCase(SickCase.of(null, "Teamlid " + CaseFixtures.tag("dp"))
        .team("Team Test", managerAndCounsellor).counselledBy(counsellor, doctor));
    CaseDocument plan = released(teamCase, "Plan: twee ochtenden.");
    String page = "/dossiers/" + teamCase + "/documenten/" + plan.id();
    RequestPostProcessor signedIn = as(managerAndCounsellor, Groups.LINE_MANAGER, Groups.COUNSELLOR);

    mvc.perform(get(page).with(signedIn))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/document"))
        .andExpect(model().attribute("actions", new DocumentActions(false, false, false, true)));
    mvc.perform(post(page + "/ondertekenen").with(csrf()).with(signedIn)
            .param("versie", String.valueOf(plan.version())))
        .andExpect(redirectedUrl(page))
        .andExpect(flash().attribute("docNotice", "doc.notice.signed"));
    assertThat(documents.get(counsellorActor(), teamCase, plan.id()).signOffs())
        .extracting(SignOff::userId, SignOff::role).containsExactly(tuple(managerAndCounsellor, "LINE_MANAGER"));
  }

  @Test
  void aPlanSignedByBothSidesOffersNoFurtherSignatureAndRefusesOne() throws Exception {
    CaseDocument plan = released(caseId, "Plan: twee ochtenden.");
    plan = changes.signOff(CaseFixtures.actor(employee, Groups.EMPLOYEE), caseId, plan.id(), plan.version());
    plan = changes.signOff(CaseFixtures.actor(lineManager, Groups.LINE_MANAGER), caseId, plan.id(), plan.version());
    assertThat(plan.status()).isEqualTo(DocumentStatus.SIGNED);
    String page = base() + "/" + plan.id();

    mvc.perform(get(page).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(model().attribute("actions", new DocumentActions(false, false, false, false)));
    mvc.perform(post(page + "/ondertekenen").with(csrf()).with(asCounsellor())
            .param("versie", String.valueOf(plan.version())))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/document"))
        .andExpect(model().attribute("actionError", "doc.error.state"));
    CaseDocument after = documents.get(counsellorActor(), caseId, plan.id());
    assertThat(after.signOffs()).extracting(SignOff::userId).containsExactlyInAnyOrder(employee, lineManager);
    assertThat(after.version()).isEqualTo(plan.version());
  }

  @Test
  void thePdfOfAPlanHoldsItsContent() throws Exception {
    CaseDocument plan = changes.create(counsellorActor(), caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        DocumentContent.content(DocumentType.PLAN_OF_ACTION, Map.of("doel", "Terugkeer in eigen functie",
            "activiteiten", "Opbouw naar 24 uur per week", "afspraken", "Wekelijks een gesprek", "evaluatiemomenten",
            "Over zes weken")), null);
    MockHttpServletResponse response = mvc.perform(get(base() + "/" + plan.id() + ".pdf").with(asCounsellor()))
        .andExpect(status().isOk()).andReturn().getResponse();
    assertThat(response.getContentType()).isEqualTo("application/pdf");
    byte[] pdf = response.getContentAsByteArray();
    assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    assertThat(textOf(pdf)).contains("Terugkeer in eigen functie", "Opbouw naar 24 uur per week",
        "Doel van de re-integratie", employeeName);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(document.getDocumentInformation().getTitle()).contains("Plan van aanpak");
    }
  }

  @Test
  void theReintegrationReportWithholdsTheMedicalPartFromTheCounsellor() throws Exception {
    medicalNotes.add(doctorActor(), caseId, "Geheime medische aantekening");
    String forCounsellor = textOf(mvc.perform(get("/dossiers/" + caseId + "/re-integratieverslag.pdf")
            .with(asCounsellor()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    assertThat(forCounsellor).contains("Medische informatie", "achtergehouden", "Visie van de medewerker")
        .doesNotContain("Geheime medische aantekening");
    String forDoctor = textOf(mvc.perform(get("/dossiers/" + caseId + "/re-integratieverslag.pdf").with(asDoctor()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    assertThat(forDoctor).contains("Geheime medische aantekening");
  }

  @Test
  void aLineManagerOrAnotherCounsellorGetsNotFoundForADraftAndItsPdf() throws Exception {
    CaseDocument plan = changes.create(counsellorActor(), caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        "## doel\nConcept", null);
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
    mvc.perform(get("/dossiers/" + caseId + "/contactmomenten/nieuw").with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/note-form"));
    MvcResult blank = mvc.perform(post("/dossiers/" + caseId + "/contactmomenten").with(csrf()).with(asCounsellor())
            .param("datum", LocalDate.now().toString()).param("soort", "PHONE").param("samenvatting", ""))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("casefile/note-form"))
        .andReturn();
    assertThat(Pages.<FormState>attribute(blank, "form").errors()).containsOnlyKeys("samenvatting");
    mvc.perform(post("/dossiers/" + caseId + "/contactmomenten").with(csrf()).with(asCounsellor())
            .param("datum", LocalDate.now().toString()).param("soort", "PHONE").param("samenvatting", "Gebeld")
            .param("vertrouwelijk", "true"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("caseNotice", "doc.note.saved"));
    mvc.perform(post("/dossiers/" + caseId + "/doelen").with(csrf()).with(asCounsellor())
            .param("titel", "Twee dagen per week").param("voortgang", "10").param("status", "OPEN"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("caseNotice", "doc.goal.saved"));
    mvc.perform(get("/dossiers/" + caseId + "/medische-aantekeningen/nieuw").with(asCounsellor()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/dossiers/" + caseId + "/medische-aantekeningen/nieuw").with(asDoctor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/note-medical"));

    MvcResult casePage = mvc.perform(get("/dossiers/" + caseId).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/case"))
        .andReturn();
    assertThat(Pages.<List<Goal>>attribute(casePage, "goals")).extracting(Goal::title)
        .containsExactly("Twee dagen per week");
    assertThat(Pages.<List<ContactMoment>>attribute(casePage, "contactMoments"))
        .extracting(ContactMoment::summary, ContactMoment::confidential).containsExactly(tuple("Gebeld", true));
    assertThat(Pages.<CaseActions>attribute(casePage, "actions").newDocuments()).contains(DocumentType.PLAN_OF_ACTION);
    assertThat(Pages.<List<DocumentType>>attribute(casePage, "newDocuments")).contains(DocumentType.PLAN_OF_ACTION);
  }

  /** A plan of action the counsellor of the case wrote and released. */
  private CaseDocument released(UUID caseOf, String text) {
    CaseDocument plan = changes.create(counsellorActor(), caseOf, DocumentType.PLAN_OF_ACTION, "Plan", text, null);
    return changes.changeStatus(counsellorActor(), caseOf, plan.id(), plan.version(), DocumentStatus.RELEASED);
  }

  private String base() {
    return "/dossiers/" + caseId + "/documenten";
  }

  private static String textOf(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }


  private Actor counsellorActor() {
    return CaseFixtures.actor(counsellor, Groups.COUNSELLOR);
  }

  private Actor doctorActor() {
    return CaseFixtures.actor(doctor, Groups.COMPANY_DOCTOR);
  }

  private RequestPostProcessor asCounsellor() {
    return as(counsellor, Groups.COUNSELLOR);
  }

  private RequestPostProcessor asDoctor() {
    return as(doctor, Groups.COMPANY_DOCTOR);
  }

}
