package nl.bluevitaal.selfservice.homefront;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code invitationValidFor}: how long an invitation link works (default 7 days). {@code whomToCall}: the numbers the
 * home front sees under "whom to call" (the care unit's own first; 113 and the GP out of hours are always added).
 */
@ConfigurationProperties("bluevitaal.home-front")
public record HomeFrontProperties(@DefaultValue("7d") Duration invitationValidFor, List<Contact> whomToCall) {

  public HomeFrontProperties {
    whomToCall = whomToCall == null ? List.of() : List.copyOf(whomToCall);
  }

  /** A number to call: who, the number, and when (free text, Dutch). */
  public record Contact(String name, String phone, String when) {
  }
}
