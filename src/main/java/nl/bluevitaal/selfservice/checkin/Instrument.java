package nl.bluevitaal.selfservice.checkin;

import java.util.List;
import nl.bluevitaal.selfservice.checkin.CheckInProperties.ScaleOption;

/** A usable instrument: its items, its scale (as shown, first to last), and how its answers count. */
public record Instrument(String key, String name, String intro, List<String> items, List<ScaleOption> scale,
    String licence) {

  public Instrument {
    items = List.copyOf(items);
    scale = List.copyOf(scale);
  }

  public int maxRaw() {
    return items.size() * scale.stream().mapToInt(ScaleOption::value).max().orElse(0);
  }

  public boolean onScale(int value) {
    return scale.stream().anyMatch(option -> option.value() == value);
  }

  /** The raw score as a whole percentage of the maximum (WHO-5: raw × 4). */
  public int percentage(int raw) {
    return maxRaw() == 0 ? 0 : Math.round(raw * 100f / maxRaw());
  }
}
