package nl.bluevitaal.journey;

/** The names of the model {@code processes/ContactWish.bpmn}, used by code and tests (one name from diagram to code). */
public final class ContactWishProcess {

  public static final String PROCESS_KEY = "ContactWish";
  /** The watched "deadline" the escalation ladder knows the missed contact by. */
  public static final String LADDER_MILESTONE = "CONTACT_WISH";

  public static final String TASK_CONTACT_EMPLOYEE = "Task_ContactEmployee";
  public static final String TASK_DECIDE_CONTACT_ESCALATION = "Task_DecideContactEscalation";
  public static final String TASK_HANDLE_OVERDUE_CONTACT = "Task_HandleOverdueContact";
  public static final String BOUNDARY_CONTACT_OVERDUE = "BoundaryEvent_ContactOverdue";

  private ContactWishProcess() {
  }
}
