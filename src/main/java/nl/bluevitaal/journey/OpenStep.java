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
 * @param candidateGroups groups whose members may take the step
 */
public record OpenStep(String taskId, String stepKey, String name, Instant due, String assignee,
    List<String> candidateGroups) {
}
