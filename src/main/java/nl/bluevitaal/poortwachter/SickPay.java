package nl.bluevitaal.poortwachter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the sick-pay rules into calendar periods of one case. It counts with the deadline engine, so a relapse gap
 * moves the periods exactly as it moves the deadlines, and the end of wage payment is the timeline's (extensions
 * included). Plain Java, like the engine. It knows percentages only: BlueVitaal holds no salaries.
 */
public final class SickPay {

  private final DeadlineEngine engine;
  private final SickPayRules rules;

  public SickPay(DeadlineEngine engine, SickPayRules rules) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public SickPayRules rules() {
    return rules;
  }

  /**
   * The pay periods of the case holding the last of {@code periods}, from its first sick day to the end of wage
   * payment, or to its last sick day when it closed before reaching that.
   *
   * @param periods all sick periods of the employee, oldest first, as for {@link DeadlineEngine#timeline}
   * @param timeline the timeline the engine computed for these periods
   * @param serviceRelated whether the illness is caused by the service: one period at the service-related share
   */
  public List<PayPeriod> periods(List<SickPeriod> periods, Timeline timeline, boolean serviceRelated) {
    LocalDate lastDay = timeline.deadline(Milestone.END_OF_WAGE_PAYMENT)
        .orElseGet(() -> periods.get(periods.size() - 1).recoveredOn().minusDays(1));
    long lastCountedDay = engine.progress(periods, lastDay).daysSick();
    List<SickPayRules.Step> steps = serviceRelated
        ? List.of(new SickPayRules.Step(null, rules.serviceRelatedPercentage()))
        : rules.steps();
    List<PayPeriod> result = new ArrayList<>();
    long first = 1;
    for (SickPayRules.Step step : steps) {
      if (first > lastCountedDay) {
        break;
      }
      long last = step.weeks() == null ? lastCountedDay : Math.min(first + 7L * step.weeks() - 1, lastCountedDay);
      result.add(new PayPeriod(dateOf(periods, first), dateOf(periods, last), step.percentage(), weekOf(first),
          weekOf(last)));
      first = last + 1;
    }
    return List.copyOf(result);
  }

  private LocalDate dateOf(List<SickPeriod> periods, long countedDay) {
    return engine.dateOfCountedSickDay(periods, Math.toIntExact(countedDay));
  }

  private static int weekOf(long countedDay) {
    return (int) ((countedDay - 1) / 7) + 1;
  }
}
