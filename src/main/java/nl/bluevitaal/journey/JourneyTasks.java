package nl.bluevitaal.journey;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.privacy.Actor;

/**
 * The open steps of a case and how to take them: the port through which pages, the API and demo data drive a
 * journey without knowing the engine. A step takes exactly the outcome keys its form in the model names
 * ({@link StepCatalogue}); anything else is refused, so no free text (let alone health data) ends up in the engine.
 */
public interface JourneyTasks {

  /** The open steps of a case (its journey and its escalations), earliest due first. */
  List<OpenStep> openSteps(UUID caseId);

  /**
   * The open steps of one person over all their cases: assigned to them, offered to them or to one of their groups.
   * Keyed by case id; the caller still keeps only the cases the access policy lets them see.
   */
  Map<UUID, List<OpenStep>> openStepsFor(String userId, Collection<String> groups);

  /**
   * A person completes a step of the case with its outcome, in one transaction with the journey's own writes to the
   * case file and the audit event of who did it.
   *
   * @throws NoSuchStepException when the task is not an open step of this case for this person
   * @throws StepNoLongerOpenException when the step was this person's but was completed or withdrawn meanwhile
   * @throws InvalidOutcomeException when the outcome does not fit the step
   * @throws StepDocumentMissingException when the step's document is missing or not yet in the status it needs
   *     ({@link StepCatalogue#document})
   * @throws ContactNotRecordedException when the step answers a wish for contact: it closes by recording the contact
   *     ({@link ContactWishes#close}), for the counsellor and the company doctor alike
   */
  void complete(Actor actor, UUID caseId, String taskId, Map<String, Object> outcome);

  /**
   * Completes a step of the case with its outcome, as the journey itself (tests of the flow). Returns the step. No
   * person takes it, so no document is asked: people complete steps through
   * {@link #complete(Actor, UUID, String, Map)}.
   *
   * @throws NoSuchStepException when the task is not an open step of this case
   * @throws InvalidOutcomeException when the outcome does not fit the step
   * @throws ContactNotRecordedException when the step answers a wish for contact
   */
  String complete(UUID caseId, String taskId, Map<String, Object> outcome);

  /** Whether this step of the case was this person's and is no longer open (done meanwhile rather than never theirs). */
  boolean wasStepOf(Actor actor, UUID caseId, String taskId);

  /**
   * Takes a step offered to this person (or their group), so colleagues see who is on it.
   *
   * @throws NoSuchStepException when the task is not an open step of this case
   * @throws StepNoLongerOpenException when someone else took it first
   */
  void claim(UUID caseId, String taskId, String userId);

  /**
   * Gives a taken step back, so it is offered again to whom it was offered before.
   *
   * @throws NoSuchStepException when the task is not an open step of this case
   */
  void unclaim(UUID caseId, String taskId);

  /**
   * Runs the timers of this case that are already due, now, in the caller's thread (the job executor does the same
   * within seconds; demo data and tests that need the next step at once call this). Returns how many ran.
   */
  int catchUp(UUID caseId);
}
