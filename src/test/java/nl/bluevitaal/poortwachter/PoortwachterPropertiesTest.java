package nl.bluevitaal.poortwachter;

import static org.assertj.core.api.Assertions.assertThat;

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
