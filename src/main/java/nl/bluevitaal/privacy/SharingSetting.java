package nl.bluevitaal.privacy;

import java.time.OffsetDateTime;
import org.springframework.lang.Nullable;

/** The employee's choice for one option; {@code changedAt}/{@code changedBy} are null while never chosen. */
public record SharingSetting(Domain domain, Audience audience, boolean granted, @Nullable OffsetDateTime changedAt,
    @Nullable String changedBy) {
}
