package nl.bluevitaal.journey;

import java.time.Instant;
import java.util.List;

/**
 * One step of a case that someone has to take now.
 *
 * @param taskId the engine's task id, passed back to {@link JourneyTasks#complete}
 * @param stepKey the element id in the model, e.g. {@code Task_ProblemAnalysis}
 * @param name the Dutch name users read
 * @param due due date; for deadline-bound steps the end of the legal due day
 * @param assignee the user who takes the step (the employee's steps), or null
 * @param candidateUsers users who may take the step (the case's counsellor or doctor)
 * @param candidateGroups groups whose members may take the step (only when the case has nobody in that role)
 * @param modelVersion the deployed version of the model the step belongs to (its form and deadline come from there)
 * @param opened when the step appeared (a step that asks for a new document counts those written since)
 */
public record OpenStep(String taskId, String stepKey, String name, Instant due, String assignee,
    List<String> candidateUsers, List<String> candidateGroups, String modelVersion, Instant opened) {

  /** Offered to people rather than assigned by the model: it can be taken ("opgepakt") and given back. */
  public boolean isClaimable() {
    return !candidateUsers.isEmpty() || !candidateGroups.isEmpty();
  }

  /** Whether this person may take the step: assigned to them, offered to them, or to one of their groups. */
  public boolean isFor(String userId, java.util.Collection<String> groups) {
    return userId.equals(assignee) || (assignee == null
        && (candidateUsers.contains(userId) || candidateGroups.stream().anyMatch(groups::contains)));
  }

  /**
   * Whether the step was offered to this person but someone else has taken it: it was theirs to take, so for them it
   * is gone rather than unknown.
   */
  public boolean isTakenFrom(String userId, java.util.Collection<String> groups) {
    return assignee != null && !userId.equals(assignee)
        && (candidateUsers.contains(userId) || candidateGroups.stream().anyMatch(groups::contains));
  }

  /** Whether this person may give the step back: they took it, and it was offered to others before. */
  public boolean isTakenBy(String userId) {
    return userId.equals(assignee) && isClaimable();
  }
}
