package nl.bluevitaal.privacy;

import java.util.UUID;

/** Appends to the audit trail; the only writer of {@code audit_event}. */
interface AuditRecorder {

  /**
   * Records in a transaction of its own, committed at once: a refusal or a read stays recorded when the caller's
   * transaction rolls back, and a read inside a read-only transaction can still be written.
   */
  void recordNow(String actorUserId, String actorRole, AuditAction action, Domain domain, UUID caseId, String what);

  /** Records in the caller's transaction: a write that rolls back leaves no WRITE event behind. */
  void recordWithCaller(String actorUserId, String actorRole, AuditAction action, Domain domain, UUID caseId,
      String what);
}
