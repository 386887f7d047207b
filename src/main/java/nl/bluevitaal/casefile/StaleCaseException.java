package nl.bluevitaal.casefile;

import java.util.UUID;

/** Someone else changed the case since the caller read it; the caller must reload, not overwrite. */
public class StaleCaseException extends RuntimeException {

  public StaleCaseException(UUID caseId, int expectedVersion) {
    super("Case " + caseId + " was changed by someone else (expected version " + expectedVersion + ")");
  }
}
