package nl.bluevitaal.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** A notice for one person about one case; its title never holds health data, so it may be mailed. */
public record Notice(String recipientUserId, UUID caseId, Kind kind, String title, @Nullable LocalDate dueOn) {
  public enum Kind { DEADLINE_WARNING, DEADLINE_MISSED, ESCALATION, OPEN_AT_END }
  public record Stored(UUID id, Notice notice, String caseNumber, OffsetDateTime createdAt) { }
}
