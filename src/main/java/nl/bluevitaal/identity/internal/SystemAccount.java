package nl.bluevitaal.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The engine's own administrator group and its one member. Camunda's webapps offer a "create initial admin user"
 * page, and its endpoint creates a superuser for whoever calls it, for as long as that group has no member; and any
 * member of it passes every authorization check in the engine. BlueVitaal therefore fills the group itself, once,
 * with an account that nobody can be:
 *
 * <ul>
 *   <li>its password is random and never stored or shown anywhere;</li>
 *   <li>the login refuses it whatever the password ({@link CamundaIdentityAuthenticationProvider});</li>
 *   <li>the group is never handed to the engine as one of a person's groups
 *       ({@link SpringSecurityCamundaAuthenticationProvider});</li>
 *   <li>nobody can change the account, join the group or leave it ({@link GuardedIdentityProvider}).</li>
 * </ul>
 */
final class SystemAccount {

  static final String USER_ID = "bluevitaal-system";
  static final String ENGINE_ADMIN_GROUP = Groups.CAMUNDA_ADMIN;

  private SystemAccount() {
  }

  static boolean isEngineAdminGroup(String groupId) {
    return ENGINE_ADMIN_GROUP.equals(groupId);
  }

  /** Creates the group and the account once; on every later start there is nothing to do. */
  static void ensure(IdentityService identityService) {
    if (identityService.createGroupQuery().groupId(ENGINE_ADMIN_GROUP).count() == 0) {
      Group group = identityService.newGroup(ENGINE_ADMIN_GROUP);
      group.setName("Procesengine (alleen systeemaccount)");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    if (identityService.createUserQuery().userId(USER_ID).count() == 0) {
      User user = identityService.newUser(USER_ID);
      user.setFirstName("BlueVitaal");
      user.setLastName("systeem (geen login)");
      user.setPassword(unguessable());
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(USER_ID).memberOfGroup(ENGINE_ADMIN_GROUP).count() == 0) {
      identityService.createMembership(USER_ID, ENGINE_ADMIN_GROUP);
    }
  }

  private static String unguessable() {
    byte[] secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }
}
