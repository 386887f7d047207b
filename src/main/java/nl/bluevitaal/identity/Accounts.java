package nl.bluevitaal.identity;

import java.util.Collection;
import java.util.Optional;

/**
 * Accounts in the identity store: created for the initial administrator and the demo users; their e-mail address read
 * for the notices that are mailed.
 */
public interface Accounts {

  /** Creates the user with these groups, or adds missing groups when the user already exists. */
  void ensureUser(String userId, String firstName, String lastName, String email, String password,
      Collection<String> groups);

  boolean exists(String userId);

  /** The account's e-mail address; empty when there is no such account or it has none. */
  Optional<String> emailOf(String userId);
}
