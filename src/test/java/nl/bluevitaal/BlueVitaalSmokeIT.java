package nl.bluevitaal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseSummary;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.DemoAppTest;
import nl.bluevitaal.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Boots the whole application on the embedded default, demo users and demo caseload included, and uses it the way
 * people do: through the login form, the REST API and the Camunda webapps.
 */
@DemoAppTest
class BlueVitaalSmokeIT {

  @LocalServerPort
  int port;

  @Autowired
  CaseRegistry caseRegistry;

  @Autowired
  JourneyTasks journeyTasks;

  static Stream<Arguments> demoUsers() {
    return Stream.of(
        Arguments.of("anna", "Anna Zonnebloem"),
        Arguments.of("bram", "Bram Waterlelie"),
        Arguments.of("carla", "Carla Korenbloem"),
        Arguments.of("dirk", "Dirk Klaproos"),
        Arguments.of("eva", "Eva Lavendel"),
        Arguments.of("frank", "Frank Distelvink"),
        Arguments.of("gerda", "Gerda Heidebloem"),
        Arguments.of("hans", "Hans Boterbloem"),
        Arguments.of("demo", "Demo Beheerder"));
  }

  @ParameterizedTest(name = "{0} logs in and sees their home page")
  @MethodSource("demoUsers")
  void everyDemoUserLogsInThroughTheForm(String user, String displayName) {
    WebSession session = new WebSession(port);

    HttpResponse<String> login = session.login(user, "demo");

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    HttpResponse<String> home = session.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains(displayName);
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhyAndKeepsTheUserName() {
    WebSession session = new WebSession(port);

    // Not a demo user: Camunda delays the next login of an account after a wrong password.
    HttpResponse<String> login = session.login("niemand", "wrong");

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    assertThat(session.get("/login?error").body()).contains("value=\"niemand\"");
  }

  @Test
  void theDemoCaseloadCoversEveryPhaseWithSomeDeadlinesMissed() {
    List<CaseSummary> cases = Stream.of(CaseStatus.values())
        .flatMap(status -> caseRegistry.casesWithStatus(status).stream()).toList();

    // 130 cases of today and 60 of the last two years that have ended (bluevitaal.demo.*-count).
    assertThat(cases).hasSize(190);
    assertThat(cases).extracting(CaseSummary::phase).containsAll(EnumSet.allOf(Phase.class));
    assertThat(cases).filteredOn(CaseSummary::overdue).hasSizeGreaterThanOrEqualTo(5);
    assertThat(cases).filteredOn(c -> c.status() == CaseStatus.OPEN && c.nextDeadlineOn() != null).isNotEmpty();
    for (String employee : List.of("anna", "bram")) {
      UUID employeeId = caseRegistry.employeeByUserId(employee).orElseThrow().id();
      assertThat(caseRegistry.casesOfEmployee(employeeId)).singleElement().satisfies(c -> {
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.lineManagerUserId()).isEqualTo("eva");
        assertThat(c.counsellorUserId()).isEqualTo("carla");
      });
    }
  }

  @Test
  void annaReadsHerProblemAnalysisBeforeItIsReleased() {
    UUID annasCase = caseRegistry.casesOfEmployee(caseRegistry.employeeByUserId("anna").orElseThrow().id())
        .get(0).id();

    assertThat(journeyTasks.openSteps(annasCase)).extracting(OpenStep::stepKey, OpenStep::assignee)
        .contains(org.assertj.core.groups.Tuple.tuple("Task_ReviewProblemAnalysis", "anna"));
  }

  @ParameterizedTest(name = "anonymous {0} is refused")
  @ValueSource(strings = {"/api/poortwachter/timeline", "/api/docs", "/engine-rest/task", "/engine-rest/engine",
      "/engine-rest/process-definition", "/engine-rest/user", "/camunda/api/engine/engine/default/task/count"})
  void anonymousCallersGetNothingFromTheApis(String path) {
    HttpResponse<String> response = new WebSession(port).get(path);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("ReintegrationJourney");
  }

  @ParameterizedTest(name = "anonymous {0} goes to the login page")
  @ValueSource(strings = {"/", "/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/"})
  void anonymousVisitorsOfPagesAndWebappsAreSentToLogin(String path) {
    HttpResponse<String> response = new WebSession(port).get(path);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void theHealthProbeAnswersAnonymously() {
    HttpResponse<String> response = new WebSession(port).get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("UP");
  }

  @Test
  void aCounsellorSeesTasksThroughTheEngineRestApi() {
    HttpResponse<String> response = new Api(port).get("carla", "demo",
        "/engine-rest/task?candidateUser=carla&maxResults=5");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("[").contains("\"id\"");
  }

  @Test
  void anEmployeeDoesNotUseTheEngineRestApi() {
    HttpResponse<String> response = new Api(port).get("anna", "demo", "/engine-rest/task");

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void theAdministratorManagesAccountsButSeesNoCases() {
    Api api = new Api(port);

    HttpResponse<String> users = api.get("demo", "demo", "/engine-rest/user?id=carla");
    HttpResponse<String> instances = api.get("demo", "demo", "/engine-rest/process-instance/count");
    HttpResponse<String> tasks = api.get("demo", "demo", "/engine-rest/task/count");

    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body()).contains("carla");
    assertThat(instances.body()).isEqualTo("{\"count\":0}");
    assertThat(tasks.body()).isEqualTo("{\"count\":0}");
  }

  @Test
  void theProcessOwnerSeesTheDeployedJourney() {
    HttpResponse<String> response = new Api(port).get("gerda", "demo",
        "/engine-rest/process-definition?key=ReintegrationJourney&latestVersion=true");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("ReintegrationJourney");
  }

  @ParameterizedTest(name = "{0} gets webapps {1}")
  @MethodSource("webappAccess")
  void oneLoginOpensExactlyTheCamundaWebappsOfTheRole(String user, String allowed, String refused) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");

    session.get("/camunda/app/welcome/default/");
    HttpResponse<String> auth = session.get("/camunda/api/admin/auth/user/default");

    assertThat(auth.statusCode()).isEqualTo(200);
    assertThat(auth.body()).contains("\"userId\":\"" + user + "\"");
    for (String app : allowed.split(",")) {
      assertThat(auth.body()).contains("\"" + app + "\"");
    }
    for (String app : refused.split(",")) {
      if (!app.isBlank()) {
        assertThat(auth.body()).doesNotContain("\"" + app + "\"");
      }
    }
  }

  static Stream<Arguments> webappAccess() {
    return Stream.of(
        Arguments.of("carla", "tasklist", "cockpit,admin"),
        Arguments.of("dirk", "tasklist", "cockpit,admin"),
        // Cockpit for the process owner, Admin for the administrator: nobody both manages accounts and watches the
        // running cases.
        Arguments.of("gerda", "cockpit", "tasklist,admin"),
        Arguments.of("demo", "admin", "tasklist,cockpit"));
  }

  @ParameterizedTest(name = "{0} does not get the Camunda webapps")
  @ValueSource(strings = {"anna", "eva", "frank", "hans"})
  void theCamundaWebappsAreForStaffOnly(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");

    assertThat(session.get("/camunda/app/welcome/default/").statusCode()).isEqualTo(403);
    assertThat(session.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(403);
  }
}
