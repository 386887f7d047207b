package nl.bluevitaal.identity.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.bluevitaal.identity.Groups;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Every grant the engine holds beyond the ones it makes per task, per filter and per account: what each group may do
 * in Camunda's webapps and REST API. Anything else that reaches all resources of a kind is removed on start
 * ({@link IdentityBootstrap}), and nobody can add one later: no group holds a right on authorizations.
 *
 * <ul>
 *   <li>Counsellors and company doctors use Tasklist: definitions readable; their tasks come per task.</li>
 *   <li>The process owner uses Cockpit: definitions, deployments, decisions, running instances and their incidents;
 *       never a variable value (the engine enforces variable permissions), never a task or its people, never the
 *       history (it holds every decision's inputs), and nothing that deploys, starts or changes anything: a model is
 *       code that runs on the server, so a process owner deploys only through BlueVitaal's workbench (module
 *       {@code modeling}), where the model contract and a second process owner stand in front of the engine.</li>
 *   <li>The administrator uses Admin: accounts, groups, memberships and tenants; nothing else, not even the
 *       authorizations themselves (they are these, in code).</li>
 * </ul>
 */
final class EngineGrants {

  /** One grant: the group, what it reaches, and the permissions as the engine's bit mask. */
  record Grant(String groupId, Resource resource, String resourceId, int permissions) {

    List<String> permissionNames() {
      if (permissions == Permissions.ALL.getValue()) {
        return List.of("ALL");
      }
      return Arrays.stream(Permissions.values()).filter(p -> p.getValue() != 0 && p != Permissions.ALL)
          .filter(p -> (permissions & p.getValue()) == p.getValue()).map(Permission::getName).toList();
    }
  }

  static final int READ = Permissions.READ.getValue();
  static final int ALL = Permissions.ALL.getValue();

  /** The resources an administrator's rights stay within. */
  static final Set<Integer> ACCOUNT_RESOURCES = Set.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
      Resources.TENANT, Resources.TENANT_MEMBERSHIP).stream().map(Resource::resourceType).collect(Collectors.toSet());

  static final List<Grant> GRANTS = List.of(
      new Grant(Groups.COUNSELLOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS.getValue()),
      new Grant(Groups.COMPANY_DOCTOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS.getValue()),
      new Grant(Groups.COUNSELLOR, Resources.PROCESS_DEFINITION, Authorization.ANY, READ),
      new Grant(Groups.COMPANY_DOCTOR, Resources.PROCESS_DEFINITION, Authorization.ANY, READ),

      new Grant(Groups.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS.getValue()),
      new Grant(Groups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, Authorization.ANY,
          READ | ProcessDefinitionPermissions.READ_INSTANCE.getValue()),
      new Grant(Groups.PROCESS_OWNER, Resources.PROCESS_INSTANCE, Authorization.ANY, READ),
      new Grant(Groups.PROCESS_OWNER, Resources.DEPLOYMENT, Authorization.ANY, READ),
      new Grant(Groups.PROCESS_OWNER, Resources.DECISION_DEFINITION, Authorization.ANY, READ),
      new Grant(Groups.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ),

      new Grant(Groups.ADMINISTRATOR, Resources.APPLICATION, "admin", Permissions.ACCESS.getValue()),
      new Grant(Groups.ADMINISTRATOR, Resources.USER, Authorization.ANY, ALL),
      new Grant(Groups.ADMINISTRATOR, Resources.GROUP, Authorization.ANY, ALL),
      new Grant(Groups.ADMINISTRATOR, Resources.GROUP_MEMBERSHIP, Authorization.ANY, ALL),
      new Grant(Groups.ADMINISTRATOR, Resources.TENANT, Authorization.ANY, ALL),
      new Grant(Groups.ADMINISTRATOR, Resources.TENANT_MEMBERSHIP, Authorization.ANY, ALL));

  private EngineGrants() {
  }

  /** The declared grant for this group on this resource and id, if there is one. */
  static Optional<Grant> find(String groupId, int resourceType, String resourceId) {
    return GRANTS.stream().filter(g -> g.groupId().equals(groupId) && g.resource().resourceType() == resourceType
        && g.resourceId().equals(resourceId)).findFirst();
  }
}
