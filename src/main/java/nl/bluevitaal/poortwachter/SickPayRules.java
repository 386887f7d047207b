package nl.bluevitaal.poortwachter;

import java.util.List;
import java.util.Objects;

/**
 * What share of the salary a sick civil servant keeps, counted in sick weeks from the first sick day: each step but
 * the last lasts a number of weeks, the last runs until the end of wage payment (which extensions move). A
 * service-related illness (dienstongeval, beroepsziekte) keeps one percentage throughout. Amounts are not ours: the
 * police's HR (P&O) pays them.
 *
 * @param steps the steps in order; all but the last have weeks, the last has none
 * @param serviceRelatedPercentage the share kept throughout when the illness is caused by the service
 */
public record SickPayRules(List<Step> steps, int serviceRelatedPercentage) {

  /** Besluit bezoldiging politie art. 38 as civil-servant sick pay: a year in full, then 70 %. */
  public static final SickPayRules DEFAULTS = new SickPayRules(List.of(new Step(52, 100), new Step(null, 70)), 100);

  /**
   * One step of the rules.
   *
   * @param weeks how many sick weeks it lasts; {@code null} for the last step, which runs until the end of wage
   *     payment
   * @param percentage the share of the salary kept, 0 to 100
   */
  public record Step(Integer weeks, int percentage) {

    public Step {
      if (weeks != null && weeks < 1) {
        throw new IllegalArgumentException("a step lasts at least one week, was " + weeks);
      }
      requirePercentage(percentage);
    }
  }

  public SickPayRules {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("at least one step is required");
    }
    for (int i = 0; i < steps.size(); i++) {
      boolean last = i == steps.size() - 1;
      if (last != (steps.get(i).weeks() == null)) {
        // Without this the pay after the last step, or of a step after an open one, would be undefined.
        throw new IllegalArgumentException("every step but the last needs weeks; the last runs until the end of"
            + " wage payment and has none (step " + (i + 1) + ")");
      }
    }
    requirePercentage(serviceRelatedPercentage);
  }

  private static void requirePercentage(int percentage) {
    if (percentage < 0 || percentage > 100) {
      throw new IllegalArgumentException("a percentage lies between 0 and 100, was " + percentage);
    }
  }
}
