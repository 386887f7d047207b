package nl.bluevitaal.selfservice.homefront;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the employee may let their home front see. Only these exist: documents, medical data, check-in answers, scores
 * and notes are no item, so no choice can ever show them (docs/privacy.md, domain F).
 */
public enum HomeFrontItem {
  /** Where the journey stands, in plain words (the phase), without dates of appointments. */
  PHASE(true),
  /** What the family can do: the care unit's tips for the home front. */
  FAMILY_TIPS(true),
  /** Whom to call: the care unit, 113, the GP out of hours. */
  WHOM_TO_CALL(true),
  /** The next step of the journey and the date it is due by: only when the employee ticks it. */
  NEXT_STEP(false),
  /** Whether the employee did a check-in this week: yes or no, never its answers, score, outcome or note. */
  CHECK_IN_DONE(false);

  private final boolean byDefault;

  HomeFrontItem(boolean byDefault) {
    this.byDefault = byDefault;
  }

  /** Shown unless the employee turns it off; the others only when the employee turns them on. */
  public boolean byDefault() {
    return byDefault;
  }

  public static Set<HomeFrontItem> defaults() {
    EnumSet<HomeFrontItem> items = EnumSet.noneOf(HomeFrontItem.class);
    Arrays.stream(values()).filter(HomeFrontItem::byDefault).forEach(items::add);
    return items;
  }
}
