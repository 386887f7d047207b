package nl.bluevitaal.casefile;

import jakarta.validation.constraints.Size;

/**
 * Domain B: what the company doctor reports to the employer side in the problem analysis. Functional limitations,
 * remaining abilities, advice, adjustments and expected duration; never a diagnosis or complaints.
 */
public record FunctionalAdvice(
    @Size(max = 4000) String limitations,
    @Size(max = 4000) String remainingAbilities,
    @Size(max = 4000) String advice,
    @Size(max = 4000) String adjustments,
    @Size(max = 200) String expectedDuration) {
}
