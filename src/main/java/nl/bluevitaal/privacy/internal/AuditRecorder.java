package nl.bluevitaal.privacy.internal;

import java.util.UUID;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.Domain;

/** Appends to the audit trail; the only writer of {@code audit_event}. */
public interface AuditRecorder {

  /**
   * Records in a transaction of its own, committed at once: a refusal or a read stays recorded when the caller's
   * transaction rolls back, and a read inside a read-only transaction can still be written.
   */
  public void recordNow(String actorUserId, String actorRole, AuditAction action, Domain domain, UUID caseId, String what);

  /** Records in the caller's transaction: a write that rolls back leaves no WRITE event behind. */
  public void recordWithCaller(String actorUserId, String actorRole, AuditAction action, Domain domain, UUID caseId,
      String what);
}
