package nl.bluevitaal.journey.internal;

import java.util.Set;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Track;
import nl.bluevitaal.poortwachter.Milestone;

/**
 * Where a journey resumes when a relapse joins a recovered case: the first step not yet done. Steps already done
 * (deadline met) are not repeated; the open ones come back with their moved deadlines.
 */
final class ResumePoint {

  static final String INTAKE = "INTAKE";
  static final String SPOOR_2 = "SPOOR_2";
  static final String END_OF_WAGE_PAYMENT = "END_OF_WAGE_PAYMENT";

  private ResumePoint() {
  }

  /** A value of the {@code resumeAt} variable that the model's gateways route on. */
  static String of(Phase phaseBeforeRecovery, Set<Milestone> met, String nextTrack) {
    if (phaseBeforeRecovery == Phase.INTAKE) {
      return INTAKE;
    }
    for (Milestone step : new Milestone[] {Milestone.PROBLEM_ANALYSIS, Milestone.PLAN_OF_ACTION,
        Milestone.UWV_NOTIFICATION, Milestone.FIRST_YEAR_EVALUATION}) {
      if (!met.contains(step)) {
        return step.name();
      }
    }
    // The decision after the first-year evaluation chose spoor 2, but spoor 2 had not started yet.
    // (The phase moves to SPOOR_2 when spoor 2 has started, and on to the final stage after that.)
    if (Track.SPOOR_2.equals(nextTrack)
        && (phaseBeforeRecovery == Phase.FIRST_YEAR_EVALUATION || phaseBeforeRecovery == Phase.SPOOR_1)) {
      return SPOOR_2;
    }
    for (Milestone step : new Milestone[] {Milestone.FINAL_EVALUATION, Milestone.WIA_APPLICATION}) {
      if (!met.contains(step)) {
        return step.name();
      }
    }
    return END_OF_WAGE_PAYMENT;
  }
}
