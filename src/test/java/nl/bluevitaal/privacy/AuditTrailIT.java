package nl.bluevitaal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every read of B–F and every refusal lands in the audit trail, which only the employee reads and nobody changes. */
@PostgresIntegrationTest
class AuditTrailIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  AccessPolicy policy;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;

  People file;
  Api api;

  @BeforeEach
  void aCase() {
    file = fixtures.people("au");
    api = new Api(port);
  }

  @Test
  void readsAndRefusalsAreRecordedWithWhoRoleWhatCaseAndWhen() {
    assertThat(api.get(file.doctor(), "/api/cases/" + file.caseId() + "/medical-notes").statusCode()).isEqualTo(200);
    assertThat(api.get(file.lineManager(), "/api/cases/" + file.caseId() + "/medical-notes").statusCode())
        .isEqualTo(403);
    assertThat(api.get(file.counsellor(), "/api/cases/" + file.caseId()).statusCode()).isEqualTo(200);

    // The refusal is recorded once, where it is answered; domain A (the case itself) is not audited on read.
    assertThat(auditTrail.forCase(file.caseId()))
        .extracting(AuditEvent::actorUserId, AuditEvent::actorRole, AuditEvent::action, AuditEvent::domain,
            AuditEvent::what)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file.doctor(), Groups.COMPANY_DOCTOR, AuditAction.READ, Domain.MEDICAL,
                "medical notes"),
            org.assertj.core.groups.Tuple.tuple(file.lineManager(), Groups.LINE_MANAGER, AuditAction.REFUSED,
                Domain.MEDICAL, "read medical notes"));
    assertThat(auditTrail.forCase(file.caseId())).allSatisfy(e -> {
      assertThat(e.caseId()).isEqualTo(file.caseId());
      assertThat(e.occurredAt()).isNotNull();
    });
  }

  @Test
  void aRefusedWriteIsRecordedWhileNothingOfItIsKept() {
    HttpResponse<String> refused = api.post(file.otherCounsellor(), "/api/cases/" + file.caseId() + "/goals",
        "{\"title\": \"Doel\", \"progress\": 0}");
    assertThat(refused.statusCode()).isEqualTo(404);
    // A read inside a read-only transaction is recorded as well.
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setReadOnly(true);
    transaction.executeWithoutResult(tx -> policy.check(file.asCounsellor(),
        file.caseId(), Domain.REINTEGRATION, Access.READ, "plan of action"));

    assertThat(api.get(file.counsellor(), "/api/cases/" + file.caseId() + "/goals").body()).isEqualTo("[]");
    assertThat(auditTrail.forCase(file.caseId())).extracting(AuditEvent::actorUserId, AuditEvent::action)
        .startsWith(org.assertj.core.groups.Tuple.tuple(file.otherCounsellor(), AuditAction.REFUSED),
            org.assertj.core.groups.Tuple.tuple(file.counsellor(), AuditAction.READ));
  }

  @Test
  void aWriteThatRollsBackLeavesNoWriteEvent() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
      policy.check(file.asDoctor(), file.caseId(), Domain.MEDICAL, Access.WRITE,
          "medical note");
      throw new IllegalStateException("the write itself failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(auditTrail.forCase(file.caseId())).isEmpty();
  }

  @Test
  void theEmployeeSeesWhoLookedAtTheirFile() throws Exception {
    policy.check(file.asDoctor(), file.caseId(), Domain.FUNCTIONAL, Access.READ,
        "problem analysis v1");

    HttpResponse<String> response = api.get(file.employee(), "/api/cases/" + file.caseId() + "/audit");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode events = JSON.readTree(response.body());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("actorUserId").asText()).isEqualTo(file.doctor());
    assertThat(events.get(0).get("actorRole").asText()).isEqualTo(Groups.COMPANY_DOCTOR);
    assertThat(events.get(0).get("action").asText()).isEqualTo("READ");
    assertThat(events.get(0).get("domain").asText()).isEqualTo("FUNCTIONAL");
    assertThat(events.get(0).get("what").asText()).isEqualTo("problem analysis v1");
    assertThat(events.get(0).get("occurredAt").asText()).isNotBlank();
  }

  @Test
  void nobodyButTheEmployeeReadsTheTrailAndOutsidersCannotTellTheCaseExists() throws Exception {
    String path = "/api/cases/" + file.caseId() + "/audit";

    for (String party : new String[] {file.counsellor(), file.doctor(), file.lineManager()}) {
      HttpResponse<String> forbidden = api.get(party, path);
      assertThat(forbidden.statusCode()).as(party).isEqualTo(403);
      assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
    }
    HttpResponse<String> unknown = api.get(file.otherCounsellor(), "/api/cases/" + UUID.randomUUID() + "/audit");
    for (String outsider : new String[] {file.otherCounsellor(), file.otherDoctor(), file.administrator(),
        file.processOwner()}) {
      HttpResponse<String> hidden = api.get(outsider, path);
      assertThat(hidden.statusCode()).as(outsider).isEqualTo(404);
      assertThat(withoutInstance(hidden.body())).as(outsider).isEqualTo(withoutInstance(unknown.body()));
    }
    // Each refusal is itself in the trail.
    assertThat(auditTrail.forCase(file.caseId())).filteredOn(e -> e.action() == AuditAction.REFUSED).hasSize(7);
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveAnEvent() {
    policy.check(file.asDoctor(), file.caseId(), Domain.MEDICAL, Access.READ, "notes");
    long id = auditTrail.forCase(file.caseId()).get(0).id();

    assertThatThrownBy(() -> jdbc.sql("update audit_event set what = 'nothing' where id = :id").param("id", id)
        .update()).isInstanceOf(DataAccessException.class).satisfies(AuditTrailIT::refusedByTheTrigger);
    assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
        .isInstanceOf(DataAccessException.class).satisfies(AuditTrailIT::refusedByTheTrigger);
    assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
        .isInstanceOf(DataAccessException.class).satisfies(AuditTrailIT::refusedByTheTrigger);

    assertThat(auditTrail.forCase(file.caseId())).singleElement()
        .satisfies(e -> assertThat(e.what()).isEqualTo("notes"));
  }

  private static void refusedByTheTrigger(Throwable e) {
    assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e)).hasMessageContaining(
        "audit_event is append-only");
  }

  private static String withoutInstance(String body) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode problem = (com.fasterxml.jackson.databind.node.ObjectNode)
        JSON.readTree(body);
    problem.remove("instance");
    return problem.toString();
  }
}
