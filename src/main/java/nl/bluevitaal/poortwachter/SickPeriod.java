package nl.bluevitaal.poortwachter;

import java.time.LocalDate;

/**
 * One stretch of sickness as reported. Partial work inside it still counts as sick.
 *
 * @param sickFrom the first sick day
 * @param recoveredOn the first day of full work again; {@code null} while the period is still open
 */
public record SickPeriod(LocalDate sickFrom, LocalDate recoveredOn) {

  /** An open period: the employee is still sick. */
  public static SickPeriod openFrom(LocalDate sickFrom) {
    return new SickPeriod(sickFrom, null);
  }

  public boolean isOpen() {
    return recoveredOn == null;
  }
}
