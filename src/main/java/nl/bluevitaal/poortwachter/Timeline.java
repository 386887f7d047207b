package nl.bluevitaal.poortwachter;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadlines of the case that holds the latest sick period.
 *
 * @param caseStart the first sick day of that case: day 1 of its clock
 * @param sameCase whether the case joins more than one sick period (a relapse within 28 days of recovery)
 * @param gapDays the recovered days between its periods; they are not counted, so they push every later deadline
 * @param deadlines every milestone, mapped to {@code null} when a closed case never reached it
 * @param uwvNotificationDaysLate the days UWV received the 42-week notification after the first day past its
 *     deadline; they move the final evaluation, the WIA application and the end of wage payment. 0 when on time or
 *     unknown
 */
public record Timeline(LocalDate caseStart, boolean sameCase, int gapDays, Map<Milestone, LocalDate> deadlines,
    int uwvNotificationDaysLate) {

  public Timeline {
    Objects.requireNonNull(deadlines, "deadlines");
    // EnumMap keeps the legal order and, unlike Map.copyOf, allows the null of an unreached deadline.
    EnumMap<Milestone, LocalDate> copy = new EnumMap<>(Milestone.class);
    copy.putAll(deadlines);
    deadlines = Collections.unmodifiableMap(copy);
  }

  /** A timeline whose 42-week notification was on time or is not known. */
  public Timeline(LocalDate caseStart, boolean sameCase, int gapDays, Map<Milestone, LocalDate> deadlines) {
    this(caseStart, sameCase, gapDays, deadlines, 0);
  }

  /** The date by which the step is due; empty when the case closed before reaching it. */
  public Optional<LocalDate> deadline(Milestone milestone) {
    return Optional.ofNullable(deadlines.get(milestone));
  }
}
