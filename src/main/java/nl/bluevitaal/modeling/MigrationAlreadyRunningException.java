package nl.bluevitaal.modeling;

import java.util.UUID;

/** A run of this process is going on (on this node or another): one at a time, so nothing was started. */
public class MigrationAlreadyRunningException extends RuntimeException {

  private final UUID runningRunId;

  public MigrationAlreadyRunningException(String processKey, UUID runningRunId) {
    super("A migration of " + processKey + " is running already: run " + runningRunId);
    this.runningRunId = runningRunId;
  }

  public UUID runningRunId() {
    return runningRunId;
  }
}
