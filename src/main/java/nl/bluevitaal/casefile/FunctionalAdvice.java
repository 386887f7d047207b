package nl.bluevitaal.casefile;

import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/**
 * Domain B: what the company doctor reports to the employer side in the problem analysis. Functional limitations,
 * remaining abilities, advice, adjustments and expected duration; never a diagnosis or complaints.
 */
public record FunctionalAdvice(
    @Nullable @Size(max = FunctionalAdvice.MAX_TEXT) String limitations,
    @Nullable @Size(max = FunctionalAdvice.MAX_TEXT) String remainingAbilities,
    @Nullable @Size(max = FunctionalAdvice.MAX_TEXT) String advice,
    @Nullable @Size(max = FunctionalAdvice.MAX_TEXT) String adjustments,
    @Nullable @Size(max = FunctionalAdvice.MAX_DURATION) String expectedDuration) {

  /** The longest limitation, ability, advice or adjustment text (the columns hold it). */
  public static final int MAX_TEXT = 4000;
  /** The longest expected duration. */
  public static final int MAX_DURATION = 200;
}
