package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Domain D: a note of the company doctor (or a care professional under their delegation). */
public record MedicalNote(UUID id, UUID caseId, String authorUserId, OffsetDateTime notedAt, String text,
    OffsetDateTime lastChangedAt, int version) {

  /** The longest medical note. */
  public static final int MAX_TEXT = 20_000;
}
