package nl.bluevitaal.selfservice.reminders;

/** The reminders changed since the page showed them (saved on another device): nothing was saved. */
public class StaleReminderSettingsException extends RuntimeException {

  public StaleReminderSettingsException(int expected) {
    super("The reminder settings are no longer version " + expected);
  }
}
