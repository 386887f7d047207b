package nl.bluevitaal.casefile;

import java.util.UUID;

/**
 * Someone else changed the record since the caller read it. Carries the current version, so the caller can show
 * what they typed next to the newer state and try again; nothing is overwritten.
 */
public class StaleEditException extends RuntimeException {

  private final UUID id;
  private final int expectedVersion;
  private final int currentVersion;

  public StaleEditException(String what, UUID id, int expectedVersion, int currentVersion) {
    super("The " + what + " was changed by someone else (you had version " + expectedVersion + ", it is now "
        + currentVersion + "). Reload it and apply your change again.");
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public UUID id() {
    return id;
  }

  public int expectedVersion() {
    return expectedVersion;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
