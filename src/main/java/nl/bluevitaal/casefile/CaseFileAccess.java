package nl.bluevitaal.casefile;

import java.util.UUID;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import org.springframework.stereotype.Component;

/**
 * The case file's side of the one access policy: every use case asks here first. Rules that are finer than the
 * role-by-domain matrix (who writes which document, drafts, confidential notes) refuse through the policy too, so
 * such refusals carry the caller's relation to the case and are audited like any other where they are answered.
 */
@Component
class CaseFileAccess {

  private final AccessPolicy policy;

  CaseFileAccess(AccessPolicy policy) {
    this.policy = policy;
  }

  AccessPolicy policy() {
    return policy;
  }

  /** The parties of the case when the actor may do this; otherwise 404 (case hidden) or 403, audited. */
  CaseParties require(Actor actor, UUID caseId, Domain domain, Access access, String what) {
    return policy.check(actor, caseId, domain, access, what);
  }

  void require(Actor actor, CaseParties parties, Domain domain, Access access, String what) {
    policy.check(actor, parties, domain, access, what);
  }

  boolean permits(Actor actor, CaseParties parties, Domain domain, Access access) {
    return policy.permits(actor, parties, domain, access);
  }

  /**
   * Refuses an action the matrix would allow but a finer rule does not (a counsellor writing the problem analysis,
   * a signature by someone not a party): 403, or 404 when the caller may not know the case.
   */
  CaseAccessDeniedException refuse(Actor actor, CaseParties parties, Domain domain, String what) {
    return policy.refusal(actor, parties, domain, null, domain.letter() + ": " + what);
  }

  /** Something inside a visible case that does not exist or that the caller may not see: the same 404 as a case. */
  CaseAccessDeniedException notFound(Actor actor, CaseParties parties, String what) {
    return policy.hidden(actor, parties, what);
  }
}
