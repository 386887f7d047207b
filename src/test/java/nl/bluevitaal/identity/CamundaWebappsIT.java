package nl.bluevitaal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import nl.bluevitaal.support.WebSession;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps behind the BlueVitaal login: each opens straight on its own page for its own roles, and Camunda's
 * "create the first administrator" page and endpoint, which used to let any staff account make itself an engine
 * superuser, exist for nobody.
 */
@DemoAppTest
class CamundaWebappsIT {

  private static final String INTRUDER = "zelfgemaakte-beheerder";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  CaseFixtures fixtures;

  static Stream<Arguments> webappsOfTheirRoles() {
    return Stream.of(Arguments.of(Groups.COUNSELLOR, "tasklist"), Arguments.of(Groups.COMPANY_DOCTOR, "tasklist"),
        Arguments.of(Groups.PROCESS_OWNER, "cockpit"), Arguments.of(Groups.ADMINISTRATOR, "admin"));
  }

  @ParameterizedTest(name = "a {0} opens {1} on its own page, not on the setup page")
  @MethodSource("webappsOfTheirRoles")
  void eachWebappOpensForItsRolesWithoutTheSetupPage(String group, String app) {
    WebSession session = new WebSession(port);
    session.login(fixtures.user("cw", group), CaseFixtures.PASSWORD);

    HttpResponse<String> index = session.get("/camunda/app/" + app + "/default/");

    assertThat(index.statusCode()).as(index.headers().firstValue("Location").orElse("")).isEqualTo(200);
    assertThat(index.body()).contains("/camunda/app/" + app + "/default/");
  }

  @ParameterizedTest(name = "a {0} cannot create an engine administrator")
  @ValueSource(strings = {Groups.PROCESS_OWNER, Groups.ADMINISTRATOR, Groups.COUNSELLOR})
  void theSetupPageAndItsEndpointAreClosedToEveryone(String group) {
    WebSession session = new WebSession(port);
    session.login(fixtures.user("cw", group), CaseFixtures.PASSWORD);
    session.get("/camunda/app/welcome/default/");
    String xsrf = session.cookie("XSRF-TOKEN");

    HttpResponse<String> page = session.get("/camunda/app/admin/default/setup/");
    HttpResponse<String> created = session.send("POST", "/camunda/api/admin/setup/default/user/create", """
        {"profile": {"id": "%s", "firstName": "Zelf", "lastName": "Gemaakt"},
         "credentials": {"password": "Superuser-2026"}}""".formatted(INTRUDER),
        "Content-Type", "application/json", "X-XSRF-TOKEN", xsrf == null ? "" : xsrf);

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(created.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId(INTRUDER).count()).isZero();
  }

  @Test
  void theAdminWebappItselfKeepsTheSeparationOfDuties() {
    WebSession admin = new WebSession(port);
    admin.login("demo", "demo");
    admin.get("/camunda/app/admin/default/");
    String xsrf = admin.cookie("XSRF-TOKEN");

    // What Admin's own pages call: the engine's REST API inside the webapp, with Admin's CSRF token.
    HttpResponse<String> ownMembership = admin.send("PUT",
        "/camunda/api/engine/engine/default/group/process-owner/members/demo", null, "X-XSRF-TOKEN", xsrf);
    HttpResponse<String> counsellorAsAdministrator = admin.send("PUT",
        "/camunda/api/engine/engine/default/group/administrator/members/carla", null, "X-XSRF-TOKEN", xsrf);
    HttpResponse<String> users = admin.send("GET", "/camunda/api/engine/engine/default/user?maxResults=5", null,
        "X-XSRF-TOKEN", xsrf);

    assertThat(ownMembership.statusCode()).isEqualTo(403);
    assertThat(counsellorAsAdministrator.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("demo").memberOfGroup("process-owner").count()).isZero();
    assertThat(identityService.createUserQuery().userId("carla").memberOfGroup("administrator").count()).isZero();
    assertThat(users.statusCode()).as("Admin still lists the accounts").isEqualTo(200);
  }

  @Test
  void anAnonymousCallerCannotCreateOneEither() {
    HttpResponse<String> created = new WebSession(port).send("POST", "/camunda/api/admin/setup/default/user/create",
        "{\"profile\": {\"id\": \"" + INTRUDER + "\"}, \"credentials\": {\"password\": \"Superuser-2026\"}}",
        "Content-Type", "application/json");

    assertThat(created.statusCode()).isEqualTo(401);
    assertThat(identityService.createUserQuery().userId(INTRUDER).count()).isZero();
  }
}
