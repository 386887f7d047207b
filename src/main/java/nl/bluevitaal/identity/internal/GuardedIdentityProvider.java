package nl.bluevitaal.identity.internal;

import java.util.List;
import java.util.function.Consumer;
import nl.bluevitaal.identity.AccountChange;
import nl.bluevitaal.identity.Groups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's identity store with BlueVitaal's rules on every write, whoever writes: Camunda Admin, the engine's
 * REST API (both under /engine-rest and inside the webapps) and BlueVitaal's own code all end up here, so the rules
 * cannot be walked around. Every change and every refusal is published as an {@link AccountChange} for the audit trail.
 *
 * <ul>
 *   <li>Separation of duties: an administrator (who manages accounts) is in no group that reaches case data or the
 *       processes, and such an account never becomes an administrator.</li>
 *   <li>Nobody changes their own memberships (group or tenant) or deletes their own account.</li>
 *   <li>The engine's own administrator group, whose members pass every authorization check, holds exactly one
 *       member: BlueVitaal's locked system account ({@link SystemAccount}), put there by BlueVitaal itself. Nobody
 *       else joins it, and neither the group nor the account can be changed from outside.</li>
 *   <li>BlueVitaal's own groups are not deleted from outside: models and authorizations name them.</li>
 * </ul>
 */
class GuardedIdentityProvider extends DbIdentityServiceProvider {

  private final Consumer<AccountChange> changes;

  GuardedIdentityProvider(Consumer<AccountChange> changes) {
    this.changes = changes;
  }

  /** How the engine opens one of these per command. */
  static SessionFactory factory(Consumer<AccountChange> changes) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return GuardedIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new GuardedIdentityProvider(changes);
      }
    };
  }

  // users

  @Override
  public IdentityOperationResult saveUser(User user) {
    boolean created = ((UserEntity) user).getRevision() == 0;
    if (SystemAccount.USER_ID.equals(user.getId()) && (byPerson() || !created)) {
      throw refuse("change the system account " + user.getId(), SYSTEM_ACCOUNT_MESSAGE);
    }
    boolean newPassword = ((UserEntity) user).hasNewPassword();
    IdentityOperationResult result = super.saveUser(user);
    changed((created ? "account created: " : "account changed: ") + user.getId()
        + (newPassword && !created ? " (password)" : ""));
    return result;
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    if (SystemAccount.USER_ID.equals(userId)) {
      throw refuse("delete the system account", SYSTEM_ACCOUNT_MESSAGE);
    }
    if (userId != null && userId.equals(actor())) {
      throw refuse("delete own account " + userId, "Je kunt je eigen account niet verwijderen.");
    }
    IdentityOperationResult result = super.deleteUser(userId);
    changed("account deleted: " + userId);
    return result;
  }

  // groups

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    if (SystemAccount.isEngineAdminGroup(group.getId()) && byPerson()) {
      throw refuse("change group " + group.getId(), ENGINE_ADMIN_MESSAGE);
    }
    IdentityOperationResult result = super.saveGroup(group);
    changed("group saved: " + group.getId());
    return result;
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    if (SystemAccount.isEngineAdminGroup(groupId)) {
      throw refuse("delete group " + groupId, ENGINE_ADMIN_MESSAGE);
    }
    if (byPerson() && (Groups.ALL.contains(groupId) || Groups.CARE_PROFESSIONAL.equals(groupId)
        || Groups.COUNSELLOR_LEAD.equals(groupId))) {
      throw refuse("delete group " + groupId,
          "De groep '" + groupId + "' hoort bij BlueVitaal zelf (processen en rechten noemen haar) en blijft bestaan.");
    }
    IdentityOperationResult result = super.deleteGroup(groupId);
    changed("group deleted: " + groupId);
    return result;
  }

  // group memberships

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    String what = "membership " + userId + " -> " + groupId;
    if (SystemAccount.isEngineAdminGroup(groupId) || SystemAccount.USER_ID.equals(userId)) {
      boolean theOneSystemMembership = !byPerson() && SystemAccount.USER_ID.equals(userId)
          && SystemAccount.isEngineAdminGroup(groupId) && engineAdminMembers() == 0;
      if (!theOneSystemMembership) {
        throw refuse(what, ENGINE_ADMIN_MESSAGE);
      }
    }
    if (userId != null && userId.equals(actor())) {
      throw refuse(what, OWN_MEMBERSHIP_MESSAGE);
    }
    if (Groups.ADMINISTRATOR.equals(groupId)) {
      String other = Groups.WITH_CASE_OR_PROCESS_ACCESS.stream().filter(g -> existsMembership(userId, g))
          .findFirst().orElse(null);
      if (other != null) {
        throw refuse(what, "Scheiding van functies: '" + userId + "' is lid van '" + other + "' en kan daarom geen "
            + "beheerder worden. Een beheerder beheert accounts en heeft zelf geen toegang tot dossiers of processen.");
      }
    }
    if (Groups.WITH_CASE_OR_PROCESS_ACCESS.contains(groupId) && existsMembership(userId, Groups.ADMINISTRATOR)) {
      throw refuse(what, "Scheiding van functies: '" + userId + "' is beheerder en kan daarom geen lid worden van '"
          + groupId + "'. Een beheerder heeft geen toegang tot dossiers of processen.");
    }
    IdentityOperationResult result = super.createMembership(userId, groupId);
    changed("membership added: " + userId + " -> " + groupId);
    return result;
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    String what = "remove membership " + userId + " -> " + groupId;
    if (SystemAccount.isEngineAdminGroup(groupId)) {
      throw refuse(what, ENGINE_ADMIN_MESSAGE);
    }
    if (userId != null && userId.equals(actor())) {
      throw refuse(what, OWN_MEMBERSHIP_MESSAGE);
    }
    IdentityOperationResult result = super.deleteMembership(userId, groupId);
    changed("membership removed: " + userId + " -> " + groupId);
    return result;
  }

  // tenants

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    IdentityOperationResult result = super.saveTenant(tenant);
    changed("tenant saved: " + tenant.getId());
    return result;
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    IdentityOperationResult result = super.deleteTenant(tenantId);
    changed("tenant deleted: " + tenantId);
    return result;
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    if (userId != null && userId.equals(actor())) {
      throw refuse("tenant membership " + userId + " -> " + tenantId, OWN_MEMBERSHIP_MESSAGE);
    }
    IdentityOperationResult result = super.createTenantUserMembership(tenantId, userId);
    changed("tenant membership added: " + userId + " -> " + tenantId);
    return result;
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    if (userId != null && userId.equals(actor())) {
      throw refuse("remove tenant membership " + userId + " -> " + tenantId, OWN_MEMBERSHIP_MESSAGE);
    }
    IdentityOperationResult result = super.deleteTenantUserMembership(tenantId, userId);
    changed("tenant membership removed: " + userId + " -> " + tenantId);
    return result;
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    IdentityOperationResult result = super.createTenantGroupMembership(tenantId, groupId);
    changed("tenant membership added: group " + groupId + " -> " + tenantId);
    return result;
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    IdentityOperationResult result = super.deleteTenantGroupMembership(tenantId, groupId);
    changed("tenant membership removed: group " + groupId + " -> " + tenantId);
    return result;
  }

  // the rules' plumbing

  private static final String SYSTEM_ACCOUNT_MESSAGE =
      "Het systeemaccount van BlueVitaal wordt door BlueVitaal zelf beheerd en kan niet worden gewijzigd.";
  private static final String ENGINE_ADMIN_MESSAGE =
      "De beheerdersgroep van de procesengine geeft alle rechten op alle dossiers en is alleen voor het vergrendelde "
          + "systeemaccount van BlueVitaal. Niemand kan er lid van worden.";
  private static final String OWN_MEMBERSHIP_MESSAGE =
      "Je kunt je eigen lidmaatschappen niet wijzigen; vraag een andere beheerder.";

  /** The signed-in person making the change; null when BlueVitaal itself does (start-up, demo data). */
  private static String actor() {
    Authentication authentication = authentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static boolean byPerson() {
    return actor() != null;
  }

  private static Authentication authentication() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : context.getAuthentication();
  }

  private long engineAdminMembers() {
    return Context.getCommandContext().runWithoutAuthorization(
        () -> createUserQuery().memberOfGroup(SystemAccount.ENGINE_ADMIN_GROUP).count());
  }

  private void changed(String what) {
    changes.accept(change(what, false));
  }

  private AuthorizationException refuse(String what, String message) {
    changes.accept(change(what, true));
    return new AuthorizationException(message);
  }

  private static AccountChange change(String what, boolean refused) {
    Authentication authentication = authentication();
    String actor = authentication == null || authentication.getUserId() == null ? AccountChange.SYSTEM
        : authentication.getUserId();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    return new AccountChange(actor, String.join(",", groups.stream().sorted().toList()), what, refused);
  }
}
