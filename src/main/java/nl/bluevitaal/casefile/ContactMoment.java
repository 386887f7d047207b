package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Domain C: a conversation or other contact with the employee, with its note. */
public record ContactMoment(UUID id, UUID caseId, OffsetDateTime happenedAt, String authorUserId, Kind kind,
    String summary, boolean confidential) {

  /** The longest note of a contact. */
  public static final int MAX_SUMMARY = 20_000;

  public enum Kind { CONVERSATION, PHONE, VIDEO, HOME_VISIT, WORKPLACE_VISIT, MESSAGE }
}
