package nl.bluevitaal.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * One notice to one person about one case. {@code title} is Dutch text the journey composes ("Probleemanalyse: termijn
 * over 14 dagen (15 feb 2026)"); it is mailed, so it never holds health data (no diagnosis, no complaint) and never
 * the employee's name.
 */
public record Notice(String recipientUserId, UUID caseId, Kind kind, String title, @Nullable LocalDate dueOn) {

  /** The longest title a notice holds (the column's width). */
  public static final int MAX_TITLE = 300;

  public Notice {
    Objects.requireNonNull(recipientUserId, "recipientUserId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    if (recipientUserId.isBlank() || title.isBlank() || title.length() > MAX_TITLE) {
      throw new IllegalArgumentException("A notice needs a recipient and a title of 1 to " + MAX_TITLE
          + " characters");
    }
  }

  public enum Kind { DEADLINE_WARNING, DEADLINE_MISSED, ESCALATION, OPEN_AT_END }

  /** A notice as kept for its recipient: with its id, its case's number and when it was made. */
  public record Stored(UUID id, Notice notice, String caseNumber, OffsetDateTime createdAt) { }
}
