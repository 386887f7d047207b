package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.poortwachter.Milestone;

/**
 * What happened to an employee outside the planned steps, as the case file records it. Published inside the
 * recording transaction; the journey reacts to them (a recovery stops it, a relapse resumes it, new deadlines re-arm
 * its timers), so the case file never needs to know the journey, and every way of recording a fact (page, API, demo)
 * tells the journey the same.
 */
public final class CaseFileEvents {

  private CaseFileEvents() {
  }

  /** The work capacity changed (partial return to work) from a day on: the counsellor adjusts the plan. */
  public record WorkCapacityRecorded(UUID caseId, int workCapacityPct, String recordedBy, LocalDate from) {
  }

  /** The employee works fully again from this day; the journey must stop and watch for a relapse. */
  public record FullRecoveryReported(UUID caseId, LocalDate recoveredOn) {
  }

  /**
   * A relapse joined this case: while still sick ({@code whileSick}: nothing changes in the file, the journey asks for
   * an updated analysis), or within the relapse window after recovery (a new sick period from {@code sickFrom}).
   */
  public record RelapseJoined(UUID caseId, LocalDate sickFrom, boolean whileSick) {
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

  // The facts below feed aggregated insight (module insight keeps its read model by them). Ids, days and categories
  // only: never a name, a text of the file or anything medical.

  /** A sick report opened this case: where the employee works, who counsels, the first sick day and the day opened. */
  public record CaseOpened(UUID caseId, String unit, String team, String counsellorUserId, LocalDate firstSickDay,
      LocalDate openedOn) {
  }

  /** The case entered a phase on this day (the journey moves it; a relapse or a late one closes a recovered case). */
  public record PhaseEntered(UUID caseId, Phase phase, LocalDate on) {
  }

  /** A legal deadline was met on {@code metOn}; {@code dueOn} is the day it was due then. */
  public record DeadlineMet(UUID caseId, Milestone milestone, LocalDate dueOn, LocalDate metOn) {
  }

  /** A legal deadline passed unmet; {@code dueOn} is the day it was due. */
  public record DeadlineMissed(UUID caseId, Milestone milestone, LocalDate dueOn) {
  }

  /**
   * The case's deadlines were computed anew (opening, recovery, relapse, extension, leave, UWV notification): the due
   * day of every milestone the case reaches, as stored now. A met deadline keeps the day it was due when met.
   */
  public record DeadlinesRecomputed(UUID caseId, Map<Milestone, LocalDate> dueOn) {
  }

  /** The counsellor agreed a goal with the employee (one of theirs, or one the employee proposed). */
  public record GoalAgreed(UUID caseId, UUID goalId) {
  }

  /** The employee consented to a support contact (a buddy or the home front). */
  public record SupportContactAdded(UUID caseId, UUID contactId, SupportContact.Kind kind) {
  }

  /**
   * A plan of action (or its update) was released to the file: which of the 4 A's it places problems in, as whether
   * each of its four fields (arbeidsinhoud, -verhoudingen, -omstandigheden, -voorwaarden) is filled; never their text.
   */
  public record PlanOfActionReleased(UUID caseId, UUID documentId, boolean workContent, boolean workRelations,
      boolean workConditions, boolean workTerms) {

    /** The one reading of a plan's content into its 4 A's: the event and the read model's rebuild both use it. */
    public static PlanOfActionReleased of(UUID caseId, UUID documentId, String content) {
      Map<String, String> values = DocumentContent.parse(content);
      return new PlanOfActionReleased(caseId, documentId, filled(values, "arbeidsinhoud"),
          filled(values, "arbeidsverhoudingen"), filled(values, "arbeidsomstandigheden"),
          filled(values, "arbeidsvoorwaarden"));
    }

    private static boolean filled(Map<String, String> values, String field) {
      String value = values.get(field);
      return value != null && !value.isBlank();
    }
  }

  /** A naaste accepted the employee's invitation: the home front takes part (module selfservice records it). */
  public record HomeFrontJoined(UUID caseId) {
  }

  /**
   * The employee saved a relapse-prevention plan, or started or stopped sharing self-reports with the care side while
   * there is one; {@code sharedWithCare}: whether they are shared now (module selfservice records it; a plan kept
   * private is not counted).
   */
  public record RelapsePlanSaved(UUID caseId, boolean sharedWithCare) {
  }
}
