package nl.bluevitaal.privacy.internal;

import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that writes refusals to the audit trail: the policy's refusals when they are answered (API or page),
 * requests Spring Security turned away, and the engine's own refusals in its REST API and the Camunda webapps. Each
 * in a transaction of its own, so the event stays when whatever was refused rolls back.
 */
@Component
public class Refusals {

  private final AuditRecorder audit;

  public Refusals(AuditRecorder audit) {
    this.audit = audit;
  }

  public void record(CaseAccessDeniedException refusal) {
    audit.recordNow(refusal.actorUserId(), refusal.actorRole(), AuditAction.REFUSED, refusal.domain(),
        refusal.caseId(), refusal.what());
  }

  /** A refusal without a case: a whole address the person may not use. */
  public void record(String actorUserId, String actorRole, String what) {
    audit.recordNow(actorUserId, actorRole, AuditAction.REFUSED, null, null, what);
  }
}
