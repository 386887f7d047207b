package nl.bluevitaal.journey;

/** No decision is deployed under this key. */
public class NoSuchDecisionException extends RuntimeException {

  public NoSuchDecisionException(String key) {
    super("No deployed decision " + key);
  }
}
