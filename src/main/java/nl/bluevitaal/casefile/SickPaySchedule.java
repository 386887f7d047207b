package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.List;
import nl.bluevitaal.poortwachter.PayPeriod;
import org.springframework.lang.Nullable;

/**
 * The share of the salary the employee keeps over the case, in calendar periods (domain A: dates and percentages,
 * never amounts), and whether the illness is recorded as service-related.
 */
public record SickPaySchedule(ServiceRelated serviceRelated, List<PayPeriod> periods) {

  public SickPaySchedule {
    periods = List.copyOf(periods);
  }

  /** The period the day falls in; null before the first, after the last, or in a gap between sick periods. */
  @Nullable
  public PayPeriod periodOn(LocalDate day) {
    return periods.stream().filter(p -> p.contains(day)).findFirst().orElse(null);
  }
}
