package nl.bluevitaal.casefile.internal;

import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import org.springframework.stereotype.Component;

/**
 * The case file's side of the one access policy: every use case asks here first. Rules that are finer than the
 * role-by-domain matrix (who writes which document, drafts, confidential notes) refuse through the policy too, so
 * such refusals carry the caller's relation to the case and are audited like any other where they are answered.
 */
@Component
public class CaseFileAccess {

  private final AccessPolicy policy;

  public CaseFileAccess(AccessPolicy policy) {
    this.policy = policy;
  }

  public AccessPolicy policy() {
    return policy;
  }

  /** The parties of the case when the actor may do this; otherwise 404 (case hidden) or 403, audited. */
  public CaseParties require(Actor actor, UUID caseId, Domain domain, Access access, String what) {
    return policy.check(actor, caseId, domain, access, what);
  }

  public void require(Actor actor, CaseParties parties, Domain domain, Access access, String what) {
    policy.check(actor, parties, domain, access, what);
  }

  /**
   * The parties of a case the actor may open (domain A, not audited), for a question about what they may do there;
   * 404 or 403 as for any read.
   */
  public CaseParties parties(Actor actor, UUID caseId, String what) {
    return policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, what);
  }

  /** How the actor stands to the case; every finer rule of the case file asks this. */
  public Set<CaseRelation> relations(Actor actor, CaseParties parties) {
    return policy.relations(actor, parties);
  }

  /**
   * Whether the actor keeps the case's file: its counsellor, who records goals and conversation notes. The company
   * doctor reads these but writes medical notes and their own documents instead; nobody keeps their own file.
   */
  public boolean keepsFile(Actor actor, CaseParties parties) {
    Set<CaseRelation> relations = relations(actor, parties);
    return relations.contains(CaseRelation.COUNSELLOR) && !relations.contains(CaseRelation.EMPLOYEE);
  }

  /** Refuses anyone but the counsellor who keeps the file (see {@link #keepsFile}). */
  public void requireKeeper(Actor actor, CaseParties parties, String what) {
    if (!keepsFile(actor, parties)) {
      throw refuse(actor, parties, Domain.REINTEGRATION, what);
    }
  }

  public boolean permits(Actor actor, CaseParties parties, Domain domain, Access access) {
    return policy.permits(actor, parties, domain, access);
  }

  /**
   * Refuses an action the matrix would allow but a finer rule does not (a counsellor writing the problem analysis,
   * a signature by someone not a party): 403, or 404 when the caller may not know the case.
   */
  public CaseAccessDeniedException refuse(Actor actor, CaseParties parties, Domain domain, String what) {
    return policy.refusal(actor, parties, domain, null, domain.letter() + ": " + what);
  }

  /** Something inside a visible case that does not exist or that the caller may not see: the same 404 as a case. */
  public CaseAccessDeniedException notFound(Actor actor, CaseParties parties, String what) {
    return policy.hidden(actor, parties, what);
  }
}
