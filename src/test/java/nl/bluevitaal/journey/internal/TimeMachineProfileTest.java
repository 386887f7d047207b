package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import nl.bluevitaal.journey.JourneyTimeMachine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The time machine moves the engine's clock for the whole node: it exists on the embedded default (to live the demo
 * caseload) and in tests, and never on the production profile.
 */
class TimeMachineProfileTest {

  private static final String TIME_TRAVEL = "bluevitaal.journey.time-travel";

  @Test
  void theProductionProfileHasNoTimeMachine() {
    new ApplicationContextRunner()
        .withPropertyValues(properties("application.properties"))
        .withPropertyValues(properties("application-postgres.properties"))
        .withUserConfiguration(CamundaJourneyTimeMachine.class)
        .run(context -> assertThat(context).doesNotHaveBean(JourneyTimeMachine.class));
  }

  /**
   * A bean that needs the time machine exists only where it does: on the production profile it would stop the
   * application from starting (the demo caseload did, before it was switched by the same property).
   */
  @Test
  void whatNeedsTheTimeMachineIsSwitchedLikeIt() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    List<String> unswitched = new ArrayList<>();
    for (BeanDefinition bean : scanner.findCandidateComponents("nl.bluevitaal")) {
      Class<?> type = ClassUtils.resolveClassName(bean.getBeanClassName(), null);
      boolean needsIt = Arrays.stream(type.getDeclaredConstructors())
          .anyMatch(c -> Arrays.asList(c.getParameterTypes()).contains(JourneyTimeMachine.class));
      ConditionalOnProperty switched = type.getAnnotation(ConditionalOnProperty.class);
      boolean likeIt = switched != null && Arrays.asList(switched.name()).contains(TIME_TRAVEL)
          && "true".equals(switched.havingValue());
      if ((needsIt || JourneyTimeMachine.class.isAssignableFrom(type)) && !likeIt) {
        unswitched.add(type.getName());
      }
    }
    assertThat(unswitched).isEmpty();
  }

  @Test
  void theEmbeddedDefaultHasOne() throws IOException {
    assertThat(load("application.properties").getProperty(TIME_TRAVEL)).isEqualTo("true");
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
