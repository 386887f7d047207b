package nl.bluevitaal.selfservice.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The check-in API on PostgreSQL: the employee submits (a check-in kept offline arrives with its own time, and sent
 * again it is stored once), a wrong one gets problem+json with a Dutch message per field, and domain E both ways
 * over HTTP: the doctor reads only while shared, the counsellor never, another employee finds no such case; each
 * refusal is recorded.
 */
@PostgresIntegrationTest
class CheckInApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  AuditTrail audit;

  People people;
  Api api;

  @BeforeEach
  void aCase() {
    people = fixtures.people("ca");
    api = new Api(port);
  }

  private static String body(UUID clientId, String takenAt, String answers) {
    return "{\"answers\": " + answers + ", \"note\": \"Offline ingevuld\", \"clientId\": \"" + clientId + "\""
        + (takenAt == null ? "" : ", \"takenAt\": \"" + takenAt + "\"") + "}";
  }

  @Test
  void aCheckInKeptOfflineArrivesWithItsOwnTimeAndSentAgainIsStoredOnce() throws Exception {
    UUID clientId = UUID.randomUUID();
    String takenAt = OffsetDateTime.now().minusDays(2).withNano(0).toString();

    HttpResponse<String> first = api.post(people.employee(), "/api/check-ins", body(clientId, takenAt,
        "[2, 2, 2, 2, 0]"));
    HttpResponse<String> again = api.post(people.employee(), "/api/check-ins", body(clientId, takenAt,
        "[2, 2, 2, 2, 0]"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode stored = JSON.readTree(first.body());
    assertThat(stored.path("level").asText()).isEqualTo("AMBER");
    assertThat(stored.path("scorePercentage").asInt()).isEqualTo(32);
    assertThat(OffsetDateTime.parse(stored.path("takenAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse(takenAt).toInstant());
    assertThat(JSON.readTree(again.body()).path("alreadyReceived").asBoolean()).isTrue();
    assertThat(JSON.readTree(again.body()).path("id").asText()).isEqualTo(stored.path("id").asText());
    assertThat(JSON.readTree(api.get(people.employee(), "/api/check-ins").body())).hasSize(1);
  }

  @Test
  void aWrongCheckInGetsADutchMessagePerField() throws Exception {
    HttpResponse<String> refused = api.post(people.employee(), "/api/check-ins", body(UUID.randomUUID(),
        OffsetDateTime.now().minusDays(30).toString(), "[3, 3, 9]"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode errors = JSON.readTree(refused.body()).path("errors");
    assertThat(errors).extracting(error -> error.path("field").asText())
        .containsExactlyInAnyOrder("answers[2]", "answers[3]", "answers[4]", "takenAt");
    assertThat(errors.toString()).contains("Kies een van de antwoorden bij deze vraag.",
        "Deze check-in is te lang geleden ingevuld");
    assertThat(JSON.readTree(api.get(people.employee(), "/api/check-ins").body())).isEmpty();
  }

  @Test
  void theDoctorReadsOnlyWhileSharedTheCounsellorNeverAndEachRefusalIsRecorded() throws Exception {
    api.post(people.employee(), "/api/check-ins", body(UUID.randomUUID(), null, "[3, 3, 3, 3, 3]"));
    String path = "/api/cases/" + people.caseId() + "/check-ins";

    assertThat(api.get(people.doctor(), path).statusCode()).isEqualTo(403);
    assertThat(api.get(people.counsellor(), path).statusCode()).isEqualTo(403);
    assertThat(api.get(people.lineManager(), path).statusCode()).isEqualTo(403);
    assertThat(api.get(people.otherEmployee(), path).statusCode()).isEqualTo(404);

    int version = JSON.readTree(api.get(people.employee(), "/api/cases/" + people.caseId() + "/sharing").body())
        .path("version").asInt();
    HttpResponse<String> shared = api.put(people.employee(), "/api/cases/" + people.caseId() + "/sharing",
        "{\"version\": " + version + ", \"settings\": [{\"domain\": \"SELF_REPORTS\", \"audience\": \"CARE\", "
            + "\"granted\": true}, {\"domain\": \"SELF_REPORTS\", \"audience\": \"COUNSELLOR\", \"granted\": true}]}");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);

    HttpResponse<String> read = api.get(people.doctor(), path);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).get(0).path("note").asText()).isEqualTo("Offline ingevuld");
    assertThat(api.get(people.counsellor(), path).statusCode()).isEqualTo(403);
    assertThat(audit.forCase(people.caseId())).filteredOn(event -> event.action() == AuditAction.REFUSED)
        .filteredOn(event -> event.domain() == Domain.SELF_REPORTS)
        .extracting(event -> event.actorUserId())
        .contains(people.doctor(), people.counsellor(), people.lineManager());
    assertThat(audit.forCase(people.caseId())).anySatisfy(event -> {
      assertThat(event.action()).isEqualTo(AuditAction.READ);
      assertThat(event.actorUserId()).isEqualTo(people.doctor());
      assertThat(event.domain()).isEqualTo(Domain.SELF_REPORTS);
    });
  }
}
