package nl.bluevitaal.selfservice.homefront;

import nl.bluevitaal.privacy.CaseAccessDeniedException;

/**
 * A naaste whose access the employee withdrew: refused, but answered with a calm page of its own instead of the
 * general 403. {@link #refusal()} is the policy's refusal, which the page that answers records in the audit trail.
 */
public class HomeFrontAccessEndedException extends RuntimeException {

  private final CaseAccessDeniedException refusal;

  public HomeFrontAccessEndedException(CaseAccessDeniedException refusal) {
    super("Home-front access ended", refusal);
    this.refusal = refusal;
  }

  public CaseAccessDeniedException refusal() {
    return refusal;
  }
}
