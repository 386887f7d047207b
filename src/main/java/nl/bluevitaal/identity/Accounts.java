package nl.bluevitaal.identity;

import java.util.Collection;
import java.util.Map;

/**
 * Creates accounts in the identity store (the initial administrator and the demo users), and names them where a
 * document has to say who wrote or signed it.
 */
public interface Accounts {

  /** Creates the user with these groups, or adds missing groups when the user already exists. */
  void ensureUser(String userId, String firstName, String lastName, String email, String password,
      Collection<String> groups);

  boolean exists(String userId);

  /** The display names (first and last name) of those of these accounts that exist, by user id. */
  Map<String, String> displayNames(Collection<String> userIds);
}
