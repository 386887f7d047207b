package nl.bluevitaal.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.identity.IdentityProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's identities and authorizations what {@link EngineGrants} says, on every start and on every node.
 * Idempotent, and tolerant of a second node doing the same at the same moment.
 *
 * <p>Besides the groups, the filters and the engine's locked system account, it brings back the declared grants
 * wherever they drifted (an older version, a grant made by hand before nobody could make one) and the separation of
 * duties in existing memberships: an administrator who is also in a group with access to cases or processes loses
 * the administrator membership, the smaller of the two powers. Every change is logged and, through the guarded
 * identity store, audited.
 */
@Component
class IdentityBootstrap implements Accounts {

  static final String FILTER_MY_TASKS = "Mijn taken";
  static final String FILTER_OFFERED_TASKS = "Aan mij aangeboden";
  /** The list of an earlier version, which showed only group tasks; removed on start. */
  static final String FILTER_GROUP_TASKS = "Taken van mijn groepen";

  /** Set once the per-task grants made before variable permissions were enforced carry READ_VARIABLE too. */
  static final String TASK_VARIABLE_GRANTS_DONE = "bluevitaal.task-grants-read-variable";

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private static final Map<String, String> GROUP_NAMES = Map.ofEntries(
      Map.entry(Groups.EMPLOYEE, "Medewerkers"),
      Map.entry(Groups.COUNSELLOR, "Begeleiders / casemanagers"),
      Map.entry(Groups.COMPANY_DOCTOR, "Bedrijfsartsen"),
      Map.entry(Groups.LINE_MANAGER, "Leidinggevenden"),
      Map.entry(Groups.MANAGEMENT, "Management"),
      Map.entry(Groups.PROCESS_OWNER, "Proceseigenaren"),
      Map.entry(Groups.BUDDY, "Buddy's"),
      Map.entry(Groups.HOME_FRONT, "Naasten (thuisfront)"),
      Map.entry(Groups.ADMINISTRATOR, "Beheerders"),
      Map.entry(Groups.CARE_PROFESSIONAL, "Zorgprofessionals (onder delegatie bedrijfsarts)"),
      Map.entry(Groups.COUNSELLOR_LEAD, "Teamleiders begeleiding"));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityProperties properties;

  IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, ManagementService managementService,
      IdentityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void bootstrap() {
    Groups.ALL.forEach(this::ensureGroup);
    ensureGroup(Groups.CARE_PROFESSIONAL);
    ensureGroup(Groups.COUNSELLOR_LEAD);
    tolerateRace(() -> SystemAccount.ensure(identityService), () -> identityService.createUserQuery()
        .userId(SystemAccount.USER_ID).memberOfGroup(SystemAccount.ENGINE_ADMIN_GROUP).count() > 0);
    reconcileGrants();
    separateDuties();
    ensureTasklistFilters();
    grantTaskVariablesOnce();
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
  public Map<String, String> displayNames(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    for (User user : identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
      String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).trim();
      names.put(user.getId(), name.isEmpty() ? user.getId() : name);
    }
    return names;
  }

  @Override
  public Optional<String> emailOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user).map(User::getEmail).filter(email -> !email.isBlank());
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

  /**
   * Every grant on all resources of a kind ("*"), every global grant and every grant of an application is either in
   * {@link EngineGrants} (and then holds exactly the declared permissions) or goes. So does any grant to an
   * administrator beyond accounts: the administrator's rights are accounts, groups and tenants, nothing else.
   */
  private void reconcileGrants() {
    for (Authorization grant : authorizationService.createAuthorizationQuery().resourceId(Authorization.ANY).list()) {
      reconcile(grant);
    }
    for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.APPLICATION)
        .list()) {
      reconcile(grant);
    }
    for (Authorization grant : authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL).list()) {
      remove(grant, "a grant to everyone");
    }
    List<String> administrators = identityService.createUserQuery().memberOfGroup(Groups.ADMINISTRATOR).list()
        .stream().map(User::getId).toList();
    if (!administrators.isEmpty()) {
      for (Authorization grant : authorizationService.createAuthorizationQuery()
          .userIdIn(administrators.toArray(String[]::new)).list()) {
        if (!EngineGrants.ACCOUNT_RESOURCES.contains(grant.getResourceType())) {
          remove(grant, "an administrator reaches no process data");
        }
      }
    }
    for (EngineGrants.Grant wanted : EngineGrants.GRANTS) {
      ensure(wanted);
    }
  }

  private void reconcile(Authorization grant) {
    EngineGrants.Grant wanted = grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
        ? EngineGrants.find(grant.getGroupId(), grant.getResourceType(), grant.getResourceId()).orElse(null) : null;
    if (wanted == null) {
      remove(grant, "not one of BlueVitaal's grants");
    } else if (((AuthorizationEntity) grant).getPermissions() != wanted.permissions()) {
      log.warn("Setting the {} grant of {} on {} back to {}", resourceName(grant), holder(grant),
          grant.getResourceId(), wanted.permissionNames());
      ((AuthorizationEntity) grant).setPermissions(wanted.permissions());
      tolerateRace(() -> authorizationService.saveAuthorization(grant), () -> false);
    }
  }

  private void ensure(EngineGrants.Grant wanted) {
    boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(wanted.groupId())
        .resourceType(wanted.resource()).resourceId(wanted.resourceId())
        .authorizationType(Authorization.AUTH_TYPE_GRANT).count() > 0;
    if (exists) {
      return;
    }
    AuthorizationEntity grant = (AuthorizationEntity) authorizationService
        .createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(wanted.groupId());
    grant.setResource(wanted.resource());
    grant.setResourceId(wanted.resourceId());
    grant.setPermissions(wanted.permissions());
    tolerateRace(() -> authorizationService.saveAuthorization(grant),
        () -> authorizationService.createAuthorizationQuery().groupIdIn(wanted.groupId())
            .resourceType(wanted.resource()).resourceId(wanted.resourceId()).count() > 0);
  }

  private void remove(Authorization grant, String why) {
    log.warn("Removing the {} grant of {} on {} ({})", resourceName(grant), holder(grant), grant.getResourceId(),
        why);
    tolerateRace(() -> authorizationService.deleteAuthorization(grant.getId()),
        () -> authorizationService.createAuthorizationQuery().authorizationId(grant.getId()).count() == 0);
  }

  /** An account both administrator and in a group with access to cases or processes stops being administrator. */
  private void separateDuties() {
    for (User user : identityService.createUserQuery().memberOfGroup(Groups.ADMINISTRATOR).list()) {
      List<String> other = Groups.WITH_CASE_OR_PROCESS_ACCESS.stream()
          .filter(g -> identityService.createUserQuery().userId(user.getId()).memberOfGroup(g).count() > 0).toList();
      if (!other.isEmpty()) {
        log.warn("Separation of duties: '{}' is also in {}; the administrator membership is removed", user.getId(),
            other);
        tolerateRace(() -> identityService.deleteMembership(user.getId(), Groups.ADMINISTRATOR),
            () -> identityService.createUserQuery().userId(user.getId()).memberOfGroup(Groups.ADMINISTRATOR)
                .count() == 0);
      }
    }
  }

  private static String resourceName(Authorization grant) {
    return java.util.Arrays.stream(Resources.values()).filter(r -> r.resourceType() == grant.getResourceType())
        .map(Resources::resourceName).findFirst().orElse(String.valueOf(grant.getResourceType()));
  }

  private static String holder(Authorization authorization) {
    return authorization.getGroupId() != null ? "group " + authorization.getGroupId()
        : authorization.getUserId() != null ? "user " + authorization.getUserId() : "everyone";
  }

  /**
   * Tasklist's two lists: the steps assigned to me, and the steps offered to me, by name or through one of my groups,
   * that nobody has taken yet. (Steps go to the case's own counsellor and doctor by name, so a list of group tasks
   * alone showed a counsellor none of theirs.) Brought back to this on every start.
   */
  private void ensureTasklistFilters() {
    Filter mine = saveFilter(FILTER_MY_TASKS, taskService.createTaskQuery()
        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        Map.of("priority", -10, "description", "Stappen die ik heb opgepakt", "refresh", true));
    Filter offered = saveFilter(FILTER_OFFERED_TASKS, taskService.createTaskQuery()
        .taskCandidateUserExpression("${currentUser()}").taskUnassigned().orderByDueDate().asc(),
        Map.of("priority", -5, "description", "Stappen voor mij of mijn groepen die niemand heeft opgepakt",
            "refresh", true));
    for (Filter filter : List.of(mine, offered)) {
      for (String group : List.of(Groups.COUNSELLOR, Groups.COMPANY_DOCTOR)) {
        ensure(new EngineGrants.Grant(group, Resources.FILTER, filter.getId(), EngineGrants.READ));
      }
    }
    Filter old = filter(FILTER_GROUP_TASKS);
    if (old != null) {
      tolerateRace(() -> filterService.deleteFilter(old.getId()), () -> filter(FILTER_GROUP_TASKS) == null);
    }
  }

  private Filter saveFilter(String name, org.camunda.bpm.engine.task.TaskQuery query, Map<String, Object> properties) {
    Filter filter = filter(name);
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Filter saved = filter.setQuery(query).setProperties(properties);
    tolerateRace(() -> filterService.saveFilter(saved), () -> filter(name) != null);
    return filter(name);
  }

  private Filter filter(String name) {
    return filterService.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
  }

  /**
   * Variable values need a permission of their own now ({@link EngineIdentityPlugin}); the engine gives it with every
   * new task, but the grants of tasks that were open before lack it, and their people could no longer open the
   * task's form in Tasklist. Once per database.
   */
  private void grantTaskVariablesOnce() {
    if (managementService.getProperties().containsKey(TASK_VARIABLE_GRANTS_DONE)) {
      return;
    }
    int added = 0;
    for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list()) {
      if (!Authorization.ANY.equals(grant.getResourceId()) && !grant.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
        grant.addPermission(TaskPermissions.READ_VARIABLE);
        tolerateRace(() -> authorizationService.saveAuthorization(grant), () -> false);
        added++;
      }
    }
    managementService.setProperty(TASK_VARIABLE_GRANTS_DONE, "true");
    if (added > 0) {
      log.info("Task grants: READ_VARIABLE added to {} grants of open tasks", added);
    }
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
      log.info("Identity bootstrap: another node did it first ({})", e.getMessage());
    }
  }
}
