package nl.bluevitaal.identity;

import java.util.Collection;

/** Creates accounts in the identity store; used for the initial administrator and the demo users. */
public interface Accounts {

  /** Creates the user with these groups, or adds missing groups when the user already exists. */
  void ensureUser(String userId, String firstName, String lastName, String email, String password,
      Collection<String> groups);

  boolean exists(String userId);
}
