package nl.bluevitaal.poortwachter;

import java.time.LocalDate;

/**
 * A stretch of the sick case with one share of the salary, in calendar dates that follow the counted sick days (a
 * relapse gap inside it makes it longer in the calendar, not in sick days).
 *
 * @param from the first day, a counted sick day
 * @param to the last day, inclusive: the end of wage payment for the last period, or the last sick day of a case
 *     that closed before
 * @param percentage the share of the salary kept
 * @param firstWeek the sick week {@code from} falls in
 * @param lastWeek the sick week {@code to} falls in
 */
public record PayPeriod(LocalDate from, LocalDate to, int percentage, int firstWeek, int lastWeek) {

  /** Whether the day lies in this period's calendar span. */
  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }
}
