package nl.bluevitaal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The employee's consent: granted, revoked (and the policy follows at once), traceable, never silently overwritten. */
@PostgresIntegrationTest
class SharingSettingsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHARE_WITH_CARE =
      "{\"version\":%d,\"settings\":[{\"domain\":\"SELF_REPORTS\",\"audience\":\"CARE\",\"granted\":%s}]}";

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  AccessPolicy policy;
  @Autowired
  CasePartiesLookup parties;
  @Autowired
  AuditTrail auditTrail;

  People file;
  Api api;
  String path;

  @BeforeEach
  void aCase() {
    file = fixtures.people("sh");
    api = new Api(port);
    path = "/api/cases/" + file.caseId() + "/sharing";
  }

  @Test
  void nothingIsSharedUntilTheEmployeeChoosesTo() throws Exception {
    HttpResponse<String> response = api.get(file.employee(), path);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode sharing = JSON.readTree(response.body());
    assertThat(sharing.get("version").asInt()).isZero();
    assertThat(sharing.get("settings")).hasSize(SharingOption.ALL.size())
        .allSatisfy(s -> assertThat(s.get("granted").asBoolean()).isFalse());
    assertThat(doctorReadsSelfReports()).isFalse();
  }

  @Test
  void grantingAndRevokingTakeEffectAtOnceAndStayTraceable() throws Exception {
    HttpResponse<String> granted = api.put(file.employee(), path, SHARE_WITH_CARE.formatted(0, true));

    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(JSON.readTree(granted.body()).get("version").asInt()).isEqualTo(1);
    assertThat(doctorReadsSelfReports()).isTrue();

    HttpResponse<String> revoked = api.put(file.employee(), path, SHARE_WITH_CARE.formatted(1, false));

    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(doctorReadsSelfReports()).isFalse();
    JsonNode history = JSON.readTree(revoked.body()).get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("granted").asBoolean()).isTrue();
    assertThat(history.get(1).get("granted").asBoolean()).isFalse();
    assertThat(history.get(1).get("changedBy").asText()).isEqualTo(file.employee());
    assertThat(auditTrail.forCase(file.caseId())).filteredOn(e -> e.action() == AuditAction.WRITE)
        .extracting(AuditEvent::what)
        .containsExactly("shared SELF_REPORTS with CARE", "stopped sharing SELF_REPORTS with CARE");
  }

  @Test
  void aStaleVersionGets409WithTheCurrentSettingsAndTheCallersInput() throws Exception {
    assertThat(api.put(file.employee(), path, SHARE_WITH_CARE.formatted(0, true)).statusCode()).isEqualTo(200);

    HttpResponse<String> stale = api.put(file.employee(), path, SHARE_WITH_CARE.formatted(0, false));

    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(stale.body());
    assertThat(problem.get("currentVersion").asInt()).isEqualTo(1);
    assertThat(problem.at("/current/settings/0/granted").asBoolean()).isTrue();
    assertThat(problem.at("/submitted/0/granted").asBoolean()).isFalse();
    assertThat(problem.at("/submitted/0/domain").asText()).isEqualTo("SELF_REPORTS");
    // Nothing changed: the consent given stands.
    assertThat(doctorReadsSelfReports()).isTrue();
  }

  @Test
  void somethingThatCannotBeSharedIsRefusedFieldByField() throws Exception {
    HttpResponse<String> response = api.put(file.employee(), path, """
        {"version":0,"settings":[
          {"domain":"SELF_REPORTS","audience":"CARE","granted":true},
          {"domain":"MEDICAL","audience":"COUNSELLOR","granted":true},
          {"domain":"SELF_REPORTS","audience":"CARE","granted":false}]}""");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(errors).extracting(e -> e.get("field").asText()).containsExactly("settings[1]", "settings[2]");

    HttpResponse<String> missing = api.put(file.employee(), path, "{\"settings\":[{\"domain\":\"SELF_REPORTS\"}]}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("version", "settings[0].audience", "settings[0].granted");
    assertThat(doctorReadsSelfReports()).isFalse();
  }

  @Test
  void onlyTheEmployeeReadsOrChangesTheirConsent() {
    for (String party : new String[] {file.counsellor(), file.doctor(), file.lineManager()}) {
      assertThat(api.get(party, path).statusCode()).as(party).isEqualTo(403);
      assertThat(api.put(party, path, SHARE_WITH_CARE.formatted(0, true)).statusCode()).as(party).isEqualTo(403);
    }
    for (String outsider : new String[] {file.otherCounsellor(), file.administrator(), file.processOwner()}) {
      assertThat(api.get(outsider, path).statusCode()).as(outsider).isEqualTo(404);
      assertThat(api.put(outsider, path, SHARE_WITH_CARE.formatted(0, true)).statusCode()).as(outsider)
          .isEqualTo(404);
    }
    assertThat(api.get(file.employee(), "/api/cases/" + UUID.randomUUID() + "/sharing").statusCode())
        .isEqualTo(404);
    assertThat(doctorReadsSelfReports()).isFalse();
  }

  @Test
  void theOpenApiDescriptionListsTheEndpoints() {
    HttpResponse<String> docs = api.get(file.employee(), "/api/docs");

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/cases/{caseId}/sharing", "/api/cases/{caseId}/audit");
  }

  private boolean doctorReadsSelfReports() {
    return policy.permits(file.asDoctor(), parties.find(file.caseId()).orElseThrow(),
        Domain.SELF_REPORTS, Access.READ);
  }
}
