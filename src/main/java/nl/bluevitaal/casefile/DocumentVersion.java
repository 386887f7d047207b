package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import org.springframework.lang.Nullable;

/**
 * One version of a document. {@code functionalAdvice} is null when the document carries none or the reader may not
 * see domain B. {@code authorRole} is {@code EMPLOYEE} for a correction the employee made during their review.
 */
public record DocumentVersion(int number, String content, @Nullable FunctionalAdvice functionalAdvice, String authorUserId,
    String authorRole, OffsetDateTime createdAt) {
}
