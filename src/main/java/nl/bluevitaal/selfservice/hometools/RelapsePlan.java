package nl.bluevitaal.selfservice.hometools;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * Domain E: the employee's relapse-prevention plan in the counselling method's three phases. Green: how I am when it
 * goes well and what keeps it so. Orange: the early signals I notice, what others notice, what I do then. Red: the
 * signals that it goes wrong and what I do then. Besides: what sets it off (triggers) and whom I call: people the
 * employee types in, and optionally the counsellor and the company doctor of the case.
 */
public record RelapsePlan(UUID caseId, Content content, String updatedBy, OffsetDateTime updatedAt, int version) {

  /** The longest text of one part of the plan. */
  public static final int MAX_TEXT = 2000;

  /** What the employee writes; every text is optional, one thought per line. */
  public record Content(@Nullable String wellSigns, @Nullable String wellActions, @Nullable String earlySignals,
      @Nullable String othersNotice, @Nullable String earlyActions, @Nullable String crisisSignals,
      @Nullable String crisisActions, @Nullable String triggers, @Nullable String ownContacts,
      boolean callCounsellor, boolean callDoctor) {
  }
}
