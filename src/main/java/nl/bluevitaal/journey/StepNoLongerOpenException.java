package nl.bluevitaal.journey;

import nl.bluevitaal.web.ConflictException;

/**
 * The person's step was completed (by a colleague, or by their own earlier submit) or withdrawn by the journey
 * while they were filling it in. A conflict rather than "not found": the step was theirs, and nothing they sent was
 * applied, so they look at what is open now.
 */
public class StepNoLongerOpenException extends ConflictException {

  public StepNoLongerOpenException(String taskId, Throwable cause) {
    super("Step " + taskId + " is no longer open: it was completed or withdrawn meanwhile. Nothing was changed;"
        + " reload the open steps.", cause);
  }
}
