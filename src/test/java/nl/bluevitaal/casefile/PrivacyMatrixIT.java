package nl.bluevitaal.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role-by-domain matrix of docs/privacy.md, one row per cell: every role reads and writes every domain of a case it
 * is (or is not) related to, through the API. 200/201 allowed; 403 refused while the case is visible to the caller;
 * 404 when the caller may not know the case exists. Every refusal leaves an audit event.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyMatrixIT {

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  JdbcClient jdbc;

  People world;
  Api api;

  enum Role { EMPLOYEE, COUNSELLOR, CARE_PROFESSIONAL, COMPANY_DOCTOR, LINE_MANAGER, BUDDY, MANAGEMENT, ADMINISTRATOR }

  /** One cell's request: domain, read or write, and how it is made. */
  enum Cell {
    A_READ("GET", "", c -> null),
    A_WRITE("POST", "/work-capacity", c -> "{\"pct\": 40, \"version\": " + c.version + "}"),
    B_READ("GET", "/functional-advice", c -> null),
    B_WRITE("POST", "/documents", c -> """
        {"type": "PROBLEM_ANALYSIS_UPDATE", "title": "Bijstelling", "content": "Belastbaarheid gewijzigd",
         "functionalAdvice": {"limitations": "Geen nachtdiensten", "adjustments": "Halve dagen"}}"""),
    C_READ("GET", "/documents", c -> null),
    C_WRITE("POST", "/documents", c -> """
        {"type": "PLAN_OF_ACTION", "title": "Plan van aanpak", "content": "Opbouw in uren, evaluatie in week 12"}"""),
    D_READ("GET", "/medical-notes", c -> null),
    D_WRITE("POST", "/medical-notes", c -> "{\"text\": \"Consult, behandeling loopt\"}"),
    E_WRITE("POST", "/contact-requests", c -> "{\"with\": \"COUNSELLOR\", \"share\": true}"),
    F_READ("GET", "/support-network", c -> null),
    F_WRITE("POST", "/support-network", c -> "{\"kind\": \"HOME_FRONT\", \"name\": \"Partner\"}");

    final String method;
    final String path;
    final Function<Context, String> body;

    Cell(String method, String path, Function<Context, String> body) {
      this.method = method;
      this.path = path;
      this.body = body;
    }
  }

  record Context(int version) {
  }

  /** Columns in the order of {@link Cell}: A r/w, B r/w, C r/w, D r/w, E w, F r/w. */
  static final Map<Role, int[]> EXPECTED = Map.of(
      Role.EMPLOYEE, new int[] {200, 403, 200, 403, 200, 403, 200, 403, 201, 200, 201},
      Role.COUNSELLOR, new int[] {200, 200, 200, 403, 200, 201, 403, 403, 403, 200, 403},
      Role.CARE_PROFESSIONAL, new int[] {200, 200, 200, 201, 200, 201, 200, 201, 403, 200, 403},
      Role.COMPANY_DOCTOR, new int[] {200, 403, 200, 201, 200, 403, 200, 201, 403, 200, 403},
      Role.LINE_MANAGER, new int[] {200, 403, 200, 403, 200, 403, 403, 403, 403, 403, 403},
      Role.BUDDY, new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403},
      Role.MANAGEMENT, new int[] {404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404},
      Role.ADMINISTRATOR, new int[] {404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404});

  @BeforeAll
  void aCaseWithAReleasedProblemAnalysisAndABuddy() {
    world = fixtures.people("pm");
    api = new Api(port);
    for (UUID caseId : List.of(world.caseId(), world.careCaseId())) {
      releasedProblemAnalysis(caseId);
    }
    HttpResponse<String> buddy = api.post(world.employee(), Api.cases(world.caseId()) + "/support-network",
        "{\"kind\": \"BUDDY\", \"name\": \"Collega-buddy\", \"buddyUserId\": \"" + world.buddy() + "\"}");
    assertThat(buddy.statusCode()).isEqualTo(201);
  }

  private void releasedProblemAnalysis(UUID caseId) {
    String employee = registry.people(caseId).employeeUserId();
    HttpResponse<String> created = api.post(world.doctor(), Api.cases(caseId) + "/documents", """
        {"type": "PROBLEM_ANALYSIS", "title": "Probleemanalyse", "content": "Analyse zonder diagnose",
         "functionalAdvice": {"limitations": "Beperkt in drukte", "remainingAbilities": "Administratief werk",
                              "advice": "Opbouw in uren", "adjustments": "Rustige werkplek",
                              "expectedDuration": "3 maanden"}}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Json.field(created.body(), "id");
    String path = Api.cases(caseId) + "/documents/" + id + "/status";
    assertThat(api.post(world.doctor(), path, "{\"status\": \"FOR_EMPLOYEE_REVIEW\", \"version\": 0}").statusCode())
        .isEqualTo(200);
    assertThat(api.post(employee, path, "{\"status\": \"RELEASED\", \"version\": 1}").statusCode())
        .isEqualTo(200);
  }

  Stream<Arguments> cells() {
    List<Arguments> rows = new ArrayList<>();
    for (Role role : Role.values()) {
      for (Cell cell : Cell.values()) {
        rows.add(Arguments.of(role, cell, EXPECTED.get(role)[cell.ordinal()]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("cells")
  void eachCellOfTheMatrixHoldsThroughTheApi(Role role, Cell cell, int expected) {
    UUID caseId = role == Role.CARE_PROFESSIONAL ? world.careCaseId() : world.caseId();
    String user = userOf(role);
    long refusalsBefore = refusals(caseId, user);

    HttpResponse<String> response = api.send(user, cell.method, Api.cases(caseId) + cell.path,
        cell.body.apply(new Context(registry.get(caseId).version())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refusals(caseId, user)).as("the refusal is audited").isGreaterThan(refusalsBefore);
    }
    if (expected == 404) {
      UUID unknown = UUID.randomUUID();
      HttpResponse<String> noSuchCase = api.send(user, cell.method, Api.cases(unknown) + cell.path,
          cell.body.apply(new Context(0)));
      assertThat(response.body()).as("indistinguishable from a case that does not exist")
          .isEqualTo(noSuchCase.body().replace(unknown.toString(), caseId.toString()));
    }
  }

  private long refusals(UUID caseId, String user) {
    return jdbc.sql("select count(*) from audit_event where case_id = :c and actor_user_id = :u and action = 'REFUSED'")
        .param("c", caseId).param("u", user).query(Long.class).single();
  }

  private String userOf(Role role) {
    return switch (role) {
      case EMPLOYEE -> world.employee();
      case COUNSELLOR -> world.counsellor();
      case CARE_PROFESSIONAL -> world.careProfessional();
      case COMPANY_DOCTOR -> world.doctor();
      case LINE_MANAGER -> world.lineManager();
      case BUDDY -> world.buddy();
      case MANAGEMENT -> world.management();
      case ADMINISTRATOR -> world.administrator();
    };
  }
}
