package nl.bluevitaal.poortwachter;

import java.time.LocalDate;

/**
 * Pregnancy and birth leave between two sick periods (art. 7:629 lid 10 BW): the periods directly before and after it
 * are one case whatever its length, and its days are not counted as sick days.
 *
 * @param from the first day of leave; the sick period before it ends with {@code recoveredOn} on this day
 * @param to the last day of leave; the sick period after it starts the day after
 */
public record Leave(LocalDate from, LocalDate to) {

  /** Whether this leave lies exactly between the two periods: recovered on its first day, sick the day after it. */
  public boolean bridges(SickPeriod earlier, SickPeriod later) {
    return from.equals(earlier.recoveredOn()) && later.sickFrom().equals(to.plusDays(1));
  }
}
