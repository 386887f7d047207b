package nl.bluevitaal.insight;

/** A process or period of insight that does not exist (an address typed by hand): the page answers 404. */
public class UnknownInsightException extends RuntimeException {

  public UnknownInsightException(String what) {
    super("No such " + what);
  }
}
