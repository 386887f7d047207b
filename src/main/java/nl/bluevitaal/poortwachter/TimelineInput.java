package nl.bluevitaal.poortwachter;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the deadline engine counts a case's timeline from.
 *
 * @param periods all sick periods of the employee, oldest first; only the last may be open
 * @param voluntaryExtensionWeeks agreed extension of wage payment, 0..52
 * @param wageSanctionWeeks loonsanctie imposed by UWV, 0..52
 * @param uwvNotifiedOn the day UWV received the 42-week notification; {@code null} while unknown
 * @param leaves pregnancy and birth leave between sick periods, in any order; {@code null} or empty when none
 */
public record TimelineInput(List<SickPeriod> periods, int voluntaryExtensionWeeks, int wageSanctionWeeks,
    LocalDate uwvNotifiedOn, List<Leave> leaves) {

  /** Only the sick periods: no extension, no known notification, no leave. */
  public static TimelineInput of(List<SickPeriod> periods) {
    return new TimelineInput(periods, 0, 0, null, null);
  }

  public TimelineInput withExtensions(int voluntaryExtensionWeeks, int wageSanctionWeeks) {
    return new TimelineInput(periods, voluntaryExtensionWeeks, wageSanctionWeeks, uwvNotifiedOn, leaves);
  }

  public TimelineInput withUwvNotifiedOn(LocalDate uwvNotifiedOn) {
    return new TimelineInput(periods, voluntaryExtensionWeeks, wageSanctionWeeks, uwvNotifiedOn, leaves);
  }

  public TimelineInput withLeaves(List<Leave> leaves) {
    return new TimelineInput(periods, voluntaryExtensionWeeks, wageSanctionWeeks, uwvNotifiedOn, leaves);
  }
}
