package nl.bluevitaal.poortwachter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PoortwachterPropertiesTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(PoortwachterConfiguration.class);

  @Test
  void defaultsToTheStatutoryWeeks() {
    context.run(app -> assertThat(app.getBean(DeadlineEngine.class).weeks()).isEqualTo(DeadlineWeeks.DEFAULTS));
  }

  @Test
  void takesConfiguredWeeks() {
    context.withPropertyValues("bluevitaal.poortwachter.problem-analysis=5",
            "bluevitaal.poortwachter.end-of-wage-payment=130")
        .run(app -> assertThat(app.getBean(DeadlineEngine.class).weeks())
            .isEqualTo(new DeadlineWeeks(5, 8, 42, 52, 91, 93, 130)));
  }

  @Test
  void sickPayDefaultsToAYearInFullThenSeventyPercent() {
    context.run(app -> assertThat(app.getBean(SickPay.class).rules()).isEqualTo(SickPayRules.DEFAULTS));
  }

  @Test
  void takesConfiguredSickPay() {
    context.withPropertyValues("bluevitaal.sick-pay.periods[0].weeks=26",
            "bluevitaal.sick-pay.periods[0].percentage=100", "bluevitaal.sick-pay.periods[1].weeks=26",
            "bluevitaal.sick-pay.periods[1].percentage=85", "bluevitaal.sick-pay.periods[2].percentage=70",
            "bluevitaal.sick-pay.service-related-percentage=95")
        .run(app -> assertThat(app.getBean(SickPay.class).rules()).isEqualTo(new SickPayRules(List.of(
            new SickPayRules.Step(26, 100), new SickPayRules.Step(26, 85), new SickPayRules.Step(null, 70)), 95)));
  }

  @ParameterizedTest(name = "{0} stops the start, naming {1}")
  @CsvSource({
      "bluevitaal.sick-pay.periods[0].percentage=101,     percentage",
      "bluevitaal.sick-pay.service-related-percentage=-1, serviceRelatedPercentage",
      "bluevitaal.sick-pay.periods[0].weeks=52;bluevitaal.sick-pay.periods[0].percentage=100, lastOpenEnded",
      "bluevitaal.sick-pay.periods[0].weeks=0;bluevitaal.sick-pay.periods[1].percentage=70, weeks",
  })
  void refusesSickPayThatLeavesPayUndefinedOrOutOfRange(String properties, String field) {
    context.withPropertyValues(properties.split(";")).run(app -> assertThat(app).hasFailed()
        .getFailure().rootCause().hasMessageContaining(field));
  }

  @ParameterizedTest(name = "{0} stops the start, naming {1}")
  @CsvSource({
      "bluevitaal.poortwachter.problem-analysis=0,         problemAnalysis",
      "bluevitaal.poortwachter.end-of-wage-payment=157,    endOfWagePayment",
      "bluevitaal.poortwachter.plan-of-action=6,           inLegalOrder",
      "bluevitaal.poortwachter.first-year-evaluation=100,  inLegalOrder",
  })
  void refusesWeeksOutOfRangeOrOrder(String property, String field) {
    context.withPropertyValues(property).run(app -> assertThat(app).hasFailed()
        .getFailure().rootCause().hasMessageContaining(field));
  }
}
