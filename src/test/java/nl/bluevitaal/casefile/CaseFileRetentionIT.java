package nl.bluevitaal.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.RetentionRule;
import nl.bluevitaal.privacy.RetentionTargets;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case file's side of retention: what expires when, and that the medical file outlives the case row. */
@PostgresIntegrationTest
class CaseFileRetentionIT {

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  RetentionTargets targets;
  @Autowired
  JdbcClient jdbc;

  @Test
  void eachRuleDeletesItsOwnDomainsAndTheMedicalFileOutlivesTheCase() {
    People world = fixtures.people("cr");
    Api api = new Api(port);
    UUID caseId = world.caseId();
    api.post(world.counsellor(), Api.cases(caseId) + "/documents",
        "{\"type\": \"PLAN_OF_ACTION\", \"title\": \"Plan\", \"content\": \"Opbouw\"}");
    api.post(world.doctor(), Api.cases(caseId) + "/medical-notes", "{\"text\": \"Notitie\"}");
    OffsetDateTime now = OffsetDateTime.now();

    assertThat(targets.expiredCases(RetentionRule.REINTEGRATION_FILE, now.plusYears(3), 10_000)).doesNotContain(caseId);
    registry.enterPhase(caseId, Phase.CLOSED);
    assertThat(targets.expiredCases(RetentionRule.REINTEGRATION_FILE, now.minusDays(1), 10_000))
        .doesNotContain(caseId);
    assertThat(targets.expiredCases(RetentionRule.REINTEGRATION_FILE, now.plusYears(3), 10_000)).contains(caseId);

    Map<Domain, Integer> file = targets.delete(caseId, RetentionRule.REINTEGRATION_FILE);
    assertThat(file.get(Domain.REINTEGRATION)).isEqualTo(1);
    assertThat(targets.expiredCases(RetentionRule.REINTEGRATION_FILE, now.plusYears(3), 10_000)).doesNotContain(caseId);

    assertThat(targets.expiredCases(RetentionRule.ADMINISTRATIVE, now.plusYears(3), 10_000)).doesNotContain(caseId);
    registry.recordEmploymentEnd(registry.get(caseId).employeeId(), LocalDate.now());
    assertThat(targets.expiredCases(RetentionRule.ADMINISTRATIVE, now.plusYears(3), 10_000)).contains(caseId);
    assertThat(targets.delete(caseId, RetentionRule.ADMINISTRATIVE).get(Domain.ADMINISTRATIVE)).isPositive();
    assertThat(jdbc.sql("select count(*) from reintegration_case where id = :c").param("c", caseId)
        .query(Integer.class).single()).isZero();

    assertThat(targets.expiredCases(RetentionRule.MEDICAL_FILE, now.plusYears(3), 10_000)).contains(caseId);
    assertThat(targets.expiredCases(RetentionRule.MEDICAL_FILE, now.minusDays(1), 10_000)).doesNotContain(caseId);
    assertThat(targets.delete(caseId, RetentionRule.MEDICAL_FILE)).containsEntry(Domain.MEDICAL, 1);
    assertThat(targets.delete(caseId, RetentionRule.MEDICAL_FILE)).containsEntry(Domain.MEDICAL, 0);
  }
}
