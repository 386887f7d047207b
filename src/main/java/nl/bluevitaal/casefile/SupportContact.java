package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * Domain F: a person in the employee's support network, there by the employee's consent. Fields a reader may not
 * see are null (a counsellor learns only that a buddy or home-front contact exists, not even its id).
 */
public record SupportContact(@Nullable UUID id, Kind kind, @Nullable String name, @Nullable String relation,
    @Nullable String buddyUserId, @Nullable OffsetDateTime consentGivenAt, @Nullable OffsetDateTime consentRevokedAt,
    @Nullable Integer version) {

  /** The longest name or relation (the columns hold them). */
  public static final int MAX_NAME = 200;

  public enum Kind { HOME_FRONT, BUDDY }

  public boolean consented() {
    return consentRevokedAt == null;
  }
}
