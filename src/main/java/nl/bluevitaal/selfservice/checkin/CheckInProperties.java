package nl.bluevitaal.selfservice.checkin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The check-in's configuration ({@code checkin.properties}): the instruments by key, each with its licence, the one
 * a check-in uses unless asked otherwise, how old a check-in kept offline may be when it arrives, and where to get
 * help today.
 */
@ConfigurationProperties("bluevitaal.checkin")
public record CheckInProperties(@DefaultValue("WHO5") String defaultInstrument,
    Map<String, InstrumentSettings> instruments, @DefaultValue("P7D") Duration offlineLimit, Help help) {

  public CheckInProperties {
    instruments = instruments == null ? Map.of() : Map.copyOf(instruments);
    help = help == null ? new Help(null, null, null, null) : help;
  }

  /**
   * One instrument as configured. {@code licence}: the licence or copyright statement, recorded; {@code freeToUse}:
   * the publisher allows use without permission; {@code licenceHeld}: the organisation's permission (a contract's
   * reference) where one is needed.
   */
  public record InstrumentSettings(String name, String intro, List<String> items, List<ScaleOption> scale,
      String licence, @DefaultValue("false") boolean freeToUse, String licenceHeld,
      @DefaultValue("false") boolean enabled) {

    public InstrumentSettings {
      items = items == null ? List.of() : List.copyOf(items);
      scale = scale == null ? List.of() : List.copyOf(scale);
    }
  }

  /** An answer on the instrument's scale: the value it counts and its words. */
  public record ScaleOption(int value, String label) {
  }

  /** The care unit and its phone numbers, in office hours and after. */
  public record Help(String careUnit, String careUnitPhone, String careUnitHours, String careUnitAfterHoursPhone) {
  }
}
