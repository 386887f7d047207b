package nl.bluevitaal.privacy;

import java.util.UUID;

/**
 * The policy refused. {@code caseVisible == false}: the caller may not know the case exists, the API answers 404 with
 * the same body as for an unknown id; otherwise 403.
 */
public class CaseAccessDeniedException extends RuntimeException {

  private final UUID caseId;
  private final boolean caseVisible;

  public CaseAccessDeniedException(UUID caseId, boolean caseVisible, String message) {
    super(message);
    this.caseId = caseId;
    this.caseVisible = caseVisible;
  }

  public UUID caseId() {
    return caseId;
  }

  public boolean caseVisible() {
    return caseVisible;
  }
}
