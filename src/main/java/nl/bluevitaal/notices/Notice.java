package nl.bluevitaal.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * One notice to one person about one case. {@code title} is Dutch text the journey composes ("Probleemanalyse: termijn
 * over 14 dagen (15 feb 2026)"); it is mailed, so it never holds health data (no diagnosis, no complaint) and never
 * the employee's name. {@code link} is the path in the app where the recipient acts on it; without one the notice
 * leads to the case page, or for the case's employee (whom the staff pages refuse) to Mijn traject.
 */
public record Notice(String recipientUserId, UUID caseId, Kind kind, String title, @Nullable LocalDate dueOn,
    @Nullable String link) {

  /** The longest title a notice holds (the column's width). */
  public static final int MAX_TITLE = 300;

  /** The longest link a notice holds (the column's width). */
  public static final int MAX_LINK = 200;

  public Notice {
    Objects.requireNonNull(recipientUserId, "recipientUserId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    if (recipientUserId.isBlank() || title.isBlank() || title.length() > MAX_TITLE) {
      throw new IllegalArgumentException("A notice needs a recipient and a title of 1 to " + MAX_TITLE
          + " characters");
    }
    // A path of our own app only: a notice is mailed, and a link elsewhere would be a phishing aid.
    if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > MAX_LINK)) {
      throw new IllegalArgumentException("A notice's link is a path in the app of at most " + MAX_LINK
          + " characters");
    }
  }

  /** A notice that leads where notices of its kind lead for its recipient (see the class comment). */
  public Notice(String recipientUserId, UUID caseId, Kind kind, String title, @Nullable LocalDate dueOn) {
    this(recipientUserId, caseId, kind, title, dueOn, null);
  }

  /** The same notice leading to {@code path}. */
  public Notice leadingTo(String path) {
    return new Notice(recipientUserId, caseId, kind, title, dueOn, path);
  }

  /** What a notice is; {@code REMINDER} is one the employee chose to get (their check-in, a step waiting for them). */
  public enum Kind { DEADLINE_WARNING, DEADLINE_MISSED, ESCALATION, OPEN_AT_END, REMINDER }

  /** A notice as kept for its recipient: with its id, its case's number and when it was made. */
  public record Stored(UUID id, Notice notice, String caseNumber, OffsetDateTime createdAt) { }
}
