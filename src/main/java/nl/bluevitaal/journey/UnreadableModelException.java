package nl.bluevitaal.journey;

/** A model file that is not a model of the expected key, or that the engine cannot parse. */
public class UnreadableModelException extends RuntimeException {

  public UnreadableModelException(String message) {
    super(message);
  }

  public UnreadableModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
