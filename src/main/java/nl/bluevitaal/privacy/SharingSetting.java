package nl.bluevitaal.privacy;

import java.time.OffsetDateTime;

/** The employee's choice for one option; {@code changedAt}/{@code changedBy} are null while never chosen. */
public record SharingSetting(Domain domain, Audience audience, boolean granted, OffsetDateTime changedAt,
    String changedBy) {
}
