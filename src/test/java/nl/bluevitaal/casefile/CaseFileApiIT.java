package nl.bluevitaal.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import nl.bluevitaal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case file API beyond the single cells of the matrix: whose cases a list and a search show, hidden ids, the
 * document life cycle (review before release, sign-offs, the RIV), confidential notes, consent withdrawal, audited
 * refusals, concurrent edits, and a work capacity that reaches the journey.
 */
@PostgresIntegrationTest
class CaseFileApiIT {

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  JourneyTasks journeyTasks;

  People world;
  Api api;

  @BeforeEach
  void freshWorld() {
    world = fixtures.people("cf");
    api = new Api(port);
  }

  @Test
  void anEmployeeCannotReachAnotherEmployeesCase() {
    String other = Api.cases(world.otherCaseId());

    for (String path : List.of("", "/documents", "/contact-moments", "/goals", "/medical-notes", "/support-network",
        "/functional-advice", "/reintegration-report")) {
      HttpResponse<String> response = api.get(world.employee(), other + path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).doesNotContain(world.otherEmployeeName());
    }
    assertThat(api.get(world.otherEmployee(), Api.cases(world.otherCaseId())).statusCode()).isEqualTo(200);
  }

  @Test
  void aLineManagerCannotReachAnotherTeam() {
    assertThat(api.get(world.lineManager(), Api.cases(world.otherCaseId())).statusCode()).isEqualTo(404);
    assertThat(api.get(world.lineManager(), Api.cases(world.otherCaseId()) + "/documents").statusCode())
        .isEqualTo(404);
    assertThat(api.get(world.otherLineManager(), Api.cases(world.caseId())).statusCode()).isEqualTo(404);
    assertThat(api.get(world.lineManager(), Api.cases(world.caseId())).statusCode()).isEqualTo(200);
  }

  @Test
  void theAdministratorReadsNoContent() {
    assertThat(Json.parse(api.get(world.administrator(), "/api/cases").body())).isEmpty();
    for (String path : List.of("", "/documents", "/contact-moments", "/goals", "/medical-notes", "/support-network",
        "/functional-advice", "/reintegration-report")) {
      assertThat(api.get(world.administrator(), Api.cases(world.caseId()) + path).statusCode()).as(path)
          .isEqualTo(404);
    }
  }

  @Test
  void listsAndSearchesShowOnlyWhatTheCallerMaySee() {
    assertThat(caseIds(api.get(world.employee(), "/api/cases"))).containsExactly(world.caseId().toString());
    assertThat(caseIds(api.get(world.lineManager(), "/api/cases")))
        .containsExactlyInAnyOrder(world.caseId().toString(), world.careCaseId().toString());
    assertThat(caseIds(api.get(world.counsellor(), "/api/cases")))
        .containsExactlyInAnyOrder(world.caseId().toString(), world.otherCaseId().toString());
    assertThat(caseIds(api.get(world.management(), "/api/cases"))).isEmpty();
    assertThat(caseIds(api.get(world.buddy(), "/api/cases"))).isEmpty();

    // Searching for another team's employee by name or number finds nothing, as if they did not exist.
    String otherNumber = registry.get(world.otherCaseId()).caseNumber();
    assertThat(caseIds(api.get(world.lineManager(), "/api/cases?q=Collega%20" + world.tag()))).isEmpty();
    assertThat(caseIds(api.get(world.lineManager(), "/api/cases?q=" + otherNumber))).isEmpty();
    assertThat(caseIds(api.get(world.employee(), "/api/cases?q=" + otherNumber))).isEmpty();
    assertThat(caseIds(api.get(world.counsellor(), "/api/cases?q=" + otherNumber)))
        .containsExactly(world.otherCaseId().toString());
    assertThat(caseIds(api.get(world.lineManager(), "/api/cases?q=medewerker%20" + world.tag())))
        .containsExactly(world.caseId().toString());
  }

  @Test
  void theRetiredContactFlagAnswersGoneAndNamesTheContactRequestsWhichReachTheCounsellorOnly() {
    HttpResponse<String> retired = api.put(world.employee(), Api.cases(world.caseId()) + "/contact-wish",
        "{\"wantsContact\": true}");

    assertThat(retired.statusCode()).isEqualTo(410);
    assertThat(retired.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    String replacement = Json.field(retired.body(), "replacedBy");
    assertThat(replacement).isEqualTo(Api.cases(world.caseId()) + "/contact-requests");
    assertThat(Json.parse(api.get(world.counsellor(), Api.cases(world.caseId())).body()).path("summary")
        .has("wantsContact")).as("the flag that reached nobody is gone from the case").isFalse();

    HttpResponse<String> asked = api.post(world.employee(), replacement, "{\"with\": \"COUNSELLOR\", \"share\": true}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(Json.parse(api.get(world.counsellor(), Api.cases(world.caseId()) + "/steps").body()))
        .extracting(step -> step.path("stepKey").asText()).contains("Task_ContactEmployee");
    assertThat(Json.parse(api.get(world.lineManager(), Api.cases(world.caseId()) + "/steps").body()))
        .extracting(step -> step.path("stepKey").asText()).doesNotContain("Task_ContactEmployee");
  }

  @Test
  void theProblemAnalysisReachesTheEmployerSideOnlyAfterTheEmployeeReleasedIt() {
    String documents = Api.cases(world.caseId()) + "/documents";
    HttpResponse<String> created = api.post(world.doctor(), documents, """
        {"type": "PROBLEM_ANALYSIS", "title": "Probleemanalyse", "content": "Eerste versie",
         "functionalAdvice": {"limitations": "Geen piekbelasting", "adjustments": "Vaste werkplek"}}""");
    String id = Json.field(created.body(), "id");
    String document = documents + "/" + id;

    // A draft: only its writer sees it.
    assertThat(api.get(world.lineManager(), document).statusCode()).isEqualTo(404);
    assertThat(api.get(world.employee(), document).statusCode()).isEqualTo(404);
    assertThat(Json.parse(api.get(world.lineManager(), documents).body())).isEmpty();

    assertThat(api.post(world.doctor(), document + "/status", "{\"status\": \"FOR_EMPLOYEE_REVIEW\", \"version\": 0}")
        .statusCode()).isEqualTo(200);
    // Under review: the employee reads and corrects; the employer side still sees nothing.
    assertThat(api.get(world.lineManager(), document).statusCode()).isEqualTo(404);
    assertThat(api.get(world.lineManager(), Api.cases(world.caseId()) + "/functional-advice").statusCode())
        .isEqualTo(204);
    HttpResponse<String> corrected = api.post(world.employee(), document + "/versions", """
        {"content": "Eerste versie, met mijn correctie", "version": 1,
         "functionalAdvice": {"limitations": "Geen piekbelasting", "adjustments": "Vaste werkplek, vaste tijden"}}""");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    assertThat(Json.parse(corrected.body()).path("versions").get(1).path("authorRole").asText())
        .isEqualTo("EMPLOYEE");
    // Only the employee releases it.
    assertThat(api.post(world.doctor(), document + "/status", "{\"status\": \"RELEASED\", \"version\": 2}")
        .statusCode()).isEqualTo(403);
    assertThat(api.post(world.employee(), document + "/status", "{\"status\": \"RELEASED\", \"version\": 2}")
        .statusCode()).isEqualTo(200);

    // The employer side reads what the employee released, and nothing before it: not the doctor's first version.
    for (String employerSide : List.of(world.lineManager(), world.counsellor())) {
      JsonNode seen = Json.parse(api.get(employerSide, document).body());
      assertThat(seen.path("status").asText()).isEqualTo("RELEASED");
      assertThat(seen.path("versions")).hasSize(1);
      assertThat(seen.path("versions").get(0).path("content").asText())
          .isEqualTo("Eerste versie, met mijn correctie");
      assertThat(seen.path("versions").get(0).path("number").asInt()).isEqualTo(2);
      assertThat(api.get(employerSide, Api.cases(world.caseId()) + "/reintegration-report").body())
          .contains("Eerste versie, met mijn correctie").doesNotContain("\"Eerste versie\"");
    }
    JsonNode lineManagersView = Json.parse(api.get(world.lineManager(), document).body());
    assertThat(lineManagersView.path("versions").get(0).path("functionalAdvice").path("adjustments").asText())
        .isEqualTo("Vaste werkplek, vaste tijden");
    // The employee and the doctor keep the whole history.
    assertThat(Json.parse(api.get(world.employee(), document).body()).path("versions")).hasSize(2);
    assertThat(Json.parse(api.get(world.doctor(), document).body()).path("versions")).hasSize(2);
    assertThat(Json.parse(api.get(world.lineManager(), Api.cases(world.caseId()) + "/functional-advice").body())
        .path("advice").path("limitations").asText()).isEqualTo("Geen piekbelasting");
    // Released documents do not change.
    assertThat(api.post(world.doctor(), document + "/versions", "{\"content\": \"Nog iets\", \"version\": 3}")
        .statusCode()).isEqualTo(409);
  }

  @Test
  void theEmployerSidesPdfsHoldOnlyWhatTheEmployeeReleased() throws Exception {
    String documents = Api.cases(world.caseId()) + "/documents";
    String id = Json.field(api.post(world.doctor(), documents, """
        {"type": "PROBLEM_ANALYSIS_UPDATE", "title": "Bijstelling", "content": "Oorspronkelijke tekst van de arts",
         "functionalAdvice": {"limitations": "Geen nachtdiensten"}}""").body(), "id");
    String document = documents + "/" + id;
    api.post(world.doctor(), document + "/status", "{\"status\": \"FOR_EMPLOYEE_REVIEW\", \"version\": 0}");
    api.post(world.employee(), document + "/versions", """
        {"content": "Door de medewerker gecorrigeerde tekst", "version": 1,
         "functionalAdvice": {"limitations": "Geen nachtdiensten"}}""");
    assertThat(api.post(world.employee(), document + "/status", "{\"status\": \"RELEASED\", \"version\": 2}")
        .statusCode()).isEqualTo(200);

    WebSession counsellor = new WebSession(port);
    counsellor.login(world.counsellor(), CaseFixtures.PASSWORD);
    for (String pdf : List.of("/dossiers/" + world.caseId() + "/documenten/" + id + ".pdf",
        "/dossiers/" + world.caseId() + "/re-integratieverslag.pdf")) {
      HttpResponse<byte[]> response = counsellor.getBytes(pdf);
      assertThat(response.statusCode()).as(pdf).isEqualTo(200);
      String text = pdfText(response.body());
      assertThat(text).as(pdf).contains("Door de medewerker gecorrigeerde tekst")
          .doesNotContain("Oorspronkelijke tekst van de arts");
    }
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void aPlanOfActionSignedByEmployeeAndLineManagerIsSigned() {
    String document = releasedPlan();

    assertThat(api.post(world.employee(), document + "/sign-offs", "{\"version\": 1}").statusCode()).isEqualTo(200);
    HttpResponse<String> signed = api.post(world.lineManager(), document + "/sign-offs", "{\"version\": 2}");

    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    JsonNode plan = Json.parse(signed.body());
    assertThat(plan.path("status").asText()).isEqualTo("SIGNED");
    assertThat(plan.path("signOffs")).extracting(s -> s.path("role").asText())
        .containsExactly("EMPLOYEE", "LINE_MANAGER");
    assertThat(api.post(world.doctor(), document + "/sign-offs", "{\"version\": 3}").statusCode()).isEqualTo(403);
  }

  @Test
  void theReintegrationReportWithholdsTheMedicalPartFromTheEmployerSide() {
    releasedPlan();
    api.post(world.doctor(), Api.cases(world.caseId()) + "/medical-notes", "{\"text\": \"Diagnose en behandeling\"}");

    String report = Api.cases(world.caseId()) + "/reintegration-report";
    JsonNode forManager = Json.parse(api.get(world.lineManager(), report).body());
    JsonNode forEmployee = Json.parse(api.get(world.employee(), report).body());

    assertThat(forManager.path("parts")).hasSize(8);
    assertThat(medicalPart(forManager).path("withheld").asBoolean()).isTrue();
    assertThat(forManager.toString()).doesNotContain("Diagnose");
    assertThat(medicalPart(forEmployee).path("withheld").asBoolean()).isFalse();
    assertThat(medicalPart(forEmployee).path("medicalNotes").get(0).path("text").asText())
        .isEqualTo("Diagnose en behandeling");
  }

  @Test
  void aConfidentialNoteStaysWithTheProfessionalCircleAndTheEmployee() {
    String moments = Api.cases(world.careCaseId()) + "/contact-moments";
    assertThat(api.post(world.careProfessional(), moments,
        "{\"kind\": \"CONVERSATION\", \"summary\": \"Vertrouwelijk gesprek\", \"confidential\": true}")
        .statusCode()).isEqualTo(201);
    api.post(world.careProfessional(), moments, "{\"kind\": \"PHONE\", \"summary\": \"Afspraak gemaakt\"}");

    // The line manager reads no conversation notes at all: free text is where health observations slip in.
    assertThat(api.get(world.lineManager(), moments).statusCode()).isEqualTo(403);
    assertThat(api.get(world.lineManager(), moments).body()).doesNotContain("Vertrouwelijk", "Afspraak gemaakt");
    assertThat(Json.parse(api.get(world.doctor(), moments).body())).hasSize(2);
    assertThat(Json.parse(api.get(registry.people(world.careCaseId()).employeeUserId(), moments).body())).hasSize(2);
  }

  @Test
  void withdrawingConsentHidesTheContactAndEndsTheBuddysAccess() {
    String network = Api.cases(world.caseId()) + "/support-network";
    String contact = Json.field(api.post(world.employee(), network,
        "{\"kind\": \"BUDDY\", \"name\": \"Jan Buddy\", \"buddyUserId\": \"" + world.buddy() + "\"}").body(), "id");
    assertThat(api.get(world.buddy(), network).statusCode()).isEqualTo(200);
    assertThat(api.get(world.counsellor(), network).body()).contains("BUDDY").doesNotContain("Jan Buddy");

    assertThat(api.post(world.employee(), network + "/" + contact + "/consent-withdrawal", null).statusCode())
        .isEqualTo(200);

    assertThat(api.get(world.buddy(), network).statusCode()).isEqualTo(404);
    assertThat(Json.parse(api.get(world.counsellor(), network).body())).isEmpty();
    assertThat(Json.parse(api.get(world.doctor(), network).body())).isEmpty();
    assertThat(api.get(world.employee(), network).body()).contains("Jan Buddy");
  }

  @Test
  void everyRefusalIsAudited() {
    api.get(world.lineManager(), Api.cases(world.caseId()) + "/medical-notes");
    api.get(world.otherEmployee(), Api.cases(world.caseId()));
    api.post(world.doctor(), Api.cases(world.caseId()) + "/documents",
        "{\"type\": \"EVALUATION\", \"title\": \"Evaluatie\", \"content\": \"...\"}");
    api.post(world.counsellor(), Api.cases(world.caseId()) + "/medical-notes", "{\"text\": \"x\"}");

    List<AuditEvent> refusals = auditTrail.forCase(world.caseId()).stream()
        .filter(e -> e.action() == AuditAction.REFUSED).toList();
    assertThat(refusals).extracting(AuditEvent::actorUserId)
        .contains(world.lineManager(), world.otherEmployee(), world.doctor(), world.counsellor());
    assertThat(refusals).allSatisfy(e -> assertThat(e.what()).doesNotContain("x\""));
  }

  @Test
  void concurrentEditsOfOneDocumentGive409AndHandTheInputBack() throws Exception {
    String document = draftPlan();
    List<Callable<HttpResponse<String>>> edits = new ArrayList<>();
    for (String text : List.of("Versie van A", "Versie van B")) {
      edits.add(() -> api.post(world.counsellor(), document + "/versions",
          "{\"content\": \"" + text + "\", \"version\": 0}"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<HttpResponse<String>> responses = new ArrayList<>();
    try {
      for (Future<HttpResponse<String>> f : pool.invokeAll(edits)) {
        responses.add(f.get());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
    HttpResponse<String> conflict = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
    JsonNode problem = Json.parse(conflict.body());
    assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(problem.path("currentVersion").asInt()).isEqualTo(1);
    assertThat(problem.path("submitted").path("content").asText()).startsWith("Versie van");
    assertThat(problem.path("submitted").path("version").asInt()).isZero();
  }

  @Test
  void aStaleWorkCapacityOrGoalUpdateGives409WithTheInput() {
    String caseUrl = Api.cases(world.caseId());
    int version = registry.get(world.caseId()).version();
    assertThat(api.post(world.counsellor(), caseUrl + "/work-capacity",
        "{\"pct\": 30, \"version\": " + version + "}").statusCode()).isEqualTo(200);
    HttpResponse<String> stale = api.post(world.counsellor(), caseUrl + "/work-capacity",
        "{\"pct\": 60, \"version\": " + version + "}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(Json.parse(stale.body()).path("submitted").path("pct").asInt()).isEqualTo(60);

    String goal = Json.field(api.post(world.counsellor(), caseUrl + "/goals",
        "{\"title\": \"Twee dagdelen werken\", \"progress\": 0}").body(), "id");
    assertThat(api.put(world.counsellor(), caseUrl + "/goals/" + goal,
        "{\"title\": \"Twee dagdelen werken\", \"progress\": 50, \"version\": 0}").statusCode()).isEqualTo(200);
    HttpResponse<String> staleGoal = api.put(world.counsellor(), caseUrl + "/goals/" + goal,
        "{\"title\": \"Drie dagdelen\", \"progress\": 40, \"version\": 0}");
    assertThat(staleGoal.statusCode()).isEqualTo(409);
    assertThat(Json.parse(staleGoal.body()).path("submitted").path("title").asText()).isEqualTo("Drie dagdelen");
    assertThat(Json.parse(staleGoal.body()).path("currentVersion").asInt()).isEqualTo(1);
  }

  /**
   * Whether the illness is service-related is the counsellor's to record, later than the sick report; a stale version
   * is a 409 that hands the input back, a value outside yes, no or unknown a 400, and the employee and the line manager
   * read it (domain A) but may not set it.
   */
  @Test
  void theCounsellorRecordsAServiceRelatedIllnessAndAStaleVersionGives409() {
    String caseUrl = Api.cases(world.caseId());
    int version = registry.get(world.caseId()).version();
    assertThat(Json.parse(api.get(world.counsellor(), caseUrl).body()).path("summary").path("serviceRelated")
        .asText()).isEqualTo("UNKNOWN");

    HttpResponse<String> recorded = api.put(world.counsellor(), caseUrl + "/service-related",
        "{\"serviceRelated\": \"YES\", \"version\": " + version + "}");
    assertThat(recorded.statusCode()).isEqualTo(200);
    assertThat(Json.parse(recorded.body()).path("summary").path("serviceRelated").asText()).isEqualTo("YES");
    HttpResponse<String> stale = api.put(world.counsellor(), caseUrl + "/service-related",
        "{\"serviceRelated\": \"NO\", \"version\": " + version + "}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(Json.parse(stale.body()).path("submitted").path("serviceRelated").asText()).isEqualTo("NO");
    assertThat(api.put(world.counsellor(), caseUrl + "/service-related",
        "{\"serviceRelated\": \"MAYBE\", \"version\": " + (version + 1) + "}").statusCode()).isEqualTo(400);

    for (String reader : List.of(world.employee(), world.lineManager())) {
      assertThat(Json.parse(api.get(reader, caseUrl).body()).path("summary").path("serviceRelated").asText())
          .as(reader).isEqualTo("YES");
      assertThat(api.put(reader, caseUrl + "/service-related",
          "{\"serviceRelated\": \"NO\", \"version\": " + (version + 1) + "}").statusCode()).as(reader)
          .isEqualTo(403);
    }
    assertThat(registry.get(world.caseId()).serviceRelated()).isEqualTo(ServiceRelated.YES);
  }

  /**
   * The API and the case page share one use case, so a work capacity recorded through the API reaches the journey
   * (a partial return to work asks the counsellor to adjust the plan) and names who recorded it.
   */
  @Test
  void aWorkCapacityRecordedThroughTheApiAsksForAnAdjustedPlanAndNamesWhoRecordedIt() {
    UUID caseId = world.caseId();
    String intake = journeyTasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(Element.TASK_INTAKE))
        .findFirst().orElseThrow().taskId();
    journeyTasks.complete(caseId, intake, Map.of("workConflict", false, "expectedAbsenceWeeks", 2));

    HttpResponse<String> recorded = api.post(world.counsellor(), Api.cases(caseId) + "/work-capacity",
        "{\"pct\": 50, \"version\": " + registry.get(caseId).version() + "}");

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    assertThat(journeyTasks.openSteps(caseId)).extracting(OpenStep::stepKey)
        .contains(Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY);
    JsonNode history = Json.parse(api.get(world.counsellor(), Api.cases(caseId)).body()).path("workCapacity");
    assertThat(history).filteredOn(record -> record.path("pct").asInt() == 50)
        .singleElement().satisfies(record -> assertThat(record.path("recordedBy").asText())
            .isEqualTo(world.counsellor()));
  }

  @Test
  void invalidInputIsAProblemWithAMessagePerField() {
    HttpResponse<String> response = api.post(world.counsellor(), Api.cases(world.caseId()) + "/goals",
        "{\"title\": \"\", \"progress\": 150}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.parse(response.body()).path("errors")).extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("title", "progress");
  }

  private String draftPlan() {
    HttpResponse<String> created = api.post(world.counsellor(), Api.cases(world.caseId()) + "/documents",
        "{\"type\": \"PLAN_OF_ACTION\", \"title\": \"Plan van aanpak\", \"content\": \"Opbouw\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Api.cases(world.caseId()) + "/documents/" + Json.field(created.body(), "id");
  }

  private String releasedPlan() {
    String document = draftPlan();
    assertThat(api.post(world.counsellor(), document + "/status", "{\"status\": \"RELEASED\", \"version\": 0}")
        .statusCode()).isEqualTo(200);
    return document;
  }

  private static JsonNode medicalPart(JsonNode report) {
    for (JsonNode part : report.path("parts")) {
      if (part.path("name").asText().equals("MEDICAL_INFORMATION")) {
        return part;
      }
    }
    throw new AssertionError("no medical part");
  }

  private static List<String> caseIds(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    Json.parse(response.body()).forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }
}
