package nl.bluevitaal.selfservice.checkin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * A check-in as the employee sends it. {@code clientId}: made on the device, so sending it twice stores it once;
 * {@code takenAt}: when it was filled in (a check-in kept offline arrives later), null for now.
 */
public record NewCheckIn(@Nullable String instrument, List<Integer> answers, @Nullable String note, UUID clientId,
    @Nullable OffsetDateTime takenAt) {

  /** The most a note may hold. */
  public static final int MAX_NOTE = 1000;

  public NewCheckIn {
    // An answer may be missing (null): the service says which, beside the question.
    answers = answers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(answers));
  }
}
