package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dry run's beans answer every public method the journey's beans offer the models: a method added to one and
 * called from a model would otherwise make every dry run of that model fail.
 */
class DryRunBeansTest {

  @Test
  void everyMethodTheModelsMayCallHasItsDryRunAnswer() {
    assertThat(signatures(DryRunDeadlines.class)).containsAll(signatures(JourneyDeadlines.class));
    assertThat(signatures(DryRunWatches.class)).containsAll(signatures(JourneyWatches.class));
    assertThat(signatures(DryRunPeople.class)).containsAll(signatures(JourneyPeople.class));
    assertThat(signatures(DryRunCaseFile.class)).containsAll(signatures(JourneyCaseFile.class));
  }

  private static Set<String> signatures(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
        .filter(m -> !m.isSynthetic()).map(DryRunBeansTest::signature).collect(Collectors.toSet());
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(",", "(", ")"));
  }
}
