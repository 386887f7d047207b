package nl.bluevitaal.selfservice.reminders;

import java.time.DayOfWeek;
import org.springframework.lang.Nullable;

/**
 * The reminders an employee chose: their weekly check-in on a day of their choice ({@code checkInDay}, null for none),
 * a notice when a step waits for them, and whether notices reach them by e-mail too ({@code byEmail}: their consent,
 * kept by the notices). {@code version} is 0 before the first save; a save names the version it was based on.
 */
public record ReminderSettings(@Nullable DayOfWeek checkInDay, boolean waitingSteps, boolean byEmail, int version) {

  /** Nothing chosen yet: no reminders, nothing by e-mail. */
  public static final ReminderSettings NONE = new ReminderSettings(null, false, false, 0);

  /** What the employee chooses in one save. */
  public record Choice(@Nullable DayOfWeek checkInDay, boolean waitingSteps, boolean byEmail) {
  }

  public Choice choice() {
    return new Choice(checkInDay, waitingSteps, byEmail);
  }
}
