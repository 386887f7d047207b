package nl.bluevitaal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.PostgresIntegrationTest;
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
  CaseRegistry registry;
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

  CaseWithPeople mine;
  CaseWithPeople theirs;
  CaseWithPeople.Http http;

  @BeforeEach
  void twoCasesWithTheirOwnCounsellors() {
    mine = new CaseWithPeople(accounts, registry, "ea");
    theirs = new CaseWithPeople(accounts, registry, "eb");
    http = new CaseWithPeople.Http(port);
  }

  @Test
  void aCounsellorSeesOnlyTheTasksOfTheirOwnCases() throws Exception {
    Set<String> myInstances = instancesOf(mine);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(mine.caseId.toString()).count())
        .as("the journey starts with a counsellor task").isPositive();

    JsonNode tasks = json(http.get("/engine-rest/task?maxResults=1000", mine.counsellor));

    assertThat(tasks).isNotEmpty();
    // Besides their own cases' tasks, a counsellor sees only steps of cases that have no counsellor yet: those are
    // offered to the whole group so they are not lost (JourneyPeople); other counsellors' cases never.
    assertThat(StreamSupport.stream(tasks.spliterator(), false))
        .allMatch(t -> myInstances.contains(t.get("processInstanceId").asText())
            || offeredToTheWholeGroup(t.get("id").asText()));
    assertThat(StreamSupport.stream(tasks.spliterator(), false).map(t -> t.get("processInstanceId").asText()))
        .containsAnyElementsOf(myInstances);
    assertThat(json(http.get("/engine-rest/task/count?processInstanceBusinessKey=" + theirs.caseId,
        mine.counsellor)).get("count").asLong()).isZero();
    assertThat(json(http.get("/engine-rest/task/count?processInstanceBusinessKey=" + theirs.caseId,
        theirs.counsellor)).get("count").asLong()).isPositive();
    // No case-wide view of instances or history either.
    assertThat(json(http.get("/engine-rest/process-instance/count", mine.counsellor)).get("count").asLong())
        .isZero();
    assertThat(json(http.get("/engine-rest/history/process-instance/count", mine.counsellor)).get("count")
        .asLong()).isZero();
  }

  @Test
  void theAdministratorSeesNoProcessDataWhileCasesExist() throws Exception {
    assertThat(runtimeService.createProcessInstanceQuery().count()).isPositive();
    assertThat(taskService.createTaskQuery().count()).isPositive();

    for (String path : List.of("/engine-rest/task/count", "/engine-rest/process-instance/count",
        "/engine-rest/history/process-instance/count", "/engine-rest/history/task/count",
        "/engine-rest/history/variable-instance/count", "/engine-rest/variable-instance/count")) {
      HttpResponse<String> response = http.get(path, mine.administrator);
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
      assertThat(json(response).get("count").asLong()).as(path).isZero();
    }
    // ...but manages accounts.
    assertThat(http.get("/engine-rest/user/count", mine.administrator).statusCode()).isEqualTo(200);
    assertThat(json(http.get("/engine-rest/user/count", mine.administrator)).get("count").asLong()).isPositive();
  }

  @Test
  void theProcessOwnerSeesTheRunningCases() throws Exception {
    long running = runtimeService.createProcessInstanceQuery().count();

    assertThat(json(http.get("/engine-rest/process-instance/count", mine.processOwner)).get("count").asLong())
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
    assertThat(json(http.get("/engine-rest/task/count?processInstanceBusinessKey=" + theirs.caseId,
        mine.counsellor)).get("count").asLong()).as("the leak works").isPositive();

    ReflectionTestUtils.invokeMethod(context.getBean("identityBootstrap"), "bootstrap");

    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(Authorization.ANY).count()).isZero();
    assertThat(json(http.get("/engine-rest/task/count?processInstanceBusinessKey=" + theirs.caseId,
        mine.counsellor)).get("count").asLong()).isZero();
    // Tasklist still opens: the definitions stay readable.
    assertThat(authorizationService.isUserAuthorized(mine.counsellor, List.of(Groups.COUNSELLOR), Permissions.READ,
        Resources.PROCESS_DEFINITION, Authorization.ANY)).isTrue();
  }

  private boolean offeredToTheWholeGroup(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .anyMatch(link -> Groups.COUNSELLOR.equals(link.getGroupId()));
  }

  private Set<String> instancesOf(CaseWithPeople file) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(file.caseId.toString()).list()
        .stream().map(p -> p.getId()).collect(Collectors.toSet());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
