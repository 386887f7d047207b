package nl.bluevitaal.casefile;

import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/**
 * Domain B: what the company doctor reports to the employer side in the problem analysis. Functional limitations,
 * remaining abilities, advice, adjustments and expected duration; never a diagnosis or complaints.
 */
public record FunctionalAdvice(
    @Nullable @Size(max = 4000) String limitations,
    @Nullable @Size(max = 4000) String remainingAbilities,
    @Nullable @Size(max = 4000) String advice,
    @Nullable @Size(max = 4000) String adjustments,
    @Nullable @Size(max = 200) String expectedDuration) {
}
