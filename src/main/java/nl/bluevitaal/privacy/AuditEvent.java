package nl.bluevitaal.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * One line of the audit trail: who (user id and role on the case), did what, to which domain of which case, when.
 * {@code domain} is null for an event about the case as a whole (e.g. a refused request for an unknown case);
 * {@code actorUserId} is {@code "system"} for the retention job.
 */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actorUserId, String actorRole, AuditAction action,
    @Nullable Domain domain, @Nullable UUID caseId, String what) {
}
