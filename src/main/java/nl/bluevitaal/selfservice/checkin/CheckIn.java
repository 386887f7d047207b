package nl.bluevitaal.selfservice.checkin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.journey.CheckInTriage.Level;

/** A stored check-in (domain E): the answers, the score, the note, and the triage it got. */
public record CheckIn(UUID id, UUID clientId, UUID caseId, String instrument, List<Integer> answers, int rawScore,
    int scorePercentage, String note, Level level, String reason, OffsetDateTime takenAt,
    OffsetDateTime receivedAt) {

  public CheckIn {
    answers = List.copyOf(answers);
  }
}
