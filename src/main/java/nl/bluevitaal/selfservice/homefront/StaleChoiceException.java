package nl.bluevitaal.selfservice.homefront;

/** The employee's choices changed since the page showed them (another tab, another device): nothing was changed. */
public class StaleChoiceException extends RuntimeException {

  public StaleChoiceException() {
    super("The home front's choices changed in the meantime");
  }
}
