package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * Domain C: a goal set together with the employee, with its progress (0-100). The employee may propose one
 * ({@link Status#PROPOSED}, with what success looks like and the date they aim for) and update its progress; the
 * counsellor agrees it.
 */
public record Goal(UUID id, UUID caseId, String title, @Nullable String description, int progress, Status status,
    @Nullable LocalDate agreedWithEmployeeOn, @Nullable String success, @Nullable LocalDate targetDate,
    String createdBy, OffsetDateTime updatedAt, int version) {

  /** The longest title (the column holds it). */
  public static final int MAX_TITLE = 200;
  /** The longest description. */
  public static final int MAX_DESCRIPTION = 4000;

  /** The longest "what success looks like" (the column holds it). */
  public static final int MAX_SUCCESS = 1000;
  /** The longest title the employee's proposal form offers: short enough to read on a phone. */
  public static final int MAX_PROPOSED_TITLE = 120;
  /** The longest comment. */
  public static final int MAX_COMMENT = 1000;

  /** PROPOSED: the employee proposed it and the counsellor has not agreed it yet. */
  public enum Status { PROPOSED, OPEN, ACHIEVED, DROPPED }

  /** Whether the goal is still being worked on (proposed or agreed and open): its progress may change. */
  public boolean active() {
    return status == Status.PROPOSED || status == Status.OPEN;
  }
}
