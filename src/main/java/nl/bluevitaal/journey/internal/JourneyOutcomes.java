package nl.bluevitaal.journey.internal;

import nl.bluevitaal.journey.JourneyEvents.Outcome;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Track;

/**
 * How a case ended, derived from what the journey knows: the end event its journey reached, the track the first-year
 * evaluation chose and whether the WIA application was done. The journey does not learn where a recovered employee
 * works, so the rule is the closest reading of its path:
 * <ul>
 *   <li>early IVA granted, or the guidance ran to its end (the WIA application done): WIA;</li>
 *   <li>fully recovered: other work when spoor 2 was the chosen track (work with another employer), else own work;</li>
 *   <li>wage payment ended at week 104: WIA when the WIA application was done, else spoor 2 when that was the track,
 *       else other;</li>
 *   <li>anything else (an end event a later model adds): other.</li>
 * </ul>
 * One rule for the event at the end and for the read model's rebuild from the engine's history.
 */
final class JourneyOutcomes {

  static final String END_CLOSED_AFTER_EARLY_IVA = "EndEvent_ClosedAfterEarlyIva";

  private JourneyOutcomes() {
  }

  /** Whether reaching this end event of ReintegrationJourney ends the case's journey with an outcome. */
  static boolean endsCase(String endEventId) {
    return Element.END_CLOSED_AFTER_RECOVERY.equals(endEventId) || Element.END_WAGE_PAYMENT_ENDED.equals(endEventId)
        || END_CLOSED_AFTER_EARLY_IVA.equals(endEventId) || Element.END_JOURNEY_ENDED.equals(endEventId);
  }

  static Outcome of(String endEventId, String nextTrack, boolean wiaApplied) {
    boolean spoor2 = Track.SPOOR_2.equals(nextTrack);
    if (END_CLOSED_AFTER_EARLY_IVA.equals(endEventId) || Element.END_JOURNEY_ENDED.equals(endEventId)) {
      return Outcome.WIA;
    }
    if (Element.END_CLOSED_AFTER_RECOVERY.equals(endEventId)) {
      return spoor2 ? Outcome.OTHER_WORK : Outcome.OWN_WORK;
    }
    if (Element.END_WAGE_PAYMENT_ENDED.equals(endEventId)) {
      return wiaApplied ? Outcome.WIA : spoor2 ? Outcome.SPOOR_2 : Outcome.OTHER;
    }
    return Outcome.OTHER;
  }
}
