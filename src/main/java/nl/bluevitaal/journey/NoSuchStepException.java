package nl.bluevitaal.journey;

/**
 * The task is not an open step of this case for this person: it does not exist, belongs to another case, or is
 * someone else's. Callers answer it as "not found", so nobody learns about steps that are not theirs.
 */
public class NoSuchStepException extends RuntimeException {

  public NoSuchStepException(String message) {
    super(message);
  }
}
