package nl.bluevitaal.poortwachter;

import java.time.LocalDate;

/**
 * How far an employee is on the journey on a given day: the sick days counted so far (partial work counts, recovered
 * gaps do not), the week they fall in, and the length of the journey in weeks (the end of wage payment).
 */
public record AbsenceProgress(long daysSick, int week, int journeyWeeks, LocalDate firstSickDay, boolean ongoing) {

  /** The week as a progress bar shows it: never past the end of the journey. */
  public int barValue() {
    return Math.min(week, journeyWeeks);
  }
}
