package nl.bluevitaal.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case API for the day UWV received the 42-week notification and for pregnancy and birth leave, on PostgreSQL:
 * the counsellor records them and the deadlines follow, bad input is a 400 naming the field, a stale version 409,
 * and the line manager and the employee are refused and audited.
 */
@PostgresIntegrationTest
class UwvNotificationAndLeaveApiIT {

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  Clock clock;

  People world;
  Api api;
  LocalDate today;
  LocalDate firstSickDay;
  UUID caseId;
  String path;

  @BeforeEach
  void aCaseSickForThreeHundredAndTwentyDays() {
    world = fixtures.people("ul");
    api = new Api(port);
    today = LocalDate.now(clock);
    firstSickDay = today.minusDays(320);
    String employee = fixtures.user("emp-ul", Groups.EMPLOYEE);
    caseId = fixtures.sickCase(SickCase.of(employee, "Lelie " + world.tag()).team("Team " + world.tag(),
        world.lineManager()).counselledBy(world.counsellor(), world.doctor()).since(firstSickDay));
    path = Api.cases(caseId);
  }

  @Test
  void aLateReceiptMovesTheLastDeadlinesAndTheCaseSaysHowLate() {
    LocalDate uwvDeadline = firstSickDay.plusDays(7 * 42 - 1);
    LocalDate wia = registry.dueDate(caseId, Milestone.WIA_APPLICATION).orElseThrow();

    HttpResponse<String> response = api.put(world.counsellor(), path + "/uwv-notification",
        "{\"receivedOn\": \"" + uwvDeadline.plusDays(11) + "\", \"version\": " + version() + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode detail = Json.parse(response.body());
    assertThat(detail.path("uwvNotifiedOn").asText()).isEqualTo(uwvDeadline.plusDays(11).toString());
    JsonNode uwv = deadline(detail, "UWV_NOTIFICATION");
    assertThat(uwv.path("daysLate").asInt()).isEqualTo(10);
    assertThat(uwv.path("dueOn").asText()).isEqualTo(uwvDeadline.toString());
    assertThat(deadline(detail, "WIA_APPLICATION").path("dueOn").asText()).isEqualTo(wia.plusDays(10).toString());
  }

  @Test
  void aReceiptBeforeTheFirstSickDayIsA400NamingTheFieldAndAStaleOneA409() {
    HttpResponse<String> early = api.put(world.counsellor(), path + "/uwv-notification",
        "{\"receivedOn\": \"" + firstSickDay.minusDays(1) + "\", \"version\": " + version() + "}");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(Json.parse(early.body()).path("errors")).extracting(e -> e.path("field").asText())
        .containsExactly("receivedOn");

    HttpResponse<String> missing = api.put(world.counsellor(), path + "/uwv-notification", "{\"version\": 0}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(Json.parse(missing.body()).path("errors")).extracting(e -> e.path("field").asText())
        .containsExactly("receivedOn");

    String body = "{\"receivedOn\": \"" + today.minusDays(1) + "\", \"version\": " + version() + "}";
    assertThat(api.put(world.counsellor(), path + "/uwv-notification", body).statusCode()).isEqualTo(200);
    HttpResponse<String> stale = api.put(world.counsellor(), path + "/uwv-notification", body);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(Json.parse(stale.body()).path("currentVersion").asInt()).isEqualTo(registry.get(caseId).version());
  }

  @Test
  void aLeaveIsRecordedListedAndRemovedAndABadOneNamesItsField() {
    LocalDate recovered = today.minusDays(3);
    registry.reportFullRecovery(caseId, recovered);

    HttpResponse<String> overlapping = api.post(world.counsellor(), path + "/leaves",
        "{\"from\": \"" + recovered.minusDays(1) + "\", \"to\": \"" + recovered.plusDays(100) + "\"}");
    assertThat(overlapping.statusCode()).isEqualTo(400);
    assertThat(Json.parse(overlapping.body()).path("errors")).extracting(e -> e.path("field").asText())
        .containsExactly("from");
    HttpResponse<String> backwards = api.post(world.counsellor(), path + "/leaves",
        "{\"from\": \"" + recovered + "\", \"to\": \"" + recovered.minusDays(1) + "\"}");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(Json.parse(backwards.body()).path("errors")).extracting(e -> e.path("field").asText())
        .containsExactly("to");

    HttpResponse<String> created = api.post(world.counsellor(), path + "/leaves",
        "{\"from\": \"" + recovered + "\", \"to\": \"" + recovered.plusDays(111) + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String leaveId = Json.parse(created.body()).path("id").asText();
    assertThat(Json.parse(api.get(world.lineManager(), path).body()).path("leaves"))
        .extracting(l -> l.path("id").asText()).containsExactly(leaveId);

    assertThat(api.delete(world.counsellor(), path + "/leaves/" + leaveId).statusCode()).isEqualTo(204);
    assertThat(api.delete(world.counsellor(), path + "/leaves/" + leaveId).statusCode()).isEqualTo(409);
    assertThat(registry.leaves(caseId)).isEmpty();
  }

  @Test
  void theLineManagerAndTheEmployeeAreRefusedAndAudited() {
    String employee = registry.employeeOfCase(caseId).userId();
    String receipt = "{\"receivedOn\": \"" + today.minusDays(1) + "\", \"version\": " + version() + "}";
    String leave = "{\"from\": \"" + today.minusDays(1) + "\", \"to\": \"" + today + "\"}";
    for (String refused : List.of(world.lineManager(), employee)) {
      assertThat(api.put(refused, path + "/uwv-notification", receipt).statusCode()).as(refused).isEqualTo(403);
      assertThat(api.post(refused, path + "/leaves", leave).statusCode()).as(refused).isEqualTo(403);
      assertThat(api.delete(refused, path + "/leaves/" + UUID.randomUUID()).statusCode()).as(refused)
          .isEqualTo(403);
    }
    assertThat(auditTrail.forCase(caseId)).filteredOn(e -> e.action() == AuditAction.REFUSED)
        .extracting(AuditEvent::actorUserId)
        .containsOnly(world.lineManager(), employee).hasSize(6);
    assertThat(registry.uwvNotifiedOn(caseId)).isEmpty();

    assertThat(api.put(world.counsellor(), path + "/uwv-notification", receipt).statusCode()).isEqualTo(200);
  }

  private int version() {
    return registry.get(caseId).version();
  }

  private static JsonNode deadline(JsonNode detail, String milestone) {
    for (JsonNode deadline : detail.path("deadlines")) {
      if (deadline.path("milestone").asText().equals(milestone)) {
        return deadline;
      }
    }
    throw new AssertionError("no " + milestone + " in " + detail);
  }
}
