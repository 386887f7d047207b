package nl.bluevitaal.identity;

import java.security.Principal;
import java.util.Set;

/**
 * The signed-in person as the rest of BlueVitaal sees them: the Camunda user id, a display name and the
 * group ids, which are also the Spring Security authorities (see {@link Groups}).
 */
public record BlueVitaalUser(String userId, String displayName, Set<String> groups) implements Principal {

  public BlueVitaalUser {
    groups = Set.copyOf(groups);
  }

  @Override
  public String getName() {
    return userId;
  }

  public boolean isIn(String group) {
    return groups.contains(group);
  }
}
