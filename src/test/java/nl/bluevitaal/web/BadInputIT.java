package nl.bluevitaal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.InvalidTimelineException;
import nl.bluevitaal.poortwachter.SickPeriod;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import nl.bluevitaal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Input no person means and no client should send, through the running application: each is a clear 4xx (a
 * problem+json naming the field on the API, the Dutch message beside the field on a page), never a 500, never a
 * quiet conversion, and never text that breaks a PDF of the case later. Each refusal has its counterpart that the
 * nearest good input still goes through, so a test cannot pass by refusing everything.
 */
@DemoAppTest
class BadInputIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What PlainText drops: C0 and C1 controls but tab and line breaks, DEL, and the non-characters. */
  private static final Pattern NOT_XML_TEXT =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]");
  private static final Pattern JSON_ESCAPED_CONTROL = Pattern.compile("\\\\u00[01][0-9a-fA-F]");
  private static final String RANGE_MESSAGE_NL = "Kies een datum tussen 1 januari 1900 en 31 december 2200.";

  @LocalServerPort
  int port;

  @Autowired
  DeadlineEngine deadlineEngine;
  @Autowired
  CaseFixtures fixtures;

  String counsellorUser;
  String doctorUser;
  Api api;

  @BeforeEach
  void aCounsellorAndADoctor() {
    counsellorUser = fixtures.user("bic", Groups.COUNSELLOR);
    doctorUser = fixtures.user("bid", Groups.COMPANY_DOCTOR);
    api = new Api(port);
  }

  // --- 6. Addresses the container reads differently from the security rules ---------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/./engine-rest/process-instance", "//engine-rest/process-instance",
      "/%65ngine-rest/process-instance", "/engine-rest;x=y/process-instance", "/api/../engine-rest/process-instance",
      "/api/./cases", "/api//cases", "/%61pi/cases", "/api;x=y/cases"})
  void anAddressNotInItsPlainFormIsA400ProblemForAnonymousAndSignedInCallers(String path) {
    WebSession session = new WebSession(port);

    HttpResponse<String> anonymous = session.request(path, r -> r.header("Accept", "application/json").GET());
    HttpResponse<String> signedIn = session.request(path, r -> r.header("Accept", "application/json")
        .header("Authorization", WebSession.basicAuthorization(counsellorUser, CaseFixtures.PASSWORD)).GET());

    assertProblem(anonymous, 400);
    assertProblem(signedIn, 400);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/process-instance", "/api/cases"})
  void theSameAddressInItsPlainFormStillAnswers(String path) {
    WebSession session = new WebSession(port);

    assertThat(session.get(path).statusCode()).isEqualTo(401);
    assertThat(api.get(counsellorUser, path).statusCode()).isEqualTo(200);
  }

  // --- 6. Bodies of another type than JSON ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"multipart/form-data; boundary=bluevitaal", "multipart/form-data", "*/*", "application/*"})
  void aWorkCapacityBodyThatIsNotJsonIsA415Problem(String contentType) {
    UUID caseId = doctorsCase();
    String body = """
        --bluevitaal\r
        Content-Disposition: form-data; name="pct"\r
        \r
        50\r
        --bluevitaal--\r
        """;

    HttpResponse<String> response = new WebSession(port).request("/api/cases/" + caseId + "/work-capacity",
        r -> r.header("Authorization", WebSession.basicAuthorization(counsellorUser, CaseFixtures.PASSWORD))
            .header("Content-Type", contentType).header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertProblem(response, 415);
  }

  @Test
  void aWorkCapacityBodySentAsJsonIsReadAndJudgedFieldByField() {
    UUID caseId = doctorsCase();

    // 101 % is refused on its own merits, so the case stays as it is and the body was evidently read as JSON.
    HttpResponse<String> response = api.post(counsellorUser, "/api/cases/" + caseId + "/work-capacity",
        "{\"pct\": 101, \"version\": 0}");

    assertThat(fields(assertProblem(response, 400))).containsExactly("pct");
  }

  // --- 6. Characters no PDF can hold ------------------------------------------------------------------------------

  @Test
  void controlCharactersInNotesAndDocumentsAreDroppedSoEveryPdfOfTheCaseStillRenders() {
    UUID caseId = doctorsCase();
    String cases = "/api/cases/" + caseId;

    JsonNode note = json(created(api.post(doctorUser, cases + "/medical-notes",
        "{\"text\": \"Klachten\\u0000 nemen af\\u0001, belastbaarheid\\u001b groeit\\u007f.\\r\\n\\tVerder goed.\"}")));
    JsonNode document = json(created(api.post(counsellorUser, cases + "/documents", """
        {"type": "PLAN_OF_ACTION", "title": "Plan\\u0000 van aanpak\\u0001",
         "content": "## doel\\nTerug\\u0000 in de eigen functie\\u0001.\\n\\n## afspraken\\nElke week\\u0085 bellen."}
        """)));
    String documentId = document.path("id").asText();
    assertThat(api.post(counsellorUser, cases + "/documents/" + documentId + "/status",
        "{\"status\": \"RELEASED\", \"version\": " + document.path("version").asInt() + "}").statusCode())
        .isEqualTo(200);

    // The page form is cleaned the same way as the JSON API (RequestGuards.CleanParameters).
    WebSession doctor = loggedIn(doctorUser);
    String csrf = WebSession.csrfToken(doctor.get("/dossiers/" + caseId + "/medische-aantekeningen/nieuw").body());
    HttpResponse<String> pageNote = doctor.postForm("/dossiers/" + caseId + "/medische-aantekeningen",
        Map.of("_csrf", csrf, "tekst", "Via het formulier\u0000 genoteerd\u0002."));
    assertThat(pageNote.statusCode()).isEqualTo(302);

    assertThat(json(api.get(doctorUser, cases + "/medical-notes/" + note.path("id").asText())).path("text").asText())
        .isEqualTo("Klachten nemen af, belastbaarheid groeit.\r\n\tVerder goed.");
    assertThat(StreamSupport.stream(json(api.get(doctorUser, cases + "/medical-notes")).spliterator(), false)
        .map(n -> n.path("text").asText())).contains("Via het formulier genoteerd.");
    JsonNode stored = json(api.get(counsellorUser, cases + "/documents/" + documentId));
    assertThat(stored.path("title").asText()).isEqualTo("Plan van aanpak");
    assertThat(stored.path("versions").get(0).path("content").asText())
        .isEqualTo("## doel\nTerug in de eigen functie.\n\n## afspraken\nElke week bellen.");
    for (HttpResponse<String> handedOut : List.of(api.get(doctorUser, cases + "/medical-notes"),
        api.get(counsellorUser, cases + "/documents/" + documentId),
        api.get(doctorUser, cases + "/reintegration-report"))) {
      // JSON writes C0 controls as escapes, but DEL and C1 controls as they are.
      assertThat(handedOut.body()).doesNotContainPattern(JSON_ESCAPED_CONTROL).doesNotContainPattern(NOT_XML_TEXT);
    }

    WebSession counsellor = loggedIn(counsellorUser);
    for (WebSession reader : List.of(counsellor, doctor)) {
      assertPdf(reader.get("/dossiers/" + caseId + "/documenten/" + documentId + ".pdf"));
      assertPdf(reader.get("/dossiers/" + caseId + "/re-integratieverslag.pdf"));
    }
  }

  // --- 6. Sick dates the calendar arithmetic cannot hold ----------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "9999-12-31", "0000-01-01", "1899-12-31",
      "2201-01-01"})
  void aSickDateOutsideTheRangeIsA400NamingTheField(String sickFrom) {
    HttpResponse<String> response = api.post(counsellorUser, "/api/poortwachter/timeline",
        "{\"periods\": [{\"sickFrom\": \"" + sickFrom + "\"}]}");

    JsonNode problem = assertProblem(response, 400);
    assertThat(fields(problem)).containsExactly("periods[0].sickFrom");
    assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo(PlausibleDates.MESSAGE);
  }

  @Test
  void aLaterPeriodFarFromTheFirstIsA400NamingItsDateNotAnOverflow() {
    HttpResponse<String> response = api.post(counsellorUser, "/api/poortwachter/timeline", """
        {"periods": [{"sickFrom": "2024-01-01", "recoveredOn": "2024-01-10"}, {"sickFrom": "9999-12-31"}]}""");

    assertThat(fields(assertProblem(response, 400))).containsExactly("periods[1].sickFrom");
  }

  @Test
  void theEngineReportsDatesItCannotCountWithAsInvalidInputInsteadOfOverflowing() {
    List<SickPeriod> farApart = List.of(new SickPeriod(LocalDate.MIN, LocalDate.MIN.plusDays(1)),
        SickPeriod.openFrom(LocalDate.of(9999, 12, 31)));
    List<SickPeriod> endOfTime = List.of(SickPeriod.openFrom(LocalDate.MAX));

    for (List<SickPeriod> periods : List.of(farApart, endOfTime)) {
      assertThatThrownBy(() -> deadlineEngine.timeline(periods, 0, 0))
          .isInstanceOfSatisfying(InvalidTimelineException.class,
              e -> assertThat(e.fieldErrors()).containsOnlyKeys("periods"));
    }
  }

  @Test
  void theFirstAndLastDatesOfTheRangeStillGiveATimeline() {
    HttpResponse<String> response = api.post(counsellorUser, "/api/poortwachter/timeline", """
        {"periods": [{"sickFrom": "1900-01-01", "recoveredOn": "1900-01-02"}, {"sickFrom": "2200-12-31"}],
         "voluntaryExtensionWeeks": 52, "wageSanctionWeeks": 52}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).path("caseStart").asText()).isEqualTo("2200-12-31");
  }

  // --- 7. Fractions for whole numbers -----------------------------------------------------------------------------

  @Test
  void aFractionForAWholeNumberIsA400NamingTheFieldAndNothingIsStored() {
    UUID caseId = doctorsCase();
    String title = "Half doel " + UUID.randomUUID();

    HttpResponse<String> goal = api.post(counsellorUser, "/api/cases/" + caseId + "/goals",
        "{\"title\": \"" + title + "\", \"progress\": 0.5}");
    HttpResponse<String> timeline = api.post(counsellorUser, "/api/poortwachter/timeline",
        "{\"periods\": [{\"sickFrom\": \"2024-01-01\"}], \"voluntaryExtensionWeeks\": 0.5}");
    HttpResponse<String> sanction = api.post(counsellorUser, "/api/poortwachter/timeline",
        "{\"periods\": [{\"sickFrom\": \"2024-01-01\"}], \"wageSanctionWeeks\": 2.5}");
    HttpResponse<String> workCapacity = api.post(counsellorUser, "/api/cases/" + caseId + "/work-capacity",
        "{\"pct\": 50.5, \"version\": 0}");

    assertThat(fields(assertProblem(goal, 400))).containsExactly("progress");
    assertThat(fields(assertProblem(timeline, 400))).containsExactly("voluntaryExtensionWeeks");
    assertThat(fields(assertProblem(sanction, 400))).containsExactly("wageSanctionWeeks");
    assertThat(fields(assertProblem(workCapacity, 400))).containsExactly("pct");
    assertThat(api.get(counsellorUser, "/api/cases/" + caseId + "/goals").body()).doesNotContain(title);
  }

  @Test
  void theSameFieldsTakeWholeNumbers() {
    UUID caseId = doctorsCase();

    JsonNode goal = json(created(api.post(counsellorUser, "/api/cases/" + caseId + "/goals",
        "{\"title\": \"Heel doel\", \"progress\": 50}")));
    HttpResponse<String> timeline = api.post(counsellorUser, "/api/poortwachter/timeline",
        "{\"periods\": [{\"sickFrom\": \"2024-01-01\"}], \"voluntaryExtensionWeeks\": 1, \"wageSanctionWeeks\": 2}");

    assertThat(goal.path("progress").asInt()).isEqualTo(50);
    assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
  }

  // --- 7. Other JSON types for text -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"false", "true", "12", "0.5"})
  void aTextFieldGivenAnotherJsonTypeIsA400NamingItNotItsSpellingStored(String value) {
    UUID caseId = doctorsCase();
    String notes = "/api/cases/" + caseId + "/medical-notes";
    int before = json(api.get(doctorUser, notes)).size();

    HttpResponse<String> response = api.post(doctorUser, notes, "{\"text\": " + value + "}");

    assertThat(fields(assertProblem(response, 400))).containsExactly("text");
    assertThat(json(api.get(doctorUser, notes)).size()).isEqualTo(before);
  }

  @Test
  void aTextFieldGivenTextIsStoredAsTyped() {
    UUID caseId = doctorsCase();

    JsonNode note = json(created(api.post(doctorUser, "/api/cases/" + caseId + "/medical-notes",
        "{\"text\": \"false\"}")));

    assertThat(note.path("text").asText()).isEqualTo("false");
  }

  // --- 7. Agreement and conversation dates outside 1900..2200 -----------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0000-01-01", "9999-12-31", "+999999999-12-31", "-999999999-01-01", "1899-12-31",
      "2201-01-01"})
  void aGoalAgreedOnADateOutsideTheRangeIsA400NamingTheField(String agreedOn) {
    UUID caseId = doctorsCase();
    String title = "Doel " + agreedOn + " " + UUID.randomUUID();

    HttpResponse<String> response = api.post(counsellorUser, "/api/cases/" + caseId + "/goals",
        "{\"title\": \"" + title + "\", \"progress\": 10, \"agreedWithEmployeeOn\": \"" + agreedOn + "\"}");

    JsonNode problem = assertProblem(response, 400);
    assertThat(fields(problem)).containsExactly("agreedWithEmployeeOn");
    assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo(PlausibleDates.MESSAGE);
    assertThat(api.get(counsellorUser, "/api/cases/" + caseId + "/goals").body()).doesNotContain(title);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1900-01-01", "2200-12-31"})
  void aGoalAgreedOnTheFirstOrLastDateOfTheRangeIsStored(String agreedOn) {
    UUID caseId = doctorsCase();

    JsonNode goal = json(created(api.post(counsellorUser, "/api/cases/" + caseId + "/goals",
        "{\"title\": \"Doel op de grens\", \"progress\": 10, \"agreedWithEmployeeOn\": \"" + agreedOn + "\"}")));

    assertThat(goal.path("agreedWithEmployeeOn").asText()).isEqualTo(agreedOn);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0000-01-01T12:00:00Z", "9999-12-31T12:00:00Z", "+999999999-12-31T12:00:00Z",
      "-999999999-01-01T12:00:00Z", "+999999999-12-31T23:59:59-01:00", "-999999999-01-01T00:00:00+01:00",
      "1899-12-31T12:00:00Z", "2201-01-01T12:00:00Z"})
  void aContactMomentOnADateOutsideTheRangeIsA400NamingTheField(String happenedAt) {
    UUID caseId = doctorsCase();
    String summary = "Gesprek " + happenedAt + " " + UUID.randomUUID();

    HttpResponse<String> response = api.post(counsellorUser, "/api/cases/" + caseId + "/contact-moments",
        "{\"happenedAt\": \"" + happenedAt + "\", \"kind\": \"PHONE\", \"summary\": \"" + summary + "\"}");

    assertThat(fields(assertProblem(response, 400))).containsExactly("happenedAt");
    assertThat(api.get(counsellorUser, "/api/cases/" + caseId + "/contact-moments").body()).doesNotContain(summary);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1900-01-01T12:00:00Z", "2200-12-31T12:00:00Z"})
  void aContactMomentOnTheFirstOrLastDateOfTheRangeIsStored(String happenedAt) {
    UUID caseId = doctorsCase();

    JsonNode moment = json(created(api.post(counsellorUser, "/api/cases/" + caseId + "/contact-moments",
        "{\"happenedAt\": \"" + happenedAt + "\", \"kind\": \"PHONE\", \"summary\": \"Gesprek op de grens\"}")));

    assertThat(moment.path("happenedAt").asText()).startsWith(happenedAt.substring(0, 10));
  }

  // --- 7. Methods nothing answers ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TRACE", "BREW"})
  void aMethodNothingAnswersIsA405ProblemNotA400(String method) {
    WebSession session = new WebSession(port);

    for (String path : List.of("/api/cases", "/engine-rest/process-instance", "/")) {
      HttpResponse<String> anonymous = session.request(path, r -> r.header("Accept", "application/json")
          .method(method, HttpRequest.BodyPublishers.noBody()));
      HttpResponse<String> signedIn = session.request(path, r -> r.header("Accept", "application/json")
          .header("Authorization", WebSession.basicAuthorization(counsellorUser, CaseFixtures.PASSWORD))
          .method(method, HttpRequest.BodyPublishers.noBody()));

      assertProblem(anonymous, 405);
      assertProblem(signedIn, 405);
    }
  }

  // --- 7. Dates outside the range on the pages -------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"9999-12-31", "0000-01-01", "+999999999-12-31", "1899-12-31"})
  void aGoalFormWithADateOutsideTheRangeComesBackWithTheDutchMessageBesideTheFieldAndWhatWasTyped(String typed) {
    UUID caseId = doctorsCase();
    WebSession counsellor = loggedIn(counsellorUser);
    String title = "Doel via het formulier " + UUID.randomUUID();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", WebSession.csrfToken(counsellor.get("/dossiers/" + caseId + "/doelen/nieuw").body()));
    form.put("titel", title);
    form.put("omschrijving", "");
    form.put("voortgang", "20");
    form.put("afgesproken", typed);

    HttpResponse<String> response = counsellor.postForm("/dossiers/" + caseId + "/doelen", form);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(errorBeside(response.body(), "veld-afgesproken-fout")).contains(RANGE_MESSAGE_NL);
    assertThat(inputValue(response.body(), "veld-afgesproken")).isEqualTo(typed);
    assertThat(inputValue(response.body(), "veld-titel")).isEqualTo(title);
    assertThat(api.get(counsellorUser, "/api/cases/" + caseId + "/goals").body()).doesNotContain(title);
  }

  @Test
  void aGoalFormWithTheLastDateOfTheRangeIsSaved() {
    UUID caseId = doctorsCase();
    WebSession counsellor = loggedIn(counsellorUser);
    String title = "Doel via het formulier " + UUID.randomUUID();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", WebSession.csrfToken(counsellor.get("/dossiers/" + caseId + "/doelen/nieuw").body()));
    form.put("titel", title);
    form.put("voortgang", "20");
    form.put("afgesproken", "2200-12-31");

    HttpResponse<String> response = counsellor.postForm("/dossiers/" + caseId + "/doelen", form);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(api.get(counsellorUser, "/api/cases/" + caseId + "/goals").body()).contains(title);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"9999-12-31", "0000-01-01", "-999999999-01-01", "1899-12-31"})
  void aContactFormWithADateOutsideTheRangeComesBackWithTheDutchMessageBesideTheFieldAndWhatWasTyped(String typed) {
    UUID caseId = doctorsCase();
    WebSession counsellor = loggedIn(counsellorUser);
    String summary = "Gesprek via het formulier " + UUID.randomUUID();

    HttpResponse<String> response = counsellor.postForm("/dossiers/" + caseId + "/contactmomenten",
        contactForm(counsellor, caseId, typed, summary));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(errorBeside(response.body(), "veld-datum-fout")).contains(RANGE_MESSAGE_NL);
    assertThat(inputValue(response.body(), "veld-datum")).isEqualTo(typed);
    assertThat(response.body()).contains(summary);
    assertThat(api.get(counsellorUser, "/api/cases/" + caseId + "/contact-moments").body()).doesNotContain(summary);
  }

  @Test
  void aContactFormWithTheFirstDateOfTheRangeIsSaved() {
    UUID caseId = doctorsCase();
    WebSession counsellor = loggedIn(counsellorUser);
    String summary = "Gesprek via het formulier " + UUID.randomUUID();

    HttpResponse<String> response = counsellor.postForm("/dossiers/" + caseId + "/contactmomenten",
        contactForm(counsellor, caseId, "1900-01-01", summary));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(api.get(counsellorUser, "/api/cases/" + caseId + "/contact-moments").body()).contains(summary);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"9999-12-31", "0000-01-01", "+999999999-12-31", "1899-12-31"})
  void aFullRecoveryFormWithADateOutsideTheRangeComesBackWithTheDutchMessageBesideTheFieldAndWhatWasTyped(
      String typed) {
    UUID caseId = doctorsCase();
    WebSession counsellor = loggedIn(counsellorUser);
    String csrf = WebSession.csrfToken(counsellor.get("/dossiers/" + caseId).body());

    HttpResponse<String> response = counsellor.postForm("/dossiers/" + caseId + "/volledig-herstel",
        Map.of("_csrf", csrf, "datum", typed));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(errorBeside(response.body(), "recovery-datum-error")).contains(RANGE_MESSAGE_NL);
    assertThat(inputValue(response.body(), "recovery-datum")).isEqualTo(typed);
    assertThat(json(api.get(counsellorUser, "/api/cases/" + caseId)).path("summary").path("status").asText())
        .isEqualTo("OPEN");
  }

  @Test
  void aFullRecoveryFormWithTheFirstDateOfTheRangeGetsPastTheRangeToTheCasesOwnRule() {
    UUID caseId = doctorsCase();
    WebSession counsellor = loggedIn(counsellorUser);
    String csrf = WebSession.csrfToken(counsellor.get("/dossiers/" + caseId).body());

    // In range, so the case's own rule answers: no sick period of this case was open before 1900.
    HttpResponse<String> response = counsellor.postForm("/dossiers/" + caseId + "/volledig-herstel",
        Map.of("_csrf", csrf, "datum", "1900-01-01"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(errorBeside(response.body(), "recovery-datum-error")).contains("Kies een datum na de eerste ziektedag.")
        .doesNotContain(RANGE_MESSAGE_NL);
    assertThat(inputValue(response.body(), "recovery-datum")).isEqualTo("1900-01-01");
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  /** An open case of this test's counsellor and company doctor, so no demo data changes. */
  private UUID doctorsCase() {
    return fixtures.sickCase(SickCase.of(null, "Invoer Test").counselledBy(counsellorUser, doctorUser));
  }

  private Map<String, String> contactForm(WebSession session, UUID caseId, String date, String summary) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", WebSession.csrfToken(session.get("/dossiers/" + caseId + "/contactmomenten/nieuw").body()));
    form.put("datum", date);
    form.put("soort", "PHONE");
    form.put("samenvatting", summary);
    return form;
  }

  private WebSession loggedIn(String user) {
    WebSession session = new WebSession(port);
    assertThat(session.login(user, CaseFixtures.PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    return session;
  }

  private static HttpResponse<String> created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response;
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).isNotBlank();
    return problem;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> {
      assertThat(error.path("message").asText()).as("message of %s", error).isNotBlank();
      fields.add(error.path("field").asText());
    });
    return fields;
  }

  private static void assertPdf(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.body()).startsWith("%PDF-");
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  /** The text of the error message element with this id: the one the field's aria-describedby points at. */
  private static String errorBeside(String html, String id) {
    Matcher matcher = Pattern.compile("<p[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</p>", Pattern.DOTALL)
        .matcher(html);
    assertThat(matcher.find()).as("an error message with id %s", id).isTrue();
    return matcher.group(1);
  }

  private static String inputValue(String html, String id) {
    Matcher input = Pattern.compile("<input[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>", Pattern.DOTALL)
        .matcher(html);
    assertThat(input.find()).as("an input with id %s", id).isTrue();
    Matcher value = Pattern.compile("\\svalue=\"([^\"]*)\"").matcher(input.group());
    assertThat(value.find()).as("a value on input %s", id).isTrue();
    return value.group(1);
  }
}
