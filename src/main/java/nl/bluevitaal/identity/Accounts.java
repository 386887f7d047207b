package nl.bluevitaal.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts in the identity store: created for the initial administrator and the demo users; named where a document
 * has to say who wrote or signed it; their e-mail address read for the notices that are mailed.
 */
public interface Accounts {

  /** Creates the user with these groups, or adds missing groups when the user already exists. */
  void ensureUser(String userId, String firstName, String lastName, String email, String password,
      Collection<String> groups);

  boolean exists(String userId);

  /** The display names (first and last name) of those of these accounts that exist, by user id. */
  Map<String, String> displayNames(Collection<String> userIds);

  /** The account's e-mail address; empty when there is no such account or it has none. */
  Optional<String> emailOf(String userId);
}
