package nl.bluevitaal.selfservice.homefront;

/** An invitation link that cannot be used (any more); the page says why in plain words. */
public class InvitationUnusableException extends RuntimeException {

  /** Why: no such link, its time passed, someone already used it, or the employee withdrew it. */
  public enum Reason { UNKNOWN, EXPIRED, USED, WITHDRAWN }

  private final Reason reason;

  public InvitationUnusableException(Reason reason) {
    super("Invitation link not usable: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
