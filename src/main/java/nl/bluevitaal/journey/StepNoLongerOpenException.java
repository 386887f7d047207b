package nl.bluevitaal.journey;

/**
 * The person's step was completed (by a colleague, or by their own earlier submit), withdrawn by the journey, or the
 * journey changed at the same moment (a deadline firing on the case) while they were filling it in. A conflict rather
 * than "not found": the step was theirs, and nothing they sent was applied, so they look at what is open now.
 */
public class StepNoLongerOpenException extends RuntimeException {

  public StepNoLongerOpenException(String taskId, Throwable cause) {
    super("Step " + taskId + " is no longer open as you saw it: it was completed, withdrawn or changed meanwhile."
        + " Nothing was changed; reload the open steps and try again if it is still there.", cause);
  }
}
