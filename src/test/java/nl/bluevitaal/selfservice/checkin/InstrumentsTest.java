package nl.bluevitaal.selfservice.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.selfservice.checkin.CheckInProperties.InstrumentSettings;
import nl.bluevitaal.selfservice.checkin.CheckInProperties.ScaleOption;
import org.junit.jupiter.api.Test;

/**
 * Instruments are configuration: only an enabled instrument with its licence recorded, free to use or with the
 * organisation's permission recorded, may be used; WHO-5 counts raw 0–25 and ×4 as a percentage.
 */
class InstrumentsTest {

  private static final List<ScaleOption> SCALE = List.of(new ScaleOption(5, "De hele tijd"),
      new ScaleOption(4, "Het grootste deel van de tijd"), new ScaleOption(3, "Meer dan de helft van de tijd"),
      new ScaleOption(2, "Minder dan de helft van de tijd"), new ScaleOption(1, "Af en toe"),
      new ScaleOption(0, "Nooit"));
  private static final List<String> ITEMS = List.of("a", "b", "c", "d", "e");

  private static InstrumentSettings settings(String licence, boolean free, String held, boolean enabled) {
    return new InstrumentSettings("Test", "Intro", ITEMS, SCALE, licence, free, held, enabled);
  }

  private static Instruments instruments(Map<String, InstrumentSettings> configured) {
    return new Instruments(new CheckInProperties("WHO5", configured, Duration.ofDays(7), null));
  }

  @Test
  void aFreeEnabledInstrumentIsUsableAndCountsAsAPercentage() {
    Instrument who5 = instruments(Map.of("WHO5", settings("vrij te gebruiken", true, null, true))).standard();

    assertThat(who5.maxRaw()).isEqualTo(25);
    assertThat(who5.percentage(7)).isEqualTo(28);
    assertThat(who5.percentage(8)).isEqualTo(32);
    assertThat(who5.percentage(12)).isEqualTo(48);
    assertThat(who5.percentage(13)).isEqualTo(52);
    assertThat(who5.onScale(0)).isTrue();
    assertThat(who5.onScale(6)).isFalse();
  }

  @Test
  void aDisabledInstrumentCannotBeUsed() {
    Instruments instruments = instruments(Map.of("K10", settings("vrij met bronvermelding", true, null, false)));

    assertThatThrownBy(() -> instruments.usable("K10")).isInstanceOf(InstrumentNotUsableException.class);
  }

  @Test
  void anInstrumentThatNeedsPermissionCannotBeUsedUntilThePermissionIsRecorded() {
    Instruments without = instruments(Map.of("BAT", settings("alleen met toestemming", false, null, true)));
    Instruments with = instruments(Map.of("BAT", settings("alleen met toestemming", false, "contract 2026-17", true)));

    assertThatThrownBy(() -> without.usable("BAT")).isInstanceOf(InstrumentNotUsableException.class);
    assertThat(with.usable("BAT").key()).isEqualTo("BAT");
  }

  @Test
  void anInstrumentWithoutARecordedLicenceOrUnknownCannotBeUsed() {
    Instruments instruments = instruments(Map.of("X", settings(" ", true, null, true)));

    assertThatThrownBy(() -> instruments.usable("X")).isInstanceOf(InstrumentNotUsableException.class);
    assertThatThrownBy(() -> instruments.usable("NOPE")).isInstanceOf(InstrumentNotUsableException.class);
  }
}
