package nl.bluevitaal.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.identity.IdentityProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups, their engine authorizations and the Tasklist filters exist, on every start and on every
 * node. Idempotent, and tolerant of a second node doing the same at the same moment.
 *
 * <p>The grants follow the product's roles: Tasklist for counsellors and company doctors, Cockpit and Admin for the
 * process owner and the administrator. The administrator gets account resources only, never process data, so
 * Cockpit shows them nothing of a case. (Camunda's all-powerful {@code camunda-admin} group is deliberately unused.)
 */
@Component
class IdentityBootstrap implements Accounts {

  static final String FILTER_MY_TASKS = "Mijn taken";
  static final String FILTER_GROUP_TASKS = "Taken van mijn groepen";

  /**
   * Counsellors working under the company doctor's delegation (privacy.Roles.CARE_PROFESSIONAL). Spelled out here:
   * the privacy module builds on identity, so identity cannot import it back; a privacy test pins the two together.
   */
  static final String CARE_PROFESSIONAL = "care-professional";

  /** Engine resources that hold case data; nobody but the process owner holds them for every case ("*"). */
  private static final List<Resource> CASE_DATA = List.of(Resources.TASK, Resources.PROCESS_INSTANCE,
      Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE);

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private static final Map<String, String> GROUP_NAMES = Map.of(
      Groups.EMPLOYEE, "Medewerkers",
      Groups.COUNSELLOR, "Begeleiders / casemanagers",
      Groups.COMPANY_DOCTOR, "Bedrijfsartsen",
      Groups.LINE_MANAGER, "Leidinggevenden",
      Groups.MANAGEMENT, "Management",
      Groups.PROCESS_OWNER, "Proceseigenaren",
      Groups.BUDDY, "Buddy's",
      Groups.ADMINISTRATOR, "Beheerders",
      CARE_PROFESSIONAL, "Zorgprofessionals (onder delegatie bedrijfsarts)");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityProperties properties;

  IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, IdentityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void bootstrap() {
    Groups.ALL.forEach(this::ensureGroup);
    ensureGroup(CARE_PROFESSIONAL);
    grantApplications();
    grantResources();
    revokeCaseWideGrants();
    ensureTasklistFilters();
    IdentityProperties.InitialAdmin admin = properties.initialAdmin();
    if (admin.isConfigured() && identityService.createUserQuery().memberOfGroup(Groups.ADMINISTRATOR).count() == 0) {
      ensureUser(admin.userId(), "Beheerder", "", null, admin.password(), List.of(Groups.ADMINISTRATOR));
      log.info("Initial administrator '{}' created", admin.userId());
    }
  }

  @Override
  public boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  @Override
  public void ensureUser(String userId, String firstName, String lastName, String email, String password,
      Collection<String> groups) {
    if (!exists(userId)) {
      User user = identityService.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      tolerateRace(() -> identityService.saveUser(user), () -> exists(userId));
    }
    for (String group : groups) {
      ensureGroup(group);
      if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        tolerateRace(() -> identityService.createMembership(userId, group),
            () -> identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
      }
    }
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(GROUP_NAMES.getOrDefault(groupId, groupId));
      group.setType("WORKFLOW");
      tolerateRace(() -> identityService.saveGroup(group),
          () -> identityService.createGroupQuery().groupId(groupId).count() > 0);
    }
  }

  private void grantApplications() {
    grant(Groups.COUNSELLOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.COMPANY_DOCTOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String group : List.of(Groups.PROCESS_OWNER, Groups.ADMINISTRATOR)) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(group, Resources.APPLICATION, "admin", Permissions.ACCESS);
    }
  }

  private void grantResources() {
    // Tasklist shows process names and renders task forms: staff with tasks read the definitions, nothing more.
    // Tasks themselves are granted per task by the engine to its candidate group and assignee.
    for (String group : List.of(Groups.COUNSELLOR, Groups.COMPANY_DOCTOR)) {
      grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    }
    // The process owner edits and deploys models and moves running cases to new versions.
    for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.DECISION_DEFINITION,
        Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT, Resources.PROCESS_INSTANCE,
        Resources.BATCH)) {
      grant(Groups.PROCESS_OWNER, resource, Authorization.ANY, Permissions.ALL);
    }
    // The administrator manages accounts and who may do what; no process, task or history resource.
    for (Resource resource : List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
        Resources.AUTHORIZATION, Resources.TENANT, Resources.TENANT_MEMBERSHIP, Resources.SYSTEM)) {
      grant(Groups.ADMINISTRATOR, resource, Authorization.ANY, Permissions.ALL);
    }
  }

  /**
   * Tasklist and Cockpit must show each user only their own tasks and cases. The engine grants a task to its
   * assignee and candidates one by one; a grant on every task or instance ("*") would show a counsellor the whole
   * caseload and the administrator case data. Such grants, made by hand in Admin or by an older version, are removed
   * on every start, except the process owner's; definition grants of other groups are cut back to plain READ.
   */
  private void revokeCaseWideGrants() {
    for (Resource resource : CASE_DATA) {
      for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(resource)
          .resourceId(Authorization.ANY).list()) {
        if (grant.getAuthorizationType() != Authorization.AUTH_TYPE_REVOKE
            && !Groups.PROCESS_OWNER.equals(grant.getGroupId())) {
          log.warn("Removing case-wide {} grant of {}", resource.resourceName(), holder(grant));
          tolerateRace(() -> authorizationService.deleteAuthorization(grant.getId()),
              () -> authorizationService.createAuthorizationQuery().authorizationId(grant.getId()).count() == 0);
        }
      }
    }
    for (Authorization grant : authorizationService.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).list()) {
      if (grant.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT
          || Groups.PROCESS_OWNER.equals(grant.getGroupId())) {
        continue;
      }
      boolean onlyRead = java.util.stream.Stream.concat(
              java.util.Arrays.stream(grant.getPermissions(Permissions.values())),
              java.util.Arrays.stream(grant.getPermissions(ProcessDefinitionPermissions.values())))
          .allMatch(p -> p.getValue() == Permissions.READ.getValue() || p.getValue() == Permissions.NONE.getValue());
      if (!onlyRead) {
        log.warn("Cutting the process definition grant of {} back to READ", holder(grant));
        grant.setPermissions(new Permission[] {Permissions.READ});
        tolerateRace(() -> authorizationService.saveAuthorization(grant), () -> false);
      }
    }
  }

  private static String holder(Authorization authorization) {
    return authorization.getGroupId() != null ? "group " + authorization.getGroupId()
        : "user " + authorization.getUserId();
  }

  private void ensureTasklistFilters() {
    Filter mine = filter(FILTER_MY_TASKS);
    if (mine == null) {
      mine = filterService.newTaskFilter(FILTER_MY_TASKS)
          .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc())
          .setProperties(Map.of("priority", -10, "description", "Taken die aan mij zijn toegewezen", "refresh", true));
      filterService.saveFilter(mine);
    }
    Filter groups = filter(FILTER_GROUP_TASKS);
    if (groups == null) {
      groups = filterService.newTaskFilter(FILTER_GROUP_TASKS)
          .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
              .taskUnassigned().orderByDueDate().asc())
          .setProperties(Map.of("priority", -5, "description", "Open taken voor mijn groepen", "refresh", true));
      filterService.saveFilter(groups);
    }
    for (Filter filter : List.of(mine, groups)) {
      grant(Groups.COUNSELLOR, Resources.FILTER, filter.getId(), Permissions.READ);
      grant(Groups.COMPANY_DOCTOR, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private Filter filter(String name) {
    return filterService.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    boolean granted = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0;
    if (granted) {
      return;
    }
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).findFirst().orElse(null);
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    tolerateRace(() -> authorizationService.saveAuthorization(authorization),
        () -> authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
            .resourceId(resourceId).hasPermission(permission).count() > 0);
  }

  /**
   * Another node may create the same row at the same moment; its copy is as good as ours. Any other failure
   * (the row still does not exist) is real and stops the start.
   */
  private static void tolerateRace(Runnable action, BooleanSupplier existsNow) {
    try {
      action.run();
    } catch (ProcessEngineException e) {
      if (!existsNow.getAsBoolean()) {
        throw e;
      }
      log.info("Identity bootstrap: another node created it first ({})", e.getMessage());
    }
  }
}
