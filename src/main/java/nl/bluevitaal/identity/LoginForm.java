package nl.bluevitaal.identity;

/** What the login form and the login handling share. */
public final class LoginForm {

  /** Session attribute with the user name of a failed login, so the form can show it again once. */
  public static final String LAST_USERNAME = "nl.bluevitaal.identity.LAST_USERNAME";

  private LoginForm() {
  }
}
