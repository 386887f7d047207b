package nl.bluevitaal.privacy.internal;

import nl.bluevitaal.identity.AccountChange;
import nl.bluevitaal.privacy.AuditAction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every change to accounts, groups, memberships and tenants goes into the audit trail, in the transaction of the
 * change (it rolls back with it); a refused change in a transaction of its own, so the attempt stays on record.
 */
@Component
public class AccountChanges {

  private final AuditRecorder audit;
  private final Refusals refusals;

  public AccountChanges(AuditRecorder audit, Refusals refusals) {
    this.audit = audit;
    this.refusals = refusals;
  }

  @EventListener
  public void on(AccountChange change) {
    String role = AccountChange.SYSTEM.equals(change.actorUserId()) ? AccountChange.SYSTEM
        : change.actorGroups().isEmpty() ? "none" : change.actorGroups();
    String what = "accounts: " + change.what();
    if (change.refused()) {
      refusals.record(change.actorUserId(), role, what);
    } else {
      audit.recordWithCaller(change.actorUserId(), role, AuditAction.WRITE, null, null, what);
    }
  }
}
