package nl.bluevitaal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The engine's own authorizations, seen through its REST API (what Tasklist and Cockpit use): a counsellor sees the
 * tasks of their own cases only, the administrator no process data at all, the process owner the running cases.
 */
@PostgresIntegrationTest
class EngineAuthorizationsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  Accounts accounts;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  ApplicationContext context;
  @Autowired
  org.camunda.bpm.engine.HistoryService historyService;
  @Autowired
  org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  People mine;
  People theirs;
  Api api;

  @BeforeEach
  void twoCasesWithTheirOwnCounsellors() {
    mine = fixtures.people("ea");
    theirs = fixtures.people("eb");
    api = new Api(port);
  }

  @Test
  void aCounsellorSeesOnlyTheTasksOfTheirOwnCases() throws Exception {
    // The counsellor's own cases: the employee's and the other employee's (another team, same counsellor).
    Set<String> myInstances = instancesOf(mine.caseId(), mine.otherCaseId());
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(mine.caseId().toString()).count())
        .as("the journey starts with a counsellor task").isPositive();

    JsonNode tasks = json(api.get(mine.counsellor(), "/engine-rest/task?maxResults=1000"));

    assertThat(tasks).isNotEmpty();
    // Besides their own cases' tasks, a counsellor sees only steps of cases that have no counsellor yet: those are
    // offered to the whole group so they are not lost (JourneyPeople); other counsellors' cases never.
    assertThat(StreamSupport.stream(tasks.spliterator(), false))
        .allMatch(t -> myInstances.contains(t.get("processInstanceId").asText())
            || offeredToTheWholeGroup(t.get("id").asText()));
    assertThat(StreamSupport.stream(tasks.spliterator(), false).map(t -> t.get("processInstanceId").asText()))
        .containsAnyElementsOf(myInstances);
    assertThat(json(api.get(mine.counsellor(), "/engine-rest/task/count?processInstanceBusinessKey="
        + theirs.caseId())).get("count").asLong()).isZero();
    assertThat(json(api.get(theirs.counsellor(), "/engine-rest/task/count?processInstanceBusinessKey="
        + theirs.caseId())).get("count").asLong()).isPositive();
    // No case-wide view of instances or history either.
    assertThat(json(api.get(mine.counsellor(), "/engine-rest/process-instance/count")).get("count").asLong())
        .isZero();
    assertThat(json(api.get(mine.counsellor(), "/engine-rest/history/process-instance/count")).get("count")
        .asLong()).isZero();
  }

  @Test
  void theAdministratorSeesNoProcessDataWhileCasesExist() throws Exception {
    assertThat(runtimeService.createProcessInstanceQuery().count()).isPositive();
    assertThat(taskService.createTaskQuery().count()).isPositive();

    for (String path : List.of("/engine-rest/task/count", "/engine-rest/process-instance/count",
        "/engine-rest/history/process-instance/count", "/engine-rest/history/task/count",
        "/engine-rest/history/variable-instance/count", "/engine-rest/variable-instance/count")) {
      HttpResponse<String> response = api.get(mine.administrator(), path);
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
      assertThat(json(response).get("count").asLong()).as(path).isZero();
    }
    // ...but manages accounts.
    assertThat(api.get(mine.administrator(), "/engine-rest/user/count").statusCode()).isEqualTo(200);
    assertThat(json(api.get(mine.administrator(), "/engine-rest/user/count")).get("count").asLong()).isPositive();
  }

  @Test
  void theProcessOwnerSeesTheRunningCases() throws Exception {
    long running = runtimeService.createProcessInstanceQuery().count();

    assertThat(json(api.get(mine.processOwner(), "/engine-rest/process-instance/count")).get("count").asLong())
        .isEqualTo(running);
  }

  @Test
  void theCareProfessionalGroupExistsUnderThePolicysName() {
    assertThat(identityService.createGroupQuery().groupId(Roles.CARE_PROFESSIONAL).count()).isOne();
  }

  @Test
  void aCaseWideTaskGrantIsRemovedOnTheNextStart() throws Exception {
    Authorization leak = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    leak.setGroupId(Groups.COUNSELLOR);
    leak.setResource(Resources.TASK);
    leak.setResourceId(Authorization.ANY);
    leak.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(leak);
    Authorization wide = authorizationService.createAuthorizationQuery().groupIdIn(Groups.COUNSELLOR)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    wide.addPermission(Permissions.READ_TASK);
    authorizationService.saveAuthorization(wide);
    assertThat(json(api.get(mine.counsellor(), "/engine-rest/task/count?processInstanceBusinessKey="
        + theirs.caseId())).get("count").asLong()).as("the leak works").isPositive();

    ReflectionTestUtils.invokeMethod(context.getBean("identityBootstrap"), "bootstrap");

    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(Authorization.ANY).count()).isZero();
    assertThat(json(api.get(mine.counsellor(), "/engine-rest/task/count?processInstanceBusinessKey="
        + theirs.caseId())).get("count").asLong()).isZero();
    // Tasklist still opens: the definitions stay readable.
    assertThat(authorizationService.isUserAuthorized(mine.counsellor(), List.of(Groups.COUNSELLOR), Permissions.READ,
        Resources.PROCESS_DEFINITION, Authorization.ANY)).isTrue();
  }

  // --- separation of duties (issue 11): the administrator manages accounts and reaches no case data ---

  @Test
  void theAdministratorCannotGrantThemselvesCaseData() throws Exception {
    HttpResponse<String> grant = api.post(mine.administrator(), "/engine-rest/authorization/create", """
        {"type": 1, "permissions": ["READ"], "userId": "%s", "resourceType": 8, "resourceId": "*"}"""
        .formatted(mine.administrator()));

    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(403);
    assertThat(authorizationService.createAuthorizationQuery().userIdIn(mine.administrator())
        .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
    assertThat(json(api.get(mine.administrator(), "/engine-rest/process-instance/count")).get("count").asLong())
        .isZero();
    assertThat(refusalsBy(mine.administrator())).anyMatch(e -> e.what().equals(
        "engine POST /engine-rest/authorization/create"));
  }

  @Test
  void theAdministratorReadsNoGrantsThatNameTheEmployeesWhoAreSick() throws Exception {
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).count()).isPositive();

    assertThat(json(api.get(mine.administrator(), "/engine-rest/authorization?resourceType=7"))).isEmpty();
    assertThat(json(api.get(mine.administrator(), "/engine-rest/authorization/count")).get("count").asLong())
        .isZero();
  }

  @Test
  void theAdministratorCannotJoinAGroupThatReachesCasesOrProcesses() throws Exception {
    for (String group : Groups.WITH_CASE_OR_PROCESS_ACCESS) {
      HttpResponse<String> joined = api.put(mine.administrator(),
          "/engine-rest/group/" + group + "/members/" + mine.administrator(), "");
      assertThat(joined.statusCode()).as(group + ": " + joined.body()).isEqualTo(403);
    }
    // Another administrator cannot put them there either: it is the combination that is refused, not the caller.
    HttpResponse<String> byColleague = api.put(theirs.administrator(),
        "/engine-rest/group/" + Groups.PROCESS_OWNER + "/members/" + mine.administrator(), "");
    assertThat(byColleague.statusCode()).isEqualTo(403);
    assertThat(byColleague.body()).contains("Scheiding van functies");

    assertThat(identityService.createGroupQuery().groupMember(mine.administrator()).list())
        .extracting(g -> g.getId()).containsExactly(Groups.ADMINISTRATOR);
    assertThat(refusalsBy(theirs.administrator())).anyMatch(e -> e.what().equals(
        "accounts: membership " + mine.administrator() + " -> " + Groups.PROCESS_OWNER));
  }

  @Test
  void anAccountThatReachesCasesNeverBecomesAnAdministrator() {
    HttpResponse<String> made = api.put(theirs.administrator(),
        "/engine-rest/group/" + Groups.ADMINISTRATOR + "/members/" + mine.counsellor(), "");

    assertThat(made.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId(mine.counsellor()).memberOfGroup(Groups.ADMINISTRATOR).count())
        .isZero();
    // The same rule holds for BlueVitaal's own code (demo users, the initial administrator).
    assertThatThrownBy(() -> accounts.ensureUser(mine.counsellor(), "x", "y", null, "pw",
        List.of(Groups.ADMINISTRATOR)))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void nobodyChangesTheirOwnMemberships() {
    HttpResponse<String> left = api.delete(mine.administrator(),
        "/engine-rest/group/" + Groups.ADMINISTRATOR + "/members/" + mine.administrator());

    assertThat(left.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId(mine.administrator()).memberOfGroup(Groups.ADMINISTRATOR)
        .count()).isOne();
  }

  @Test
  void theAdministratorManagesAccountsAndEveryChangeIsAudited() throws Exception {
    String newcomer = "nieuw" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> created = api.post(mine.administrator(), "/engine-rest/user/create", """
        {"profile": {"id": "%s", "firstName": "Nieuwe", "lastName": "Begeleider"},
         "credentials": {"password": "Lang-genoeg-wachtwoord-1"}}""".formatted(newcomer));
    HttpResponse<String> joined = api.put(mine.administrator(),
        "/engine-rest/group/" + Groups.COUNSELLOR + "/members/" + newcomer, "");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(204);
    assertThat(jdbc.sql("""
            select what from audit_event where actor_user_id = :admin and action = 'WRITE' order by id""")
        .param("admin", mine.administrator()).query(String.class).list())
        .containsSubsequence("accounts: account created: " + newcomer,
            "accounts: membership added: " + newcomer + " -> " + Groups.COUNSELLOR);
  }

  @Test
  void theEnginesAdministratorGroupHoldsOnlyTheLockedSystemAccount() {
    assertThat(identityService.createUserQuery().memberOfGroup(org.camunda.bpm.engine.authorization.Groups
        .CAMUNDA_ADMIN).list()).extracting(u -> u.getId()).containsExactly("bluevitaal-system");

    // Nobody signs in as it, whatever the password.
    assertThat(api.get("bluevitaal-system", "anything", "/api/cases").statusCode()).isEqualTo(401);
    // Nobody joins the group: not through the REST API, not even BlueVitaal's own code.
    assertThat(api.put(theirs.administrator(), "/engine-rest/group/camunda-admin/members/" + mine.administrator(), "")
        .statusCode()).isEqualTo(403);
    assertThatThrownBy(() -> identityService.createMembership(mine.counsellor(),
        org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)).isInstanceOf(AuthorizationException.class);
    // Nor changes the account to sign in as it.
    assertThat(api.put(mine.administrator(), "/engine-rest/user/bluevitaal-system/credentials", """
        {"password": "Overgenomen-123", "authenticatedUserPassword": "%s"}""".formatted(CaseFixtures.PASSWORD))
        .statusCode()).isEqualTo(403);
    assertThat(api.get("bluevitaal-system", "Overgenomen-123", "/api/cases").statusCode()).isEqualTo(401);
  }

  @Test
  void theStartRemovesWhatAnEarlierVersionOrAHandMadeGrantAllowed() throws Exception {
    // What an earlier version or a hand-made change left: a case-wide grant for one administrator, an account right
    // beyond accounts for the group, and an administrator who is also process owner (written past the guard).
    Authorization leak = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    leak.setUserId(mine.administrator());
    leak.setResource(Resources.PROCESS_INSTANCE);
    leak.setResourceId(Authorization.ANY);
    leak.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(leak);
    Authorization system = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    system.setGroupId(Groups.ADMINISTRATOR);
    system.setResource(Resources.SYSTEM);
    system.setResourceId(Authorization.ANY);
    system.addPermission(Permissions.ALL);
    authorizationService.saveAuthorization(system);
    jdbc.sql("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (:u, :g)")
        .param("u", mine.administrator()).param("g", Groups.PROCESS_OWNER).update();
    assertThat(json(api.get(mine.administrator(), "/engine-rest/process-instance/count")).get("count").asLong())
        .as("the leak works").isPositive();

    ReflectionTestUtils.invokeMethod(context.getBean("identityBootstrap"), "bootstrap");

    assertThat(authorizationService.createAuthorizationQuery().userIdIn(mine.administrator())
        .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.ADMINISTRATOR)
        .resourceType(Resources.SYSTEM).count()).isZero();
    assertThat(identityService.createUserQuery().userId(mine.administrator()).memberOfGroup(Groups.ADMINISTRATOR)
        .count()).as("the smaller power goes").isZero();
    assertThat(jdbc.sql("select count(*) from audit_event where what = :what").param("what",
        "accounts: membership removed: " + mine.administrator() + " -> " + Groups.ADMINISTRATOR).query(Long.class)
        .single()).isOne();
  }

  // --- the process owner watches the running cases and changes nothing ---

  @Test
  void theProcessOwnerReadsNoVariableOfAnyCase() throws Exception {
    String instance = instancesOf(mine.caseId()).iterator().next();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).count())
        .as("the case has variables").isPositive();

    assertThat(json(api.get(mine.processOwner(), "/engine-rest/history/variable-instance/count")).get("count")
        .asLong()).isZero();
    assertThat(json(api.get(mine.processOwner(), "/engine-rest/variable-instance/count")).get("count").asLong())
        .isZero();
    assertThat(api.get(mine.processOwner(), "/engine-rest/process-instance/" + instance + "/variables").statusCode())
        .isEqualTo(403);
    assertThat(json(api.get(mine.processOwner(), "/engine-rest/history/decision-instance/count")).get("count")
        .asLong()).as("decision inputs are variables too").isZero();
    assertThat(json(api.get(mine.processOwner(), "/engine-rest/task/count")).get("count").asLong())
        .as("tasks name the people of a case").isZero();
  }

  @Test
  void theProcessOwnerDeploysAndStartsNothing() {
    HttpResponse<String> deployed = api.postMultipart(mine.processOwner(), "/engine-rest/deployment/create", Map.of(
        "deployment-name", "evil", "evil.bpmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
              <bpmn:process id="Evil" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
                <bpmn:serviceTask id="t" camunda:expression="${execution.getProcessEngineServices()}"/>
                <bpmn:sequenceFlow id="g" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>
              </bpmn:process>
            </bpmn:definitions>"""));
    HttpResponse<String> started = api.post(mine.processOwner(),
        "/engine-rest/process-definition/key/ReintegrationJourney/start", "{}");
    HttpResponse<String> evaluated = api.post(mine.processOwner(),
        "/engine-rest/decision-definition/key/IntakeRouting/evaluate", "{\"variables\": {}}");

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(403);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(403);
    assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(403);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Evil").count()).isZero();
  }

  @Test
  void aCounsellorStillReadsTheVariablesOfTheirOwnStep() throws Exception {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(mine.caseId().toString()).list().get(0)
        .getId();

    JsonNode variables = json(api.get(mine.counsellor(), "/engine-rest/task/" + taskId + "/variables"));

    assertThat(variables.get("caseId").get("value").asText()).isEqualTo(mine.caseId().toString());
    assertThat(api.get(theirs.counsellor(), "/engine-rest/task/" + taskId + "/variables").statusCode())
        .isIn(403, 404);
  }

  private List<AuditEvent> refusalsBy(String userId) {
    return jdbc.sql("""
            select id, occurred_at, actor_user_id, actor_role, action, domain, case_id, what from audit_event
             where actor_user_id = :u and action = 'REFUSED' order by id""")
        .param("u", userId)
        .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", java.time.OffsetDateTime.class),
            rs.getString("actor_user_id"), rs.getString("actor_role"), AuditAction.REFUSED, null,
            rs.getObject("case_id", UUID.class), rs.getString("what")))
        .list();
  }

  private boolean offeredToTheWholeGroup(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .anyMatch(link -> Groups.COUNSELLOR.equals(link.getGroupId()));
  }

  private Set<String> instancesOf(UUID... caseIds) {
    return Stream.of(caseIds).flatMap(caseId -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId.toString()).list().stream()).map(p -> p.getId())
        .collect(Collectors.toSet());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
