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
 * role-by-domain matrix (who writes which document, drafts, confidential notes) refuse through the policy's own
 * check, so such refusals are audited like any other.
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
   * a signature by someone not a party). Audited as a refusal; 403, as the caller may see the case.
   */
  RuntimeException refuse(Actor actor, CaseParties parties, Domain domain, String what) {
    String described = domain.letter() + ": " + what;
    if (!policy.isOwnFile(actor, parties)) {
      // The policy has no public "refuse"; its own-file check refuses every non-employee, audited, with the same
      // 403/404 choice as any refusal. The finer rules here never refuse the employee, who would pass that check.
      policy.checkOwnFile(actor, parties.caseId(), Access.WRITE, described);
    }
    return new CaseAccessDeniedException(parties.caseId(), true, "Not allowed: " + described);
  }

  /** Something inside a visible case that does not exist or that the caller may not see: the same 404 as a case. */
  RuntimeException notFound(UUID caseId) {
    return new CaseAccessDeniedException(caseId, false, "Not found");
  }
}
