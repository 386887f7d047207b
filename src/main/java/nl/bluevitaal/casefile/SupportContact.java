package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Domain F: a person in the employee's support network, there by the employee's consent. Fields a reader may not
 * see are null (a counsellor learns only that a buddy or home-front contact exists).
 */
public record SupportContact(UUID id, Kind kind, String name, String relation, String buddyUserId,
    OffsetDateTime consentGivenAt, OffsetDateTime consentRevokedAt, Integer version) {

  public enum Kind { HOME_FRONT, BUDDY }

  public boolean consented() {
    return consentRevokedAt == null;
  }
}
