package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Domain C, part of its goal: a comment by the employee or the counsellor, with the author's name as the identity
 * store has it ({@code authorName} is the user id when the account is gone).
 */
public record GoalComment(UUID id, UUID goalId, String author, String authorName, boolean byEmployee, String text,
    OffsetDateTime createdAt) {
}
