package nl.bluevitaal.web;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description at /api/docs is true to what the API answers: real calls, successes and errors, each
 * answer (status, content type, body) validated against the description as a client generated from it would
 * expect it. Nothing of the validator is relaxed: a property the description calls non-null that arrives null, a
 * required one that is missing, one it does not name, a status or content type it does not list, all fail.
 *
 * <p>Reads run over the demo caseload as each demo user sees it (the variety of real cases is where nulls show);
 * writes go to cases of their own, so no demo data changes. A test fails listing every message of the validator,
 * with how many answers it was about and one of them.
 */
@DemoAppTest
class OpenApiContractIT {

  private static final String DEMO_PASSWORD = "demo";
  private static final List<String> DEMO_USERS =
      List.of("anna", "bram", "carla", "dirk", "eva", "frank", "gerda", "hans", "demo");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  /** An array index in a JSON path of a message: the same fault in the 3rd and the 23rd document is one fault. */
  private static final Pattern INDEX = Pattern.compile("/\\d+(?=[/'])");
  private static final String INTAKE_OUTCOME = "{\"outcome\": {\"workConflict\": false, \"expectedAbsenceWeeks\": 2}}";

  /** A valid body for every operation that takes one, so a sweep over all operations reaches what it tests. */
  private static final Map<String, String> SAMPLE_BODIES = Map.ofEntries(
      entry("POST /api/cases/{caseId}/work-capacity", "{\"pct\": 50, \"version\": 0}"),
      entry("PUT /api/cases/{caseId}/uwv-notification", "{\"receivedOn\": \"2026-01-05\", \"version\": 0}"),
      entry("POST /api/cases/{caseId}/leaves", "{\"from\": \"2026-03-02\", \"to\": \"2026-06-21\"}"),
      entry("PUT /api/cases/{caseId}/service-related", "{\"serviceRelated\": \"YES\", \"version\": 0}"),
      entry("POST /api/cases/{caseId}/contact-moments", "{\"kind\": \"PHONE\", \"summary\": \"Gebeld\"}"),
      entry("POST /api/cases/{caseId}/journey-requests", "{\"request\": \"SECOND_OPINION\"}"),
      entry("POST /api/cases/{caseId}/contact-requests", "{\"with\": \"COUNSELLOR\", \"share\": true}"),
      entry("POST /api/cases/{caseId}/contact-requests/steps/{taskId}/contact",
          "{\"kind\": \"PHONE\", \"happenedOn\": \"2026-01-05\"}"),
      entry("POST /api/cases/{caseId}/goals", "{\"title\": \"Twee dagdelen werken\", \"progress\": 10}"),
      entry("PUT /api/cases/{caseId}/goals/{goalId}",
          "{\"title\": \"Twee dagdelen werken\", \"progress\": 20, \"version\": 0}"),
      entry("POST /api/cases/{caseId}/documents",
          "{\"type\": \"PLAN_OF_ACTION\", \"title\": \"Plan van aanpak\", \"content\": \"Opbouw\"}"),
      entry("POST /api/cases/{caseId}/documents/{documentId}/versions", "{\"content\": \"Opbouw\", \"version\": 0}"),
      entry("POST /api/cases/{caseId}/documents/{documentId}/status", "{\"status\": \"RELEASED\", \"version\": 0}"),
      entry("POST /api/cases/{caseId}/documents/{documentId}/sign-offs", "{\"version\": 0}"),
      entry("POST /api/cases/{caseId}/support-network", "{\"kind\": \"HOME_FRONT\", \"name\": \"Partner\"}"),
      entry("POST /api/cases/{caseId}/medical-notes", "{\"text\": \"Gesprek gehad\"}"),
      entry("PUT /api/cases/{caseId}/medical-notes/{noteId}", "{\"text\": \"Gesprek gehad\", \"version\": 0}"),
      entry("PUT /api/cases/{caseId}/sharing", """
          {"version": 0, "settings": [{"domain": "SELF_REPORTS", "audience": "CARE", "granted": true}]}"""),
      entry("POST /api/cases/{caseId}/steps/{taskId}", INTAKE_OUTCOME),
      entry("POST /api/check-ins",
          "{\"answers\": [3, 3, 2, 3, 2], \"clientId\": \"0b7e1c2a-0000-4000-8000-000000000001\"}"),
      entry("POST /api/poortwachter/timeline", "{\"periods\": [{\"sickFrom\": \"2026-01-05\"}]}"),
      entry("PUT /api/reminders",
          "{\"checkInDay\": \"MONDAY\", \"waitingSteps\": true, \"byEmail\": false, \"version\": 0}"),
      entry("PUT /api/insight/population",
          "{\"version\": 0, \"rows\": [{\"team\": \"Team Noord\", \"month\": \"2026-01\", \"headcount\": 300,"
              + " \"fte\": 280.5}]}"),
      entry("POST /api/insight/population/csv", "team;maand;medewerkers;fte\nTeam Noord;2026-01;300;280,5\n"));

  /** Read once per application: the description does not depend on the caller. */
  private static String descriptionJson;
  private static OpenApiInteractionValidator validator;
  private static int describedPort;

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  Notices notices;

  private final HttpClient http = HttpClient.newHttpClient();
  /** Each message of the validator (array indices left out) with the answers it was about, in this test. */
  private final Map<String, Set<Answer>> untrue = new LinkedHashMap<>();
  /** "METHOD /path/{template} status" of every answer checked in this test. */
  private final Set<String> checked = new TreeSet<>();

  @BeforeEach
  void readTheDescription() {
    if (validator == null || describedPort != port) {
      HttpResponse<String> docs = send("GET", "/api/docs", "carla", DEMO_PASSWORD, null, null);
      assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
      descriptionJson = docs.body();
      validator = OpenApiInteractionValidator.createForInlineApiSpecification(descriptionJson).build();
      describedPort = port;
    }
  }

  @AfterEach
  void everyAnswerWasAsDescribed() {
    if (!untrue.isEmpty()) {
      StringBuilder report = new StringBuilder("Answers differ from the OpenAPI description at /api/docs ("
          + untrue.size() + " distinct messages):");
      untrue.forEach((message, answers) -> report.append("\n").append(message).append("\n    ").append(answers.size())
          .append(answers.size() == 1 ? " answer: " : " answers, e.g. ").append(answers.iterator().next()));
      fail(report.toString());
    }
  }

  @Test
  void everyOperationAnswersItsSuccessAsDescribed() {
    FreshCase file = new FreshCase();
    String caseId = file.id.toString();

    expect(200, get("carla", "/api/cases"));
    assertThat(expect(200, get("carla", "/api/cases?q=" + file.tag))).hasSize(1);
    expect(200, get(file.employee, "/api/cases"));
    expect(200, get(file.lineManager, "/api/cases"));
    JsonNode detail = expect(200, get("carla", "/api/cases/{caseId}", caseId));
    expect(200, get(file.lineManager, "/api/cases/{caseId}", caseId));
    expect(200, post("carla", "/api/cases/{caseId}/work-capacity",
        "{\"pct\": 40, \"version\": " + detail.path("summary").path("version").asInt() + "}", caseId));
    int afterWorkCapacity = expect(200, get("carla", "/api/cases/{caseId}", caseId)).path("summary").path("version")
        .asInt();
    expect(200, put("carla", "/api/cases/{caseId}/service-related",
        "{\"serviceRelated\": \"YES\", \"version\": " + afterWorkCapacity + "}", caseId));
    expect(200, get(file.employee, "/api/cases/{caseId}", caseId));
    int version = expect(200, get("carla", "/api/cases/{caseId}", caseId)).path("summary").path("version").asInt();
    expect(200, put("carla", "/api/cases/{caseId}/uwv-notification",
        "{\"receivedOn\": \"" + file.firstSickDay.plusDays(1) + "\", \"version\": " + version + "}", caseId));
    // A leave long before this case: it joins nothing, so it may go again.
    String leave = expect(201, post("carla", "/api/cases/{caseId}/leaves", "{\"from\": \""
        + file.firstSickDay.minusDays(200) + "\", \"to\": \"" + file.firstSickDay.minusDays(90) + "\"}", caseId))
        .path("id").asText();
    expect(204, delete("carla", "/api/cases/{caseId}/leaves/{leaveId}", caseId, leave));
    expect(409, delete("carla", "/api/cases/{caseId}/leaves/{leaveId}", caseId, leave));

    // What the employee may ask for at any time; asking starts its steps.
    assertThat(expect(200, get(file.employee, "/api/cases/{caseId}/journey-requests", caseId)).toString())
        .contains("SECOND_OPINION");
    expect(202, post(file.employee, "/api/cases/{caseId}/journey-requests", "{\"request\": \"SECOND_OPINION\"}",
        caseId));

    // A wish for contact: not sent while nobody may see it, then a step for the counsellor, and not twice.
    expect(422, post(file.employee, "/api/cases/{caseId}/contact-requests", "{\"with\": \"DOCTOR\"}", caseId));
    expect(201, post(file.employee, "/api/cases/{caseId}/contact-requests", """
        {"with": "COUNSELLOR", "reason": "CHECK_IN", "note": "Graag bellen", "share": true, "today": true}""",
        caseId));
    expect(409, post(file.employee, "/api/cases/{caseId}/contact-requests",
        "{\"with\": \"COUNSELLOR\", \"share\": true}", caseId));
    assertThat(expect(200, get(file.employee, "/api/cases/{caseId}/contact-requests", caseId))).hasSize(1);
    // Its step closes by recording the contact, not through the steps API.
    String contactStep = null;
    for (JsonNode step : expect(200, get("carla", "/api/cases/{caseId}/steps", caseId))) {
      if (step.path("stepKey").asText().equals("Task_ContactEmployee")) {
        contactStep = step.path("taskId").asText();
      }
    }
    assertThat(contactStep).isNotNull();
    expect(409, post("carla", "/api/cases/{caseId}/steps/{taskId}", "{}", caseId, contactStep));
    expect(200, post("carla", "/api/cases/{caseId}/contact-requests/steps/{taskId}/contact",
        "{\"kind\": \"PHONE\", \"happenedOn\": \"" + LocalDate.now() + "\", \"summary\": \"Gebeld\"}", caseId,
        contactStep));
    expect(409, post("carla", "/api/cases/{caseId}/contact-requests/steps/{taskId}/contact",
        "{\"kind\": \"PHONE\", \"happenedOn\": \"" + LocalDate.now() + "\"}", caseId, contactStep));

    // The functional advice: none before the employee released the problem analysis, then the latest.
    expect(204, get(file.lineManager, "/api/cases/{caseId}/functional-advice", caseId));
    String analysis = expect(201, post("dirk", "/api/cases/{caseId}/documents", """
        {"type": "PROBLEM_ANALYSIS", "title": "Probleemanalyse", "content": "Eerste versie",
         "functionalAdvice": {"limitations": "Geen piekbelasting", "adjustments": "Vaste werkplek"}}""", caseId))
        .path("id").asText();
    expect(200, post("dirk", "/api/cases/{caseId}/documents/{documentId}/status",
        "{\"status\": \"FOR_EMPLOYEE_REVIEW\", \"version\": 0}", caseId, analysis));
    expect(200, post(file.employee, "/api/cases/{caseId}/documents/{documentId}/versions", """
        {"content": "Eerste versie, met mijn correctie", "version": 1,
         "functionalAdvice": {"limitations": "Geen piekbelasting"}}""", caseId, analysis));
    expect(200, post(file.employee, "/api/cases/{caseId}/documents/{documentId}/status",
        "{\"status\": \"RELEASED\", \"version\": 2}", caseId, analysis));
    expect(200, get(file.lineManager, "/api/cases/{caseId}/functional-advice", caseId));
    expect(200, get("dirk", "/api/cases/{caseId}/documents/{documentId}", caseId, analysis));

    String plan = expect(201, post("carla", "/api/cases/{caseId}/documents",
        "{\"type\": \"PLAN_OF_ACTION\", \"title\": \"Plan van aanpak\", \"content\": \"Opbouw in uren\"}", caseId))
        .path("id").asText();
    expect(200, post("carla", "/api/cases/{caseId}/documents/{documentId}/status",
        "{\"status\": \"RELEASED\", \"version\": 0}", caseId, plan));
    expect(200, post(file.employee, "/api/cases/{caseId}/documents/{documentId}/sign-offs", "{\"version\": 1}",
        caseId, plan));
    expect(200, get(file.lineManager, "/api/cases/{caseId}/documents/{documentId}", caseId, plan));
    expect(200, get("carla", "/api/cases/{caseId}/documents", caseId));
    expect(200, get(file.lineManager, "/api/cases/{caseId}/reintegration-report", caseId));

    expect(201, post("carla", "/api/cases/{caseId}/contact-moments",
        "{\"kind\": \"CONVERSATION\", \"summary\": \"Eerste gesprek\", \"confidential\": true}", caseId));
    expect(201, post("carla", "/api/cases/{caseId}/contact-moments",
        "{\"happenedAt\": \"2026-01-05T10:00:00+01:00\", \"kind\": \"PHONE\", \"summary\": \"Gebeld\"}", caseId));
    expect(200, get(file.employee, "/api/cases/{caseId}/contact-moments", caseId));
    String goal = expect(201, post("carla", "/api/cases/{caseId}/goals",
        "{\"title\": \"Twee dagdelen werken\", \"progress\": 0}", caseId)).path("id").asText();
    expect(200, put("carla", "/api/cases/{caseId}/goals/{goalId}", """
        {"title": "Twee dagdelen werken", "description": "Maandag en donderdag", "progress": 50,
         "status": "OPEN", "agreedWithEmployeeOn": "2026-01-12", "version": 0}""", caseId, goal));
    expect(200, get(file.employee, "/api/cases/{caseId}/goals", caseId));

    expect(201, post(file.employee, "/api/cases/{caseId}/support-network",
        "{\"kind\": \"BUDDY\", \"name\": \"Jan Buddy\", \"buddyUserId\": \"" + file.buddy + "\"}", caseId));
    String homeFront = expect(201, post(file.employee, "/api/cases/{caseId}/support-network",
        "{\"kind\": \"HOME_FRONT\", \"name\": \"Partner\", \"relation\": \"partner\"}", caseId)).path("id").asText();
    expect(200, post(file.employee, "/api/cases/{caseId}/support-network/{contactId}/consent-withdrawal", null,
        caseId, homeFront));
    for (String reader : List.of(file.employee, "carla", "dirk", file.buddy)) {
      expect(200, get(reader, "/api/cases/{caseId}/support-network", caseId));
    }

    String note = expect(201, post("dirk", "/api/cases/{caseId}/medical-notes", "{\"text\": \"Eerste consult\"}",
        caseId)).path("id").asText();
    expect(200, put("dirk", "/api/cases/{caseId}/medical-notes/{noteId}",
        "{\"text\": \"Eerste consult, aangevuld\", \"version\": 0}", caseId, note));
    expect(200, get("dirk", "/api/cases/{caseId}/medical-notes/{noteId}", caseId, note));
    expect(200, get(file.employee, "/api/cases/{caseId}/medical-notes", caseId));
    expect(200, get(file.employee, "/api/cases/{caseId}/reintegration-report", caseId));

    JsonNode steps = expect(200, get("carla", "/api/cases/{caseId}/steps", caseId));
    expect(204, post("carla", "/api/cases/{caseId}/steps/{taskId}", INTAKE_OUTCOME, caseId,
        intakeStep(steps)));
    expect(200, get("dirk", "/api/cases/{caseId}/steps", caseId));

    int sharingVersion = expect(200, get(file.employee, "/api/cases/{caseId}/sharing", caseId)).path("version")
        .asInt();
    expect(200, put(file.employee, "/api/cases/{caseId}/sharing", "{\"version\": " + sharingVersion + ", "
        + "\"settings\": [{\"domain\": \"SELF_REPORTS\", \"audience\": \"CARE\", \"granted\": true}]}", caseId));
    expect(200, get(file.employee, "/api/cases/{caseId}/audit", caseId));

    // The employee's check-in, sent twice (the second answers the stored one); the doctor reads it once shared.
    String checkIn = "{\"answers\": [3, 3, 2, 3, 2], \"note\": \"Beter geslapen\", \"clientId\": \""
        + UUID.randomUUID() + "\"}";
    expect(201, post(file.employee, "/api/check-ins", checkIn));
    expect(200, post(file.employee, "/api/check-ins", checkIn));
    expect(200, get(file.employee, "/api/check-ins"));
    expect(200, get("dirk", "/api/cases/{caseId}/check-ins", caseId));
    // The employee's reminders: chosen, then read back.
    expect(200, put(file.employee, "/api/reminders", SAMPLE_BODIES.get("PUT /api/reminders")));
    expect(200, get(file.employee, "/api/reminders"));

    notices.send(new Notice("carla", file.id, Notice.Kind.DEADLINE_WARNING, "Probleemanalyse: termijn over 14 dagen",
        LocalDate.of(2026, 2, 15)));
    notices.send(new Notice("carla", file.id, Notice.Kind.ESCALATION, "Plan van aanpak: termijn verstreken", null));
    JsonNode unread = expect(200, get("carla", "/api/notices"));
    for (JsonNode notice : unread) {
      if (notice.path("caseId").asText().equals(caseId)) {
        expect(204, post("carla", "/api/notices/{noticeId}/read", null, notice.path("id").asText()));
      }
    }

    expect(200, post("carla", "/api/poortwachter/timeline", """
        {"periods": [{"sickFrom": "2026-01-05", "recoveredOn": "2026-03-02"}, {"sickFrom": "2026-03-20"}],
         "voluntaryExtensionWeeks": 0, "wageSanctionWeeks": 0}"""));
    // Recovered within the waiting period: most deadlines are never reached (null).
    expect(200, post("carla", "/api/poortwachter/timeline",
        "{\"periods\": [{\"sickFrom\": \"2026-01-05\", \"recoveredOn\": \"2026-01-20\"}]}"));
    // The administrator rebuilds insight's read model (to the rows the demo's events kept); anyone else is refused.
    expect(200, post("demo", "/api/insight/read-model/rebuild", null));
    expect(403, post("carla", "/api/insight/read-model/rebuild", null));
    // Management reads a figure of the unit, as JSON and as CSV; an employee is refused.
    expect(200, get("frank", "/api/insight/{figure}", "throughput"));
    Answer csv = get("frank", "/api/insight/{figure}/csv", "throughput");
    assertThat(csv.status()).isEqualTo(200);
    validate(csv);
    assertThat(csv.response().body()).contains("Stroom;jan;feb");
    expect(403, get("anna", "/api/insight/{figure}", "throughput"));
    // The population of the demo unit: read by whoever reads the unit, changed by management with its version.
    String unitQuery = "?unit=Eenheid%20Rotterdam";
    int populationVersion = expect(200, new Answer("GET", "/api/insight/population", "/api/insight/population" + unitQuery,
        "frank", send("GET", "/api/insight/population" + unitQuery, "frank", DEMO_PASSWORD, null, null)))
        .path("version").asInt();
    String row = "{\"team\": \"Team Noord\", \"month\": \"2026-01\", \"headcount\": 300, \"fte\": 280.5}";
    expect(200, new Answer("PUT", "/api/insight/population", "/api/insight/population" + unitQuery, "frank",
        send("PUT", "/api/insight/population" + unitQuery, "frank", DEMO_PASSWORD, "application/json",
            "{\"version\": " + populationVersion + ", \"rows\": [" + row + "]}")));
    expect(200, new Answer("POST", "/api/insight/population/csv", "/api/insight/population/csv" + unitQuery
        + "&version=" + (populationVersion + 1), "frank", send("POST", "/api/insight/population/csv" + unitQuery + "&version="
        + (populationVersion + 1), "frank", DEMO_PASSWORD, "text/csv", "Team Noord;2026-01;300;280,5\n")));
    expect(403, new Answer("PUT", "/api/insight/population", "/api/insight/population" + unitQuery, "carla",
        send("PUT", "/api/insight/population" + unitQuery, "carla", DEMO_PASSWORD, "application/json",
            "{\"version\": 0, \"rows\": [" + row + "]}")));

    assertThat(operations()).as("operations of the description without a checked success")
        .filteredOn(operation -> checked.stream().noneMatch(answer -> answer.startsWith(operation.key() + " 2")))
        .isEmpty();
    assertThat(operations().stream().flatMap(operation -> operation.successes().stream()
        .map(status -> operation.key() + " " + status)))
        .as("successes the description promises that no call answered").allMatch(checked::contains);
  }

  @Test
  void theDemoCaseloadAsEveryDemoUserSeesItIsAsDescribed() {
    List<DescribedOperation> caseReads = operations().stream()
        .filter(operation -> operation.method().equals("GET") && operation.parameters().equals(List.of("caseId")))
        .toList();
    for (String user : DEMO_USERS) {
      for (JsonNode visible : expect(200, get(user, "/api/cases"))) {
        String caseId = visible.path("id").asText();
        for (DescribedOperation read : caseReads) {
          Answer answer = get(user, read.path(), caseId);
          JsonNode body = expectOneOf(Set.of(200, 204, 403), answer);
          if (answer.status() != 200) {
            continue;
          }
          if (read.path().endsWith("/documents")) {
            for (JsonNode document : body) {
              expect(200, get(user, "/api/cases/{caseId}/documents/{documentId}", caseId,
                  document.path("id").asText()));
            }
          } else if (read.path().endsWith("/medical-notes")) {
            for (JsonNode note : body) {
              expect(200, get(user, "/api/cases/{caseId}/medical-notes/{noteId}", caseId, note.path("id").asText()));
            }
          }
        }
      }
    }
    expect(200, get("eva", "/api/cases?q=" + encode("Anna")));
    expect(200, get("carla", "/api/cases?q=" + encode("niemand bekend")));
  }

  @Test
  void anAnonymousCallerGetsTheDescribed401OnEveryOperation() {
    for (DescribedOperation operation : operations()) {
      expect(401, sweep(operation, null, Map.of()));
    }
    expect(401, send("GET", "/api/cases", "niemand", "wrong", null, null), "GET", "/api/cases", "niemand");
  }

  @Test
  void anUnknownCaseAndAHiddenCaseGetTheDescribed404OnEveryOperation() {
    String bramsCase = onlyCaseOf("bram");
    for (DescribedOperation operation : operations()) {
      if (operation.parameters().contains("caseId")) {
        expect(404, sweep(operation, "carla", Map.of("caseId", UUID.randomUUID().toString())));
        expect(404, sweep(operation, "anna", Map.of("caseId", bramsCase)));
      }
    }
  }

  @Test
  void anUnknownPartOfAVisibleCaseGetsTheDescribed404() {
    String annasCase = onlyCaseOf("anna");
    String unknown = UUID.randomUUID().toString();

    expect(404, get("carla", "/api/cases/{caseId}/documents/{documentId}", annasCase, unknown));
    expect(404, post("carla", "/api/cases/{caseId}/documents/{documentId}/versions",
        "{\"content\": \"Opbouw\", \"version\": 0}", annasCase, unknown));
    expect(404, put("carla", "/api/cases/{caseId}/goals/{goalId}",
        "{\"title\": \"Doel\", \"progress\": 20, \"version\": 0}", annasCase, unknown));
    expect(404, get("dirk", "/api/cases/{caseId}/medical-notes/{noteId}", annasCase, unknown));
    expect(404, post("anna", "/api/cases/{caseId}/support-network/{contactId}/consent-withdrawal", null, annasCase,
        unknown));
    expect(404, post("carla", "/api/cases/{caseId}/steps/{taskId}", INTAKE_OUTCOME, annasCase, unknown));
    expect(404, post("carla", "/api/notices/{noticeId}/read", null, unknown));
  }

  @Test
  void aCallerWhoMayNotSeeOrChangeThatPartOfTheCaseGetsTheDescribed403() {
    String annasCase = onlyCaseOf("anna");

    expect(403, get("eva", "/api/cases/{caseId}/contact-moments", annasCase));
    expect(403, get("eva", "/api/cases/{caseId}/medical-notes", annasCase));
    expect(403, get("carla", "/api/cases/{caseId}/sharing", annasCase));
    expect(403, get("carla", "/api/cases/{caseId}/audit", annasCase));
    expect(403, put("carla", "/api/cases/{caseId}/sharing", SAMPLE_BODIES.get("PUT /api/cases/{caseId}/sharing"),
        annasCase));
    expect(403, get("carla", "/api/cases/{caseId}/contact-requests", annasCase));
    expect(403, post("carla", "/api/cases/{caseId}/contact-requests",
        SAMPLE_BODIES.get("POST /api/cases/{caseId}/contact-requests"), annasCase));
    expect(403, post("carla", "/api/cases/{caseId}/medical-notes", "{\"text\": \"Niet van mij\"}", annasCase));
    expect(403, post("eva", "/api/cases/{caseId}/goals", "{\"title\": \"Meer uren\", \"progress\": 0}", annasCase));
    expect(403, post("dirk", "/api/cases/{caseId}/documents",
        "{\"type\": \"EVALUATION\", \"title\": \"Evaluatie\", \"content\": \"Niet van de arts\"}", annasCase));
  }

  @Test
  void invalidFieldsGetTheDescribed400WithAMessagePerField() {
    FreshCase file = new FreshCase();
    String caseId = file.id.toString();

    String intake = intakeStep(expect(200, get("carla", "/api/cases/{caseId}/steps", caseId)));

    List<JsonNode> problems = List.of(
        expect(400, post("carla", "/api/cases/{caseId}/goals", "{\"title\": \"\", \"progress\": 150}", caseId)),
        expect(400, put("carla", "/api/cases/{caseId}/goals/{goalId}", "{\"title\": \"Doel\", \"progress\": 10}",
            caseId, UUID.randomUUID())),
        expect(400, post("carla", "/api/cases/{caseId}/work-capacity", "{\"pct\": \"veel\", \"version\": 0}", caseId)),
        expect(400, post("carla", "/api/cases/{caseId}/contact-moments",
            "{\"kind\": \"POSTDUIF\", \"summary\": \"x\"}", caseId)),
        expect(400, post("carla", "/api/cases/{caseId}/documents", "{\"type\": \"PLAN_OF_ACTION\"}", caseId)),
        expect(400, put(file.employee, "/api/cases/{caseId}/sharing", "{\"version\": -1, \"settings\": [null]}",
            caseId)),
        expect(400, put(file.employee, "/api/cases/{caseId}/sharing", """
            {"version": 0, "settings": [{"domain": "MEDICAL", "audience": "COUNSELLOR", "granted": true}]}""",
            caseId)),
        expect(400, post("carla", "/api/cases/{caseId}/steps/{taskId}",
            "{\"outcome\": {\"workConflict\": \"ja\"}}", caseId, intake)),
        expect(400, put("carla", "/api/cases/{caseId}/uwv-notification",
            "{\"receivedOn\": \"1990-01-01\", \"version\": 0}", caseId)),
        expect(400, post("carla", "/api/cases/{caseId}/leaves", "{\"from\": \"2026-03-02\"}", caseId)),
        expect(400, post(file.employee, "/api/cases/{caseId}/contact-requests",
            "{\"with\": \"BUURMAN\", \"share\": true}", caseId)),
        expect(400, post("carla", "/api/poortwachter/timeline", """
            {"periods": [{"sickFrom": "2026-03-01", "recoveredOn": "2026-03-10"}, {"sickFrom": "2026-02-01"}]}""")),
        expect(400, post(file.employee, "/api/check-ins", "{\"answers\": [3, 9], \"clientId\": \""
            + UUID.randomUUID() + "\", \"takenAt\": \"2020-01-01T10:00:00+01:00\"}")));

    assertThat(problems).allSatisfy(problem -> assertThat(problem.path("errors")).isNotEmpty());
    assertThat(problems.get(0).path("errors")).extracting(error -> error.path("field").asText())
        .containsExactlyInAnyOrder("title", "progress");
  }

  @Test
  void aMissingOrBrokenJsonBodyGetsTheDescribed400OnEveryOperationThatTakesOne() {
    assertThat(operations()).as("operations whose body is required").anyMatch(DescribedOperation::requiresBody);
    for (DescribedOperation operation : operations()) {
      if (operation.takesJson()) {
        expect(400, sweep(operation, "carla", Map.of(), "application/json", "{\"title\": "));
      }
      if (operation.requiresBody() && operation.takesJson()) {
        expect(400, sweep(operation, "carla", Map.of(), "application/json", ""));
      }
    }
  }

  @Test
  void aBodyThatIsNotJsonGetsTheDescribed415OnEveryOperationThatTakesABody() {
    for (DescribedOperation operation : operations()) {
      if (operation.takesBody()) {
        // Not what it takes: plain text for a JSON body, JSON for a CSV import.
        expect(415, operation.takesJson() ? sweep(operation, "carla", Map.of(), "text/plain", "Twee dagdelen werken")
            : sweep(operation, "carla", Map.of(), "application/json", "{\"team\": \"Team Noord\"}"));
      }
    }
  }

  @Test
  void aStaleVersionOrAChangeAlreadyMadeGetsTheDescribed409() {
    FreshCase file = new FreshCase();
    String caseId = file.id.toString();

    String workCapacity = "{\"pct\": 30, \"version\": "
        + expect(200, get("carla", "/api/cases/{caseId}", caseId)).path("summary").path("version").asInt() + "}";
    expect(200, post("carla", "/api/cases/{caseId}/work-capacity", workCapacity, caseId));
    expect(409, post("carla", "/api/cases/{caseId}/work-capacity", workCapacity, caseId));
    expect(409, put("carla", "/api/cases/{caseId}/service-related", "{\"serviceRelated\": \"NO\", \"version\": 0}",
        caseId));

    String goal = expect(201, post("carla", "/api/cases/{caseId}/goals", "{\"title\": \"Doel\", \"progress\": 0}",
        caseId)).path("id").asText();
    String goalUpdate = "{\"title\": \"Doel\", \"progress\": 30, \"version\": 0}";
    expect(200, put("carla", "/api/cases/{caseId}/goals/{goalId}", goalUpdate, caseId, goal));
    expect(409, put("carla", "/api/cases/{caseId}/goals/{goalId}", goalUpdate, caseId, goal));

    String plan = expect(201, post("carla", "/api/cases/{caseId}/documents",
        SAMPLE_BODIES.get("POST /api/cases/{caseId}/documents"), caseId)).path("id").asText();
    String version = "{\"content\": \"Opbouw in uren\", \"version\": 0}";
    expect(200, post("carla", "/api/cases/{caseId}/documents/{documentId}/versions", version, caseId, plan));
    expect(409, post("carla", "/api/cases/{caseId}/documents/{documentId}/versions", version, caseId, plan));
    expect(409, post("carla", "/api/cases/{caseId}/documents/{documentId}/status",
        "{\"status\": \"RELEASED\", \"version\": 0}", caseId, plan));

    String plan2 = expect(201, post("carla", "/api/cases/{caseId}/documents",
        SAMPLE_BODIES.get("POST /api/cases/{caseId}/documents"), caseId)).path("id").asText();
    expect(200, post("carla", "/api/cases/{caseId}/documents/{documentId}/status",
        "{\"status\": \"RELEASED\", \"version\": 0}", caseId, plan2));
    expect(200, post(file.employee, "/api/cases/{caseId}/documents/{documentId}/sign-offs", "{\"version\": 1}",
        caseId, plan2));
    expect(409, post(file.employee, "/api/cases/{caseId}/documents/{documentId}/sign-offs", "{\"version\": 1}",
        caseId, plan2));
    expect(409, post(file.employee, "/api/cases/{caseId}/documents/{documentId}/sign-offs", "{\"version\": 2}",
        caseId, plan2));

    String contact = expect(201, post(file.employee, "/api/cases/{caseId}/support-network",
        SAMPLE_BODIES.get("POST /api/cases/{caseId}/support-network"), caseId)).path("id").asText();
    String withdrawal = "/api/cases/{caseId}/support-network/{contactId}/consent-withdrawal";
    expect(200, post(file.employee, withdrawal, null, caseId, contact));
    expect(409, post(file.employee, withdrawal, null, caseId, contact));

    String note = expect(201, post("dirk", "/api/cases/{caseId}/medical-notes", "{\"text\": \"Consult\"}", caseId))
        .path("id").asText();
    String noteUpdate = "{\"text\": \"Consult, aangevuld\", \"version\": 0}";
    expect(200, put("dirk", "/api/cases/{caseId}/medical-notes/{noteId}", noteUpdate, caseId, note));
    expect(409, put("dirk", "/api/cases/{caseId}/medical-notes/{noteId}", noteUpdate, caseId, note));

    String sharing = "{\"version\": " + expect(200, get(file.employee, "/api/cases/{caseId}/sharing", caseId))
        .path("version").asInt() + ", \"settings\": [{\"domain\": \"SELF_REPORTS\", \"audience\": \"CARE\", "
        + "\"granted\": true}]}";
    expect(200, put(file.employee, "/api/cases/{caseId}/sharing", sharing, caseId));
    JsonNode staleSharing = expect(409, put(file.employee, "/api/cases/{caseId}/sharing", sharing, caseId));
    assertThat(staleSharing.path("current").isObject()).isTrue();

    String intake = intakeStep(expect(200, get("carla", "/api/cases/{caseId}/steps", caseId)));
    expect(204, post("carla", "/api/cases/{caseId}/steps/{taskId}", INTAKE_OUTCOME, caseId, intake));
    expect(409, post("carla", "/api/cases/{caseId}/steps/{taskId}", INTAKE_OUTCOME, caseId, intake));
  }

  @Test
  void theDescriptionIsAValidOpenApi30Document() {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(descriptionJson, null, new ParseOptions());

    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0.");
    assertThat(parsed.getMessages()).as("what the parser finds wrong with the description").isEmpty();
  }

  /**
   * Where the validator is kinder than OpenAPI 3.0.3 (it admits null for {@code nullable} next to an enum that does
   * not list null), a client that reads the letter of the specification would refuse what the API sends; so every
   * {@code nullable} must admit null by itself: beside a type, and in an enum only with null listed.
   */
  @Test
  void everyNullableOfTheDescriptionAdmitsNullByTheLetterOfOpenApi303() {
    List<String> admitNoNull = new ArrayList<>();
    collectNullablesThatAdmitNoNull(parse(descriptionJson), "", admitNoNull);

    assertThat(admitNoNull).as("nullable schemas that do not admit null by OpenAPI 3.0.3").isEmpty();
  }

  private static void collectNullablesThatAdmitNoNull(JsonNode node, String where, List<String> found) {
    if (node.isObject()) {
      if (node.path("nullable").asBoolean(false)) {
        if (!node.has("type")) {
          found.add(where + ": nullable without a type");
        }
        if (node.has("enum") && !listsNull(node.path("enum"))) {
          found.add(where + ": nullable enum without null");
        }
        if (node.has("$ref") || node.has("allOf")) {
          found.add(where + ": nullable beside $ref or allOf");
        }
      }
      node.fields().forEachRemaining(field -> collectNullablesThatAdmitNoNull(field.getValue(),
          where + "/" + field.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNullablesThatAdmitNoNull(node.get(i), where + "/" + i, found);
      }
    }
  }

  private static boolean listsNull(JsonNode values) {
    for (JsonNode value : values) {
      if (value.isNull()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A case of its own, so writes change no demo data: a new employee, line manager and buddy, with carla as
   * counsellor and dirk as company doctor. The journey starts with carla's intake.
   */
  private final class FreshCase {

    final String tag = CaseFixtures.tag("oa");
    final String employee = fixtures.user("emp-oa", Groups.EMPLOYEE);
    final String lineManager = fixtures.user("lm-oa", Groups.LINE_MANAGER);
    final String buddy = fixtures.user("buddy-oa", Groups.BUDDY);
    final LocalDate firstSickDay = LocalDate.now().minusDays(20);
    final UUID id = fixtures.sickCase(SickCase.of(employee, "Contract " + tag).team("Team " + tag, lineManager)
        .counselledBy("carla", "dirk").since(firstSickDay));
  }

  /** An operation as the description lists it. */
  /** {@code bodyType}: the media type of its request body (null: it takes none); JSON but for a CSV import. */
  private record DescribedOperation(String method, String path, List<String> parameters, boolean takesBody,
      boolean requiresBody, List<String> successes, String bodyType) {

    boolean takesJson() {
      return takesBody && "application/json".equals(bodyType);
    }


    String key() {
      return method + " " + path;
    }
  }

  /** One call and its answer. */
  private record Answer(String method, String template, String path, String user, HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    @Override
    public String toString() {
      return method + " " + path + (user == null ? " anonymously" : " as " + user);
    }
  }

  private List<DescribedOperation> operations() {
    List<DescribedOperation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = parse(descriptionJson).path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      List<String> parameters = new ArrayList<>();
      Matcher parameter = PATH_PARAMETER.matcher(path.getKey());
      while (parameter.find()) {
        parameters.add(parameter.group(1));
      }
      for (String method : List.of("get", "put", "post", "delete", "patch")) {
        JsonNode operation = path.getValue().path(method);
        if (!operation.isMissingNode()) {
          List<String> successes = new ArrayList<>();
          operation.path("responses").fieldNames().forEachRemaining(status -> {
            if (status.startsWith("2")) {
              successes.add(status);
            }
          });
          java.util.Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
          operations.add(new DescribedOperation(method.toUpperCase(), path.getKey(), List.copyOf(parameters),
              operation.has("requestBody"), operation.path("requestBody").path("required").asBoolean(false),
              successes, types.hasNext() ? types.next() : null));
        }
      }
    }
    assertThat(operations).as("operations in the description").isNotEmpty();
    return operations;
  }

  /** The operation with its sample body; path parameters not given are ids nobody has. */
  private Answer sweep(DescribedOperation operation, String user, Map<String, String> parameters) {
    String body = null;
    if (operation.takesBody()) {
      assertThat(SAMPLE_BODIES).as("a sample body for %s", operation.key()).containsKey(operation.key());
      body = SAMPLE_BODIES.get(operation.key());
    }
    return sweep(operation, user, parameters, body == null ? null : "application/json", body);
  }

  private Answer sweep(DescribedOperation operation, String user, Map<String, String> parameters, String contentType,
      String body) {
    Object[] values = operation.parameters().stream()
        .map(name -> parameters.getOrDefault(name, UUID.randomUUID().toString())).toArray();
    return call(operation.method(), operation.path(), user, contentType, body, values);
  }

  private Answer get(String user, String template, Object... parameters) {
    return call("GET", template, user, null, null, parameters);
  }

  private Answer post(String user, String template, String json, Object... parameters) {
    return call("POST", template, user, json == null ? null : "application/json", json, parameters);
  }

  private Answer delete(String user, String template, Object... parameters) {
    return call("DELETE", template, user, null, null, parameters);
  }

  private Answer put(String user, String template, String json, Object... parameters) {
    return call("PUT", template, user, "application/json", json, parameters);
  }

  private Answer call(String method, String template, String user, String contentType, String body,
      Object... parameters) {
    StringBuilder path = new StringBuilder();
    Matcher parameter = PATH_PARAMETER.matcher(template);
    int next = 0;
    while (parameter.find()) {
      parameter.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(parameters[next++])));
    }
    parameter.appendTail(path);
    assertThat(next).as("values for the parameters of %s", template).isEqualTo(parameters.length);
    return new Answer(method, template, path.toString(), user,
        send(method, path.toString(), user, passwordOf(user), contentType, body));
  }

  private JsonNode expect(int status, HttpResponse<String> response, String method, String path, String user) {
    return expect(status, new Answer(method, path, path, user, response));
  }

  /** The answer has this status and is as described; its body, if any. */
  private JsonNode expect(int status, Answer answer) {
    return expectOneOf(Set.of(status), answer);
  }

  private JsonNode expectOneOf(Set<Integer> statuses, Answer answer) {
    assertThat(answer.status()).as("status of %s: %s", answer, answer.response().body()).isIn(statuses);
    validate(answer);
    String body = answer.response().body();
    return body == null || body.isEmpty() ? MissingNode.getInstance() : parse(body);
  }

  private void validate(Answer answer) {
    HttpResponse<String> response = answer.response();
    SimpleResponse.Builder described = SimpleResponse.Builder.status(response.statusCode());
    response.headers().firstValue("Content-Type").ifPresent(described::withContentType);
    response.headers().map().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        described.withHeader(name, values);
      }
    });
    if (response.body() != null && !response.body().isEmpty()) {
      described.withBody(response.body());
    }
    String path = answer.path().contains("?") ? answer.path().substring(0, answer.path().indexOf('?')) : answer.path();
    ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(answer.method()),
        described.build());
    String template = answer.template().contains("?")
        ? answer.template().substring(0, answer.template().indexOf('?')) : answer.template();
    checked.add(answer.method() + " " + template + " " + response.statusCode());
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR || message.getLevel() == ValidationReport.Level.WARN) {
        String fault = answer.method() + " " + template + " -> " + response.statusCode() + ": "
            + INDEX.matcher(describe(message)).replaceAll("/*");
        untrue.computeIfAbsent(fault, key -> new LinkedHashSet<>()).add(answer);
      }
    }
  }

  private static String describe(ValidationReport.Message message) {
    StringBuilder text = new StringBuilder(message.getLevel() + " " + message.getKey() + ": " + message.getMessage());
    message.getAdditionalInfo().forEach(info -> text.append("\n      ").append(info));
    message.getNestedMessages().forEach(nested -> text.append("\n      ").append(describe(nested)));
    return text.toString();
  }

  private String intakeStep(JsonNode steps) {
    for (JsonNode step : steps) {
      if (step.path("stepKey").asText().equals(Element.TASK_INTAKE)) {
        return step.path("taskId").asText();
      }
    }
    return fail("no intake step among " + steps);
  }

  /** The demo users' password, or that of the accounts this test made (anonymous calls send none). */
  private static String passwordOf(String user) {
    return user == null || DEMO_USERS.contains(user) ? DEMO_PASSWORD : CaseFixtures.PASSWORD;
  }

  private String onlyCaseOf(String employee) {
    JsonNode cases = expect(200, get(employee, "/api/cases"));
    assertThat(cases).as("cases of %s", employee).hasSize(1);
    return cases.get(0).path("id").asText();
  }

  private HttpResponse<String> send(String method, String path, String user, String password, String contentType,
      String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + json, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
