package nl.bluevitaal.poortwachter;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SickPayTest {

  private final DeadlineEngine engine = new DeadlineEngine(DeadlineWeeks.DEFAULTS);
  private final SickPay sickPay = new SickPay(engine, SickPayRules.DEFAULTS);

  private static SickPeriod closed(String sickFrom, String recoveredOn) {
    return new SickPeriod(parse(sickFrom), parse(recoveredOn));
  }

  private static SickPeriod open(String sickFrom) {
    return SickPeriod.openFrom(parse(sickFrom));
  }

  private static PayPeriod pay(String from, String to, int percentage, int firstWeek, int lastWeek) {
    return new PayPeriod(parse(from), parse(to), percentage, firstWeek, lastWeek);
  }

  /** One row per situation: the sick periods, the extensions, service-related or not, and the periods expected. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a year in full, then 70 % until the end of wage payment",
            List.of(open("2026-01-05")), 0, 0, false,
            List.of(pay("2026-01-05", "2027-01-03", 100, 1, 52), pay("2027-01-04", "2028-01-02", 70, 53, 104))),
        Arguments.of("a service-related illness keeps full pay throughout",
            List.of(open("2026-01-05")), 0, 0, true,
            List.of(pay("2026-01-05", "2028-01-02", 100, 1, 104))),
        Arguments.of("a relapse 14 days after recovery moves every later date by the gap",
            List.of(closed("2026-01-05", "2026-03-02"), open("2026-03-16")), 0, 0, false,
            List.of(pay("2026-01-05", "2027-01-17", 100, 1, 52), pay("2027-01-18", "2028-01-16", 70, 53, 104))),
        Arguments.of("a relapse 28 days after recovery is a new case with its own year in full",
            List.of(closed("2026-01-05", "2026-03-02"), open("2026-03-30")), 0, 0, false,
            List.of(pay("2026-03-30", "2027-03-28", 100, 1, 52), pay("2027-03-29", "2028-03-26", 70, 53, 104))),
        Arguments.of("a voluntary extension of 10 weeks lengthens the last period",
            List.of(open("2026-01-05")), 10, 0, false,
            List.of(pay("2026-01-05", "2027-01-03", 100, 1, 52), pay("2027-01-04", "2028-03-12", 70, 53, 114))),
        Arguments.of("a wage sanction of 4 weeks lengthens the last period too",
            List.of(open("2026-01-05")), 0, 4, false,
            List.of(pay("2026-01-05", "2027-01-03", 100, 1, 52), pay("2027-01-04", "2028-01-30", 70, 53, 108))),
        Arguments.of("a voluntary extension keeps a service-related illness in full pay to its new end",
            List.of(open("2026-01-05")), 10, 0, true,
            List.of(pay("2026-01-05", "2028-03-12", 100, 1, 114))),
        Arguments.of("recovery within the first year ends the only period on the last sick day",
            List.of(closed("2026-01-05", "2026-04-06")), 0, 0, false,
            List.of(pay("2026-01-05", "2026-04-05", 100, 1, 13))),
        Arguments.of("recovery in the second year ends the 70 % period on the last sick day",
            List.of(closed("2026-01-05", "2027-03-01")), 0, 0, false,
            List.of(pay("2026-01-05", "2027-01-03", 100, 1, 52), pay("2027-01-04", "2027-02-28", 70, 53, 60))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void periodsFollowTheCountedSickDays(String situation, List<SickPeriod> periods, int voluntaryExtensionWeeks,
      int wageSanctionWeeks, boolean serviceRelated, List<PayPeriod> expected) {
    Timeline timeline = engine.timeline(periods, voluntaryExtensionWeeks, wageSanctionWeeks);

    assertThat(sickPay.periods(periods, timeline, serviceRelated)).containsExactlyElementsOf(expected);
  }

  @Test
  void takesConfiguredSteps() {
    SickPay threeSteps = new SickPay(engine, new SickPayRules(List.of(new SickPayRules.Step(26, 100),
        new SickPayRules.Step(26, 85), new SickPayRules.Step(null, 70)), 95));
    List<SickPeriod> periods = List.of(open("2026-01-05"));
    Timeline timeline = engine.timeline(periods, 0, 0);

    assertThat(threeSteps.periods(periods, timeline, false)).containsExactly(
        pay("2026-01-05", "2026-07-05", 100, 1, 26),
        pay("2026-07-06", "2027-01-03", 85, 27, 52),
        pay("2027-01-04", "2028-01-02", 70, 53, 104));
    assertThat(threeSteps.periods(periods, timeline, true)).containsExactly(
        pay("2026-01-05", "2028-01-02", 95, 1, 104));
  }

  @Test
  void aPeriodContainsItsFirstAndLastDay() {
    PayPeriod period = pay("2026-01-05", "2027-01-03", 100, 1, 52);

    assertThat(period.contains(parse("2026-01-05"))).isTrue();
    assertThat(period.contains(parse("2027-01-03"))).isTrue();
    assertThat(period.contains(parse("2026-01-04"))).isFalse();
    assertThat(period.contains(parse("2027-01-04"))).isFalse();
    assertThat(period.contains(null)).isFalse();
  }

  @Test
  void refusesRulesWhosePayIsUndefinedSomewhere() {
    assertThatIllegalArgumentException().isThrownBy(() -> new SickPayRules(List.of(), 100))
        .withMessageContaining("at least one step");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SickPayRules(List.of(new SickPayRules.Step(52, 100)), 100))
        .withMessageContaining("the last runs until the end of wage payment");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SickPayRules(List.of(new SickPayRules.Step(null, 100),
            new SickPayRules.Step(null, 70)), 100))
        .withMessageContaining("step 1");
    assertThatIllegalArgumentException().isThrownBy(() -> new SickPayRules.Step(52, 101))
        .withMessageContaining("between 0 and 100");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SickPayRules(List.of(new SickPayRules.Step(null, 70)), -1))
        .withMessageContaining("between 0 and 100");
  }
}
