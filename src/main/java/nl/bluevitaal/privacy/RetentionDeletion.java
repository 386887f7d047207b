package nl.bluevitaal.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One logged deletion of the retention job. {@code domain} is null for the engine's history of the case;
 * {@code rows} is the number of rows (or, for the engine, process instances) deleted.
 */
public record RetentionDeletion(OffsetDateTime deletedAt, UUID caseId, RetentionRule rule, Domain domain, int rows,
    String what) {
}
