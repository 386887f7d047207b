package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import nl.bluevitaal.journey.JourneyTimeMachine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The time machine moves the engine's clock for the whole node: it exists on the embedded default (to live the demo
 * caseload) and in tests, and never on the production profile.
 */
class TimeMachineProfileTest {

  @Test
  void theProductionProfileHasNoTimeMachine() {
    new ApplicationContextRunner()
        .withPropertyValues(properties("application.properties"))
        .withPropertyValues(properties("application-postgres.properties"))
        .withUserConfiguration(CamundaJourneyTimeMachine.class)
        .run(context -> assertThat(context).doesNotHaveBean(JourneyTimeMachine.class));
  }

  @Test
  void theEmbeddedDefaultHasOne() throws IOException {
    assertThat(load("application.properties").getProperty("bluevitaal.journey.time-travel")).isEqualTo("true");
  }

  private static String[] properties(String file) {
    try {
      return load(file).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Properties load(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = TimeMachineProfileTest.class.getResourceAsStream("/" + file)) {
      properties.load(in);
    }
    return properties;
  }
}
