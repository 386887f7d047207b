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
    Map<String, String> errors = new LinkedHashMap<>();
    validatePeriods(periods, errors);
    validateExtension("voluntaryExtensionWeeks", voluntaryExtensionWeeks, errors);
    validateExtension("wageSanctionWeeks", wageSanctionWeeks, errors);
    if (!errors.isEmpty()) {
      throw new InvalidTimelineException(errors);
    }

    try {
      List<SickPeriod> sickCase = currentCase(periods);
      Map<Milestone, LocalDate> deadlines = new EnumMap<>(Milestone.class);
      for (Milestone milestone : Milestone.values()) {
        int week = weeks.weeksFor(milestone) + extensionWeeks(milestone, voluntaryExtensionWeeks, wageSanctionWeeks);
        deadlines.put(milestone, dateOf(sickCase, 7 * week));
      }
      return new Timeline(sickCase.get(0).sickFrom(), sickCase.size() > 1, gapDays(sickCase), deadlines);
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
      return dateOf(currentCase(periods), countedDay);
    } catch (DateTimeException | ArithmeticException e) {
      throw outOfReach();
    }
  }

  /**
   * How far the case holding the last period is on {@code today}: counted sick days (up to and including today for a
   * period still open), their week, and the journey's length in weeks.
   */
  public AbsenceProgress progress(List<SickPeriod> periods, LocalDate today) {
    Objects.requireNonNull(today, "today");
    List<SickPeriod> sickCase = currentCase(periods);
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

  /** The trailing periods joined to the last one by relapses within the window. */
  private static List<SickPeriod> currentCase(List<SickPeriod> periods) {
    int first = periods.size() - 1;
    while (first > 0 && gap(periods.get(first - 1), periods.get(first)) < RELAPSE_WINDOW_DAYS) {
      first--;
    }
    return periods.subList(first, periods.size());
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

  private static void validateExtension(String field, int weeks, Map<String, String> errors) {
    if (weeks < 0 || weeks > MAX_EXTENSION_WEEKS) {
      errors.put(field, "must be between 0 and " + MAX_EXTENSION_WEEKS + " weeks, was " + weeks);
    }
  }
}
