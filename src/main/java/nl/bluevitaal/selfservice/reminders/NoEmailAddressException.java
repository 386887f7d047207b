package nl.bluevitaal.selfservice.reminders;

/** E-mail was asked for, but the employee's account has no address to send it to: nothing was saved. */
public class NoEmailAddressException extends RuntimeException {

  public NoEmailAddressException() {
    super("There is no e-mail address for this account, so reminders cannot go by e-mail");
  }
}
