package nl.bluevitaal.privacy;

/** What an audit event records. */
public enum AuditAction {
  READ, WRITE, REFUSED, DELETED
}
