package nl.bluevitaal.journey.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How soon a wish for contact is answered, {@code bluevitaal.contact.*}: the care unit's own promise, not the law's.
 *
 * @param workingDaysToCall a wish made today is due this many working days (Monday to Friday) later; a wish for
 *     contact today (a red check-in) is due the same day
 */
@ConfigurationProperties("bluevitaal.contact")
@Validated
public record ContactWishProperties(@DefaultValue("1") @Min(0) @Max(10) int workingDaysToCall) {
}
