package nl.bluevitaal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Supplier;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import nl.bluevitaal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every refusal that reaches a person, API or page, 403 or 404, is exactly one audit event: recorded where it is
 * answered, never by the controller that refuses, so none is forgotten and none is counted twice.
 */
@PostgresIntegrationTest
class RefusalsAreRecordedIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  JdbcClient jdbc;

  People file;
  Api api;
  String draft;

  @BeforeEach
  void aCaseWithADoctorsDraft() throws Exception {
    file = fixtures.people("rf");
    api = new Api(port);
    HttpResponse<String> created = api.post(file.doctor(), "/api/cases/" + file.caseId() + "/documents", """
        {"type": "PROBLEM_ANALYSIS", "title": "Probleemanalyse", "content": "Concept van de bedrijfsarts"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    draft = JSON.readTree(created.body()).get("id").asText();
  }

  @Test
  void aDraftThatIsNotTheCallersIsARecordedNotFoundInTheApi() {
    assertRecordedOnce(404, () -> api.get(file.counsellor(), "/api/cases/" + file.caseId() + "/documents/" + draft));
  }

  @Test
  void theFormsOfAnotherRoleAreRecordedRefusals() {
    WebSession doctor = session(file.doctor());
    String csrf = csrf(doctor);
    String dossier = "/dossiers/" + file.caseId();

    assertRecordedOnce(403, () -> doctor.get(dossier + "/documenten/nieuw?type=PLAN_OF_ACTION"));
    assertRecordedOnce(403, () -> doctor.postForm(dossier + "/documenten/nieuw?type=PLAN_OF_ACTION", csrf,
        "titel", "Plan", "afspraken", "Iets"));
    assertRecordedOnce(403, () -> doctor.get(dossier + "/contactmomenten/nieuw"));
    assertRecordedOnce(403, () -> doctor.postForm(dossier + "/contactmomenten", csrf, "datum", "2026-01-05",
        "soort", "CONVERSATION", "samenvatting", "Gesprek"));
    assertRecordedOnce(403, () -> doctor.get(dossier + "/doelen/nieuw"));
    assertRecordedOnce(403, () -> doctor.postForm(dossier + "/doelen", csrf, "titel", "Doel", "voortgang", "0"));
  }

  @Test
  void theCounsellorsRefusalsOnPagesAreRecorded() {
    WebSession counsellor = session(file.counsellor());
    String csrf = csrf(counsellor);
    String dossier = "/dossiers/" + file.caseId();

    assertRecordedOnce(403, () -> counsellor.get(dossier + "/medische-aantekeningen/nieuw"));
    assertRecordedOnce(403, () -> counsellor.postForm(dossier + "/medische-aantekeningen", csrf, "tekst", "Iets"));
    assertRecordedOnce(404, () -> counsellor.get(dossier + "/doelen/" + UUID.randomUUID()));
    assertRecordedOnce(403, () -> counsellor.get("/team/" + file.caseId()));
    assertRecordedOnce(404, () -> counsellor.get(dossier + "/documenten/" + draft));
    assertRecordedOnce(404, () -> counsellor.get(dossier + "/documenten/" + draft + ".pdf"));
  }

  @Test
  void anAddressForAnotherRoleIsARecordedRefusal() {
    WebSession employee = session(file.employee());

    HttpResponse<String> cockpit = employee.get("/camunda/app/cockpit/default/");

    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(jdbc.sql("""
            select count(*) from audit_event where actor_user_id = :u and action = 'REFUSED' and case_id is null
               and what = 'address GET /camunda/app/cockpit/default/'""")
        .param("u", file.employee()).query(Long.class).single()).isOne();
  }

  private void assertRecordedOnce(int status, Supplier<HttpResponse<String>> request) {
    long before = refusals();
    HttpResponse<String> response = request.get();
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
    assertThat(refusals() - before).as("refusal events for " + response.uri()).isOne();
  }

  private long refusals() {
    return auditTrail.forCase(file.caseId()).stream().filter(e -> e.action() == AuditAction.REFUSED).count();
  }

  private WebSession session(String user) {
    WebSession session = new WebSession(port);
    assertThat(session.login(user, CaseFixtures.PASSWORD).statusCode()).isEqualTo(302);
    return session;
  }

  private static String csrf(WebSession session) {
    return WebSession.csrfToken(session.get("/").body());
  }
}
