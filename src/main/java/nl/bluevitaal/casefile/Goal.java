package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Domain C: a goal set together with the employee, with its progress (0-100). */
public record Goal(UUID id, UUID caseId, String title, String description, int progress, Status status,
    LocalDate agreedWithEmployeeOn, String createdBy, OffsetDateTime updatedAt, int version) {

  public enum Status { OPEN, ACHIEVED, DROPPED }
}
