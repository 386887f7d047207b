package nl.bluevitaal.casefile;

/**
 * The request does not fit the record's state now: a released document that would change, a signature under a draft,
 * consent that was already withdrawn. Nothing was changed; the message says what would. (The API answers 409.)
 */
public class InvalidStateException extends RuntimeException {

  public InvalidStateException(String message) {
    super(message);
  }
}
