package nl.bluevitaal.selfservice.homefront;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * The naaste's own check-in about how they are doing (1 = bad, 5 = good for wellbeing and support; 1 = light, 5 =
 * heavy for the burden at home). Theirs: shown to the counsellor only when they shared it, never to employer roles.
 */
public record HomeFrontCheckIn(UUID id, OffsetDateTime doneAt, int wellbeing, int support, int burden,
    @Nullable String note, boolean sharedWithCounsellor) {

  public static final int MAX_NOTE = 500;
}
