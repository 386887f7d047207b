package nl.bluevitaal.journey;

import java.util.UUID;

/**
 * The step of a wish for contact ("Contact opnemen met de medewerker") was to be completed like any other step,
 * without the contact it stands for. It closes only by recording that contact ({@link ContactWishes#close}), so the
 * case file holds the contact moment and the employee sees their wish answered. Nothing was changed.
 */
public class ContactNotRecordedException extends RuntimeException {

  private final UUID caseId;
  private final String taskId;

  public ContactNotRecordedException(UUID caseId, String taskId) {
    super("Step " + taskId + " answers an employee's wish for contact: it closes by recording the contact made "
        + "(kind, day, note), not by completing it. Nothing was changed.");
    this.caseId = caseId;
    this.taskId = taskId;
  }

  public UUID caseId() {
    return caseId;
  }

  public String taskId() {
    return taskId;
  }
}
