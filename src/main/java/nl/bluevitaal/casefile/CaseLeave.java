package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.poortwachter.Leave;

/**
 * Pregnancy and birth leave recorded on a case: an administrative fact (domain A), never why. The sick periods
 * directly before and after it are one case whatever its length.
 *
 * @param to the last day of leave
 */
public record CaseLeave(UUID id, LocalDate from, LocalDate to) {

  /** The leave as the deadline engine counts it. */
  public Leave toLeave() {
    return new Leave(from, to);
  }
}
