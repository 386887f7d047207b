package nl.bluevitaal.privacy;

import java.util.Set;

/**
 * Who is asking. {@code careProfessional} = a counsellor working under the company doctor's delegation (member of
 * {@link Roles#CARE_PROFESSIONAL}).
 */
public record Actor(String userId, Set<String> groups, boolean careProfessional) {

  public Actor {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  public boolean isIn(String group) {
    return groups.contains(group);
  }
}
