package nl.bluevitaal.journey;

import java.util.UUID;

/**
 * Triage of a check-in by the decision {@value ReintegrationJourneyProcess#DECISION_CHECK_IN_TRIAGE}, which the
 * process owner edits and deploys like the journey's other decisions (the latest deployed version applies). The
 * score goes in and is forgotten: it is evaluated outside any process, so it never reaches the engine's variables or
 * history. Only the level is kept on the case's journey ({@link #recordOutcome}).
 */
public interface CheckInTriage {

  /** The outcome of a check-in, in the decision's own values. */
  enum Level {
    GREEN, AMBER, RED
  }

  /** The level and the decision's reason code (e.g. {@code SCORE_LOW}). */
  record Outcome(Level level, String reason) {
  }

  /**
   * Evaluates the latest deployed table.
   *
   * @param instrument the instrument's key (e.g. {@code WHO5})
   * @param scorePercentage 0–100, higher is better
   */
  Outcome triage(String instrument, int scorePercentage);

  /**
   * Sets {@value ReintegrationJourneyProcess.Var#CHECK_IN_TRIAGE} on the running journey of the case, in the
   * caller's transaction; nothing when the case has no running journey (closed, or never started).
   */
  void recordOutcome(UUID caseId, Level level);
}
