package nl.bluevitaal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The notices API on PostgreSQL: the caller's own unread notices, newest first, and marking one read; someone else's
 * notice answers exactly like an unknown one (problem+json 404) and the refusal is recorded. The same notice sent
 * twice is one.
 */
@PostgresIntegrationTest
class NoticesApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  Notices notices;
  @Autowired
  AuditTrail audit;

  People people;
  Api api;

  @BeforeEach
  void aCase() {
    people = fixtures.people("na");
    api = new Api(port);
  }

  @Test
  void theCallerReadsTheirOwnUnreadNoticesNewestFirstAndMarksOneRead() throws Exception {
    notices.send(new Notice(people.counsellor(), people.caseId(), Notice.Kind.DEADLINE_WARNING,
        "Probleemanalyse: termijn over 14 dagen", LocalDate.of(2026, 2, 15)));
    notices.send(new Notice(people.counsellor(), people.caseId(), Notice.Kind.DEADLINE_WARNING,
        "Probleemanalyse: termijn over 14 dagen", LocalDate.of(2026, 2, 15)));
    notices.send(new Notice(people.counsellor(), people.caseId(), Notice.Kind.ESCALATION,
        "Probleemanalyse: termijn verstreken", null));
    notices.send(new Notice(people.doctor(), people.caseId(), Notice.Kind.DEADLINE_MISSED,
        "Voor de bedrijfsarts", LocalDate.of(2026, 2, 15)));

    HttpResponse<String> list = api.get(people.counsellor(), "/api/notices");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode unread = JSON.readTree(list.body());
    assertThat(unread).hasSize(2);
    assertThat(unread.get(0).path("kind").asText()).isEqualTo("ESCALATION");
    assertThat(unread.get(0).path("dueOn").isNull()).isTrue();
    JsonNode warning = unread.get(1);
    assertThat(warning.path("title").asText()).isEqualTo("Probleemanalyse: termijn over 14 dagen");
    assertThat(warning.path("dueOn").asText()).isEqualTo("2026-02-15");
    assertThat(warning.path("caseId").asText()).isEqualTo(people.caseId().toString());
    assertThat(warning.path("caseNumber").asText()).startsWith("BV-");

    HttpResponse<String> read = api.post(people.counsellor(), "/api/notices/" + warning.path("id").asText() + "/read",
        null);
    assertThat(read.statusCode()).isEqualTo(204);
    assertThat(api.post(people.counsellor(), "/api/notices/" + warning.path("id").asText() + "/read", null)
        .statusCode()).isEqualTo(204);

    assertThat(JSON.readTree(api.get(people.counsellor(), "/api/notices").body()))
        .extracting(n -> n.path("kind").asText()).containsExactly("ESCALATION");
  }

  @Test
  void someoneElsesNoticeIsAnUnknownOneAndTheRefusalIsRecorded() throws Exception {
    notices.send(new Notice(people.doctor(), people.caseId(), Notice.Kind.DEADLINE_MISSED, "Voor de bedrijfsarts",
        LocalDate.of(2026, 2, 15)));
    UUID doctorsNotice = notices.unread(people.doctor()).get(0).id();

    HttpResponse<String> refused = api.post(people.counsellor(), "/api/notices/" + doctorsNotice + "/read", null);
    HttpResponse<String> unknown = api.post(people.counsellor(), "/api/notices/" + UUID.randomUUID() + "/read",
        null);

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(refused.body()).path("detail"))
        .isEqualTo(JSON.readTree(unknown.body()).path("detail"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(api.get(people.counsellor(), "/api/notices").body())).isEmpty();
    assertThat(notices.unread(people.doctor())).hasSize(1);
    assertThat(audit.forCase(people.caseId())).anySatisfy(event -> {
      assertThat(event.action()).isEqualTo(AuditAction.REFUSED);
      assertThat(event.actorUserId()).isEqualTo(people.counsellor());
      assertThat(event.what()).contains("notice " + doctorsNotice);
    });
  }
}
