package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to an employee outside the planned steps, as the case file records it. Published inside the
 * recording transaction; the journey reacts to them (a recovery stops it, a relapse resumes it, new deadlines re-arm
 * its timers), so the case file never needs to know the journey, and every way of recording a fact (page, API, demo)
 * tells the journey the same.
 */
public final class CaseFileEvents {

  private CaseFileEvents() {
  }

  /** The work capacity changed (partial return to work): the counsellor adjusts the plan. */
  public record WorkCapacityRecorded(UUID caseId, int workCapacityPct, String recordedBy) {
  }

  /** The employee works fully again from this day; the journey must stop and watch for a relapse. */
  public record FullRecoveryReported(UUID caseId, LocalDate recoveredOn) {
  }

  /** A relapse joined this case (while still sick, or within the relapse window after recovery). */
  public record RelapseJoined(UUID caseId, LocalDate sickFrom) {
  }

  /**
   * The employee withdrew consent for a support contact (on a page or through the API): whatever rests on it (a
   * home-front account's access) ends with it, in the same transaction.
   */
  public record SupportConsentWithdrawn(UUID caseId, UUID contactId) {
  }

  /** The case's deadlines moved (an extension of wage payment): open timers and due dates follow. */
  public record DeadlinesMoved(UUID caseId) {
  }
}
