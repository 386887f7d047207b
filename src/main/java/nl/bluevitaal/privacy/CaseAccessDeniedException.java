package nl.bluevitaal.privacy;

import java.util.UUID;

/**
 * The policy refused, and this is the whole refusal: who asked, in which relation to the case, what they asked for.
 * Nothing records it where it is thrown; the one place that answers it (the API's problem+json or the page's 403/404)
 * also writes it to the audit trail, so no refusal that reaches a person goes unrecorded and none is recorded twice.
 *
 * <p>{@code caseVisible == false}: the caller may not know the case (or the thing inside it) exists; the answer is
 * the same 404 as for an unknown id. Otherwise 403. {@code caseId} is null for a page that is not for the caller's
 * role at all. Made by {@link AccessPolicy} only, which knows the caller's relation to the case.
 */
public class CaseAccessDeniedException extends RuntimeException {

  private final UUID caseId;
  private final boolean caseVisible;
  private final String actorUserId;
  private final String actorRole;
  private final Domain domain;
  private final String what;

  CaseAccessDeniedException(UUID caseId, boolean caseVisible, String actorUserId, String actorRole, Domain domain,
      String what) {
    super(caseVisible ? "Access to this part of the case is not allowed" : "Case not found");
    this.caseId = caseId;
    this.caseVisible = caseVisible;
    this.actorUserId = actorUserId;
    this.actorRole = actorRole;
    this.domain = domain;
    this.what = what;
  }

  public UUID caseId() {
    return caseId;
  }

  public boolean caseVisible() {
    return caseVisible;
  }

  public String actorUserId() {
    return actorUserId;
  }

  public String actorRole() {
    return actorRole;
  }

  public Domain domain() {
    return domain;
  }

  /** What was refused, as the audit trail records it; never health data. */
  public String what() {
    return what;
  }
}
