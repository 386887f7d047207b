package nl.bluevitaal.selfservice.homefront;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * An invitation of the home front and the consent it carries: who was invited, until when the link works, whether it
 * was accepted (and by which account), withdrawn, and what the naaste may see. Only the employee sees all of it.
 */
public record Invitation(UUID id, UUID caseId, String name, HomeFrontRelation relation, String email,
    OffsetDateTime invitedAt, OffsetDateTime expiresAt, @Nullable OffsetDateTime acceptedAt,
    @Nullable String naasteUserId, @Nullable OffsetDateTime withdrawnAt, Set<HomeFrontItem> items, int version) {

  public Invitation {
    items = Set.copyOf(items);
  }

  /** Where the consent stands, as the employee and the counsellor see it. */
  public enum State { INVITED, ACTIVE, WITHDRAWN, EXPIRED }

  public State state(OffsetDateTime now) {
    if (withdrawnAt != null) {
      return State.WITHDRAWN;
    }
    if (acceptedAt != null) {
      return State.ACTIVE;
    }
    return expiresAt.isAfter(now) ? State.INVITED : State.EXPIRED;
  }

  /** Since when the state holds. */
  public OffsetDateTime since(OffsetDateTime now) {
    return switch (state(now)) {
      case WITHDRAWN -> withdrawnAt;
      case ACTIVE -> acceptedAt;
      case EXPIRED -> expiresAt;
      case INVITED -> invitedAt;
    };
  }

  public boolean shows(HomeFrontItem item) {
    return items.contains(item);
  }
}
