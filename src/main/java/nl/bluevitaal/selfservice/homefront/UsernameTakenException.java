package nl.bluevitaal.selfservice.homefront;

/** The login name the naaste chose already belongs to an account. */
public class UsernameTakenException extends RuntimeException {

  public UsernameTakenException() {
    super("This login name is taken");
  }
}
