package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** Domain C: a goal set together with the employee, with its progress (0-100). */
public record Goal(UUID id, UUID caseId, String title, @Nullable String description, int progress, Status status,
    @Nullable LocalDate agreedWithEmployeeOn, String createdBy, OffsetDateTime updatedAt, int version) {

  /** The longest title (the column holds it). */
  public static final int MAX_TITLE = 200;
  /** The longest description. */
  public static final int MAX_DESCRIPTION = 4000;

  public enum Status { OPEN, ACHIEVED, DROPPED }
}
