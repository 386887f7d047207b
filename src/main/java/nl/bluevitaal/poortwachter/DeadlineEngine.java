package nl.bluevitaal.poortwachter;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes poortwachter deadlines by counting sick days.
 *
 * <p>A step due "by week N" falls on the case's 7N-th counted sick day. Days of partial work count; the recovered
 * days between periods of one case do not, which is how a relapse pushes the open deadlines. A report less than
 * {@value #RELAPSE_WINDOW_DAYS} days after full recovery joins the earlier case (samentellen); a later one starts
 * a case with its own clock. Plain Java on purpose: the process, the pages and the API all lean on this
 * arithmetic, and none of them may bend it.
 */
public final class DeadlineEngine {

  /** A relapse this many days or more after full recovery starts a new case. */
  public static final int RELAPSE_WINDOW_DAYS = 28;

  /** The longest voluntary extension or wage sanction (loonsanctie) in weeks. */
  public static final int MAX_EXTENSION_WEEKS = 52;

  private final DeadlineWeeks weeks;

  public DeadlineEngine(DeadlineWeeks weeks) {
    this.weeks = Objects.requireNonNull(weeks, "weeks");
  }

  /** The configured week numbers this engine counts with. */
  public DeadlineWeeks weeks() {
    return weeks;
  }

  /**
   * The timeline of the case that holds the last of {@code periods}.
   *
   * @param periods all sick periods of the employee, oldest first; only the last may be open
   * @param voluntaryExtensionWeeks agreed extension of wage payment, 0..52; moves the final evaluation, the WIA
   *     application and the end of wage payment
   * @param wageSanctionWeeks loonsanctie imposed by UWV, 0..52; UWV imposes it when it reviews the WIA
   *     application, so it moves only the end of wage payment
   * @throws InvalidTimelineException naming each field that makes the input unusable
   */
  public Timeline timeline(List<SickPeriod> periods, int voluntaryExtensionWeeks, int wageSanctionWeeks) {
    return timeline(TimelineInput.of(periods).withExtensions(voluntaryExtensionWeeks, wageSanctionWeeks));
  }

  /**
   * The timeline of the case that holds the last of the input's periods. Pregnancy and birth leave joins the periods
   * directly before and after it into one case, whatever its length; its days are not counted. A 42-week
   * notification that UWV received later than the first day after its deadline moves the final evaluation, the WIA
   * application and the end of wage payment by one counted day per day late (art. 7:629 lid 11 BW), on top of any
   * extension.
   *
   * @throws InvalidTimelineException naming each field that makes the input unusable
   */
  public Timeline timeline(TimelineInput input) {
    Objects.requireNonNull(input, "input");
    List<SickPeriod> periods = input.periods();
    Map<String, String> errors = new LinkedHashMap<>();
    validatePeriods(periods, errors);
    validateExtension("voluntaryExtensionWeeks", input.voluntaryExtensionWeeks(), errors);
    validateExtension("wageSanctionWeeks", input.wageSanctionWeeks(), errors);
    validateLeaves(periods, input.leaves(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidTimelineException(errors);
    }

    try {
      List<SickPeriod> sickCase = currentCase(periods, leavesOf(input.leaves()));
      LocalDate caseStart = sickCase.get(0).sickFrom();
      LocalDate notifiedOn = input.uwvNotifiedOn();
      if (notifiedOn != null && notifiedOn.isBefore(caseStart)) {
        throw new InvalidTimelineException(Map.of("uwvNotifiedOn",
            "UWV cannot have received the notification before the first sick day of the case (" + caseStart + ")"));
      }
      int daysLate = daysLate(dateOf(sickCase, 7L * weeks.weeksFor(Milestone.UWV_NOTIFICATION)), notifiedOn);
      Map<Milestone, LocalDate> deadlines = new EnumMap<>(Milestone.class);
      for (Milestone milestone : Milestone.values()) {
        int week = weeks.weeksFor(milestone)
            + extensionWeeks(milestone, input.voluntaryExtensionWeeks(), input.wageSanctionWeeks());
        deadlines.put(milestone, dateOf(sickCase, 7L * week + (movedByLateNotification(milestone) ? daysLate : 0)));
      }
      return new Timeline(caseStart, sickCase.size() > 1, gapDays(sickCase), deadlines, daysLate);
    } catch (DateTimeException | ArithmeticException e) {
      throw outOfReach();
    }
  }

  /** Dates so far off that the calendar or a day count overflows: no case spans them. */
  private static InvalidTimelineException outOfReach() {
    return new InvalidTimelineException(Map.of("periods",
        "the dates lie too far apart or too far from today to count sick days"));
  }

  /**
   * The date on which the case holding the last period reaches its {@code countedDay}-th sick day (day 1 is the
   * first sick day); {@code null} when the case closed before reaching it. Useful for steps the timeline does not
   * name, such as the company doctor's report in week 1.
   *
   * @throws InvalidTimelineException when the periods are unusable
   */
  public LocalDate dateOfCountedSickDay(List<SickPeriod> periods, int countedDay) {
    if (countedDay < 1) {
      throw new IllegalArgumentException("countedDay starts at 1 (the first sick day), was " + countedDay);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    validatePeriods(periods, errors);
    if (!errors.isEmpty()) {
      throw new InvalidTimelineException(errors);
    }
    try {
      return dateOf(currentCase(periods, List.of()), countedDay);
    } catch (DateTimeException | ArithmeticException e) {
      throw outOfReach();
    }
  }

  /**
   * How far the case holding the last period is on {@code today}: counted sick days (up to and including today for a
   * period still open), their week, and the journey's length in weeks.
   */
  public AbsenceProgress progress(List<SickPeriod> periods, LocalDate today) {
    return progress(periods, List.of(), today);
  }

  /** {@link #progress(List, LocalDate)} of a case whose periods may be joined by pregnancy and birth leave. */
  public AbsenceProgress progress(List<SickPeriod> periods, List<Leave> leaves, LocalDate today) {
    Objects.requireNonNull(today, "today");
    List<SickPeriod> sickCase = currentCase(periods, leavesOf(leaves));
    long days = 0;
    boolean ongoing = false;
    for (SickPeriod period : sickCase) {
      LocalDate end = period.recoveredOn() != null ? period.recoveredOn() : today.plusDays(1);
      ongoing |= period.isOpen();
      if (end.isAfter(period.sickFrom())) {
        days += DAYS.between(period.sickFrom(), end);
      }
    }
    int week = days == 0 ? 0 : (int) ((days - 1) / 7) + 1;
    return new AbsenceProgress(days, week, weeks.weeksFor(Milestone.END_OF_WAGE_PAYMENT), sickCase.get(0).sickFrom(),
        ongoing);
  }

  private static int extensionWeeks(Milestone milestone, int voluntaryExtensionWeeks, int wageSanctionWeeks) {
    return switch (milestone) {
      case FINAL_EVALUATION, WIA_APPLICATION -> voluntaryExtensionWeeks;
      case END_OF_WAGE_PAYMENT -> voluntaryExtensionWeeks + wageSanctionWeeks;
      default -> 0;
    };
  }

  /** Only the final evaluation, the WIA application and the end of wage payment wait for a late notification. */
  private static boolean movedByLateNotification(Milestone milestone) {
    return milestone == Milestone.FINAL_EVALUATION || milestone == Milestone.WIA_APPLICATION
        || milestone == Milestone.END_OF_WAGE_PAYMENT;
  }

  /**
   * Days after the first day past the deadline: UWV counts a notification received that day as on time. None when
   * the case never reached the deadline or the day is not known.
   */
  private static int daysLate(LocalDate uwvDeadline, LocalDate notifiedOn) {
    if (uwvDeadline == null || notifiedOn == null) {
      return 0;
    }
    return (int) Math.max(0, DAYS.between(uwvDeadline.plusDays(1), notifiedOn));
  }

  private static List<Leave> leavesOf(List<Leave> leaves) {
    return leaves == null ? List.of() : leaves;
  }

  /**
   * The trailing periods joined to the last one by relapses within the window, or by a pregnancy and birth leave
   * that lies exactly between two of them.
   */
  private static List<SickPeriod> currentCase(List<SickPeriod> periods, List<Leave> leaves) {
    int first = periods.size() - 1;
    while (first > 0 && joined(periods.get(first - 1), periods.get(first), leaves)) {
      first--;
    }
    return periods.subList(first, periods.size());
  }

  private static boolean joined(SickPeriod earlier, SickPeriod later, List<Leave> leaves) {
    return gap(earlier, later) < RELAPSE_WINDOW_DAYS
        || leaves.stream().anyMatch(leave -> leave.bridges(earlier, later));
  }

  private static int gapDays(List<SickPeriod> sickCase) {
    int gapDays = 0;
    for (int i = 1; i < sickCase.size(); i++) {
      gapDays += gap(sickCase.get(i - 1), sickCase.get(i));
    }
    return gapDays;
  }

  private static int gap(SickPeriod earlier, SickPeriod later) {
    return Math.toIntExact(DAYS.between(earlier.recoveredOn(), later.sickFrom()));
  }

  private static LocalDate dateOf(List<SickPeriod> sickCase, long countedDay) {
    long remaining = countedDay;
    for (SickPeriod period : sickCase) {
      if (period.isOpen()) {
        return period.sickFrom().plusDays(remaining - 1);
      }
      long sickDays = DAYS.between(period.sickFrom(), period.recoveredOn());
      if (remaining <= sickDays) {
        return period.sickFrom().plusDays(remaining - 1);
      }
      remaining -= sickDays;
    }
    return null;
  }

  private static void validatePeriods(List<SickPeriod> periods, Map<String, String> errors) {
    if (periods == null || periods.isEmpty()) {
      errors.put("periods", "at least one sick period is required");
      return;
    }
    SickPeriod previous = null;
    int previousIndex = -1;
    for (int i = 0; i < periods.size(); i++) {
      String path = "periods[" + i + "]";
      SickPeriod period = periods.get(i);
      if (period == null) {
        errors.put(path, "a sick period is required here");
        continue;
      }
      LocalDate sickFrom = period.sickFrom();
      LocalDate recoveredOn = period.recoveredOn();
      if (sickFrom == null) {
        errors.put(path + ".sickFrom", "the first sick day is required");
      } else if (recoveredOn != null && !recoveredOn.isAfter(sickFrom)) {
        errors.put(path + ".recoveredOn",
            "the first day of full work must come after the first sick day (" + sickFrom + ")");
      }
      if (recoveredOn == null && i < periods.size() - 1) {
        errors.put(path + ".recoveredOn", "only the last period may be open; give the first day of full work");
      }
      if (previous != null && sickFrom != null && previous.sickFrom() != null) {
        String previousPath = "periods[" + previousIndex + "]";
        if (sickFrom.isBefore(previous.sickFrom())) {
          errors.putIfAbsent(path + ".sickFrom", "periods must be in date order; this one starts before "
              + previousPath + " (" + previous.sickFrom() + ")");
        } else if (previous.recoveredOn() != null && sickFrom.isBefore(previous.recoveredOn())) {
          errors.putIfAbsent(path + ".sickFrom", "periods may not overlap; this one starts before "
              + previousPath + " ended with full work on " + previous.recoveredOn());
        }
      }
      previous = period;
      previousIndex = i;
    }
  }

  /**
   * Each leave needs both days in order, may not overlap a sick period (leave and sickness exclude each other: the
   * period before ends on the leave's first day) nor another leave.
   */
  private static void validateLeaves(List<SickPeriod> periods, List<Leave> leaves, Map<String, String> errors) {
    if (leaves == null) {
      return;
    }
    for (int i = 0; i < leaves.size(); i++) {
      String path = "leaves[" + i + "]";
      Leave leave = leaves.get(i);
      if (leave == null) {
        errors.put(path, "a leave is required here");
        continue;
      }
      if (leave.from() == null) {
        errors.put(path + ".from", "the first day of leave is required");
      }
      if (leave.to() == null) {
        errors.put(path + ".to", "the last day of leave is required");
      }
      if (leave.from() == null || leave.to() == null) {
        continue;
      }
      if (leave.to().isBefore(leave.from())) {
        errors.put(path + ".to", "the last day of leave may not come before its first day (" + leave.from() + ")");
        continue;
      }
      validateLeaveOverlaps(periods, leaves, i, errors);
    }
  }

  private static void validateLeaveOverlaps(List<SickPeriod> periods, List<Leave> leaves, int index,
      Map<String, String> errors) {
    String path = "leaves[" + index + "]";
    Leave leave = leaves.get(index);
    for (int p = 0; periods != null && p < periods.size(); p++) {
      SickPeriod period = periods.get(p);
      if (period == null || period.sickFrom() == null) {
        continue;
      }
      boolean startsBeforeRecovery = period.recoveredOn() == null || leave.from().isBefore(period.recoveredOn());
      if (startsBeforeRecovery && !leave.to().isBefore(period.sickFrom())) {
        String field = leave.from().isBefore(period.sickFrom()) ? ".to" : ".from";
        errors.putIfAbsent(path + field, "a leave may not overlap a sick period; periods[" + p + "] is sick from "
            + period.sickFrom() + (period.recoveredOn() == null ? " on" : " until full work on "
            + period.recoveredOn()));
        return;
      }
    }
    for (int other = 0; other < index; other++) {
      Leave earlier = leaves.get(other);
      if (earlier != null && earlier.from() != null && earlier.to() != null && !earlier.to().isBefore(earlier.from())
          && !leave.from().isAfter(earlier.to()) && !earlier.from().isAfter(leave.to())) {
        errors.putIfAbsent(path + ".from", "leaves may not overlap; this one overlaps leaves[" + other + "] ("
            + earlier.from() + " to " + earlier.to() + ")");
        return;
      }
    }
  }

  private static void validateExtension(String field, int weeks, Map<String, String> errors) {
    if (weeks < 0 || weeks > MAX_EXTENSION_WEEKS) {
      errors.put(field, "must be between 0 and " + MAX_EXTENSION_WEEKS + " weeks, was " + weeks);
    }
  }
}
