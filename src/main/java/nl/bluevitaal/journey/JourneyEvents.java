package nl.bluevitaal.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * What the journey tells the rest of the application as it runs, for aggregated insight: the steps it opens and ends,
 * the warnings and escalations it raises, the intake's routing and how a case ended. Ids, element ids, days and
 * categories only: never a name or anything medical (the intake's urgent doctor contact is close to medical and is
 * left out). Published inside the engine's transaction by the application's own engine only: the dry run's engine and
 * the decision bench publish nothing.
 */
public final class JourneyEvents {

  private JourneyEvents() {
  }

  /**
   * A user task of the journey or of a process it calls was created.
   *
   * @param processKey the key of the process definition the step belongs to
   * @param elementId the step's element id in that model
   */
  public record StepOpened(String taskId, UUID caseId, String processKey, String elementId, Instant openedAt,
      @Nullable LocalDate dueOn) {
  }

  /**
   * A user task ended: {@code completed} when it was done, false when it ended unfinished (the flow moved on, a
   * recovery or the end of the case cancelled it). Carries what {@link StepOpened} did, so it stands on its own.
   */
  public record StepEnded(String taskId, UUID caseId, String processKey, String elementId, Instant openedAt,
      @Nullable LocalDate dueOn, Instant endedAt, boolean completed) {
  }

  /**
   * A watched deadline raised rung {@code rung} of its escalation ladder on this day (rung 0: the warning ahead of the
   * deadline was sent). {@code milestone}: the legal milestone the watch keeps (a {@code poortwachter.Milestone}
   * name), null for a watch of a deadline without one (the evaluations, the start of spoor 2, ...).
   */
  public record EscalationRaised(UUID caseId, String watch, @Nullable String milestone, int rung, LocalDate raisedOn) {
  }

  /** The intake was routed (decision IntakeRouting): the guidance intensity and whether a buddy is recommended. */
  public record IntakeRouted(UUID caseId, String guidanceIntensity, boolean offerBuddy) {
  }

  /** How a case ended, as far as the journey knows it (see {@code JourneyOutcomes} for the rule). */
  public enum Outcome { OWN_WORK, OTHER_WORK, SPOOR_2, WIA, OTHER }

  /** The case's journey ended on this day, with its outcome. */
  public record CaseEnded(UUID caseId, Outcome outcome, LocalDate endedOn) {
  }
}
