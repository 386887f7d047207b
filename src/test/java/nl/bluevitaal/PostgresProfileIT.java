package nl.bluevitaal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import nl.bluevitaal.support.WebSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production configuration on a real PostgreSQL server: Flyway migrations, the engine's own schema, no demo
 * accounts, the initial administrator from the environment, and a case that runs on the engine.
 */
@PostgresIntegrationTest
class PostgresProfileIT {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  CaseRegistry caseRegistry;
  @Autowired
  CaseFixtures fixtures;

  @Test
  void runsOnPostgresql() {
    String product = jdbc.sql("select version()").query(String.class).single();

    assertThat(product).startsWith("PostgreSQL");
  }

  @Test
  void flywayOwnsOurTablesAndAppliedEveryMigration() {
    List<Boolean> results = jdbc.sql("select success from flyway_schema_history where version is not null")
        .query(Boolean.class).list();

    assertThat(results).isNotEmpty().containsOnly(true);
    assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'reintegration_case'")
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void theEngineCreatedItsOwnSchema() {
    List<String> versions = jdbc.sql("select version_ from act_ge_schema_log").query(String.class).list();

    assertThat(versions).contains("7.24.0");
  }

  @Test
  void theModelsAreDeployedFromTheTopLevelFolders() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ReintegrationJourney")
        .count()).isPositive();
  }

  @Test
  void thereAreNoDemoAccountsOnlyTheInitialAdministrator() {
    // Other tests sharing this database add their own users; none of them is a demo account.
    assertThat(identityService.createUserQuery().list()).extracting(u -> u.getId()).contains("beheer")
        .doesNotContain("anna", "bram", "carla", "dirk", "eva", "frank", "gerda", "hans", "demo");
    assertThat(identityService.createUserQuery().userId("beheer").memberOfGroup("administrator").count())
        .isEqualTo(1);
    assertThat(new WebSession(port).login("anna", "demo").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
  }

  @Test
  void theInitialAdministratorCanLogIn() {
    HttpResponse<String> users = new Api(port).get("beheer", "s3cret-start", "/engine-rest/user");

    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body()).contains("beheer");
  }

  @Test
  void aSickReportOpensACaseWithItsJourney() {
    UUID caseId = fixtures.sickCase(SickCase.of(null, "Test Persoon").since(LocalDate.now().minusDays(3)));

    assertThat(caseRegistry.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
        .processDefinitionKey("ReintegrationJourney").count())
        .isEqualTo(1);
  }
}
