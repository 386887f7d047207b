package nl.bluevitaal.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minimumGroup}: no figure about fewer people than this is shown, charted or exported (insight.md; our own
 * policy, recorded in the DPIA). Below 5 the gate refuses to start: a "group" of two is a person and a witness.
 */
@ConfigurationProperties("bluevitaal.insight")
public record InsightProperties(@DefaultValue("10") int minimumGroup) {

  public InsightProperties {
    if (minimumGroup < 5) {
      throw new IllegalArgumentException("bluevitaal.insight.minimum-group must be at least 5, not " + minimumGroup);
    }
  }
}
