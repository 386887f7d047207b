package nl.bluevitaal.selfservice.checkin;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.bluevitaal.selfservice.checkin.CheckInProperties.InstrumentSettings;
import org.springframework.stereotype.Service;

/**
 * The configured instruments, and which of them may be used: enabled, with its licence recorded, and free to use or
 * with the organisation's permission recorded. Anything else is refused, whatever asks for it.
 */
@Service
public class Instruments {

  private final CheckInProperties properties;

  Instruments(CheckInProperties properties) {
    this.properties = properties;
  }

  /** The instrument a check-in uses unless it names another. */
  public Instrument standard() {
    return usable(properties.defaultInstrument());
  }

  /** The usable instrument with this key; refused when it is unknown, disabled or not licensed. */
  public Instrument usable(String key) {
    InstrumentSettings settings = key == null ? null : properties.instruments().get(key);
    if (settings == null || !usable(settings)) {
      throw new InstrumentNotUsableException(key);
    }
    return new Instrument(key, settings.name(), settings.intro(), settings.items(), settings.scale(),
        settings.licence());
  }

  /** Every configured instrument's key and whether it may be used now, for the process owner's overview. */
  public Map<String, Boolean> overview() {
    return properties.instruments().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> usable(e.getValue())));
  }

  static boolean usable(InstrumentSettings settings) {
    boolean licensed = settings.licence() != null && !settings.licence().isBlank()
        && (settings.freeToUse() || (settings.licenceHeld() != null && !settings.licenceHeld().isBlank()));
    List<String> items = settings.items();
    return settings.enabled() && licensed && !items.isEmpty() && !settings.scale().isEmpty();
  }
}
