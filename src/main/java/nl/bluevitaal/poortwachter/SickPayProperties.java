package nl.bluevitaal.poortwachter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sick-pay rules, e.g. {@code bluevitaal.sick-pay.periods[0].weeks=52},
 * {@code bluevitaal.sick-pay.periods[0].percentage=100}, {@code bluevitaal.sick-pay.periods[1].percentage=70}.
 * Validated at start: a wrong share on an employee's page is worse than an application that does not start.
 */
@ConfigurationProperties("bluevitaal.sick-pay")
@Validated
public record SickPayProperties(
    @NotEmpty List<@Valid @NotNull PeriodProperties> periods,
    @DefaultValue("100") @Min(0) @Max(100) int serviceRelatedPercentage) {

  /**
   * One step: how many sick weeks it lasts (none for the last, which runs until the end of wage payment) and the
   * share of the salary kept.
   */
  public record PeriodProperties(
      @Min(1) @Max(PoortwachterProperties.MAX_WEEK) Integer weeks,
      @NotNull @Min(0) @Max(100) Integer percentage) {
  }

  public SickPayProperties {
    // Absent means the defaults; a bound list is kept as is so that validation can name a bad entry.
    periods = periods == null ? defaultPeriods() : periods;
  }

  private static List<PeriodProperties> defaultPeriods() {
    return SickPayRules.DEFAULTS.steps().stream().map(s -> new PeriodProperties(s.weeks(), s.percentage())).toList();
  }

  /** Every step but the last has weeks; the last runs until the end of wage payment. */
  @AssertTrue(message = "every period but the last needs weeks; the last runs until the end of wage payment and"
      + " has no weeks")
  public boolean isLastOpenEnded() {
    for (int i = 0; i < periods.size(); i++) {
      PeriodProperties period = periods.get(i);
      if (period != null && (i == periods.size() - 1) != (period.weeks() == null)) {
        return false;
      }
    }
    return true;
  }

  public SickPayRules toRules() {
    return new SickPayRules(periods.stream().map(p -> new SickPayRules.Step(p.weeks(), p.percentage())).toList(),
        serviceRelatedPercentage);
  }
}
