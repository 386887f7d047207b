package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.lang.Nullable;

/** Domain A: the work capacity from a date on; {@code recordedBy} is null when the journey recorded it. */
public record WorkCapacityRecord(int pct, LocalDate from, @Nullable String recordedBy, OffsetDateTime recordedAt) {
}
