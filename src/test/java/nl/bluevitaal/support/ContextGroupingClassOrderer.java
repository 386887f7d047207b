package nl.bluevitaal.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs test classes grouped by the application they boot, so each application context starts once and only one is
 * alive at a time: two live contexts would each register a Camunda engine named "default" in Camunda's JVM-wide
 * registries, and the REST API of one would answer from the other's engine. (Failsafe also gives the PostgreSQL and
 * the demo application their own JVM; see the pom.)
 */
public class ContextGroupingClassOrderer implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparingInt(ContextGroupingClassOrderer::group)
        .thenComparing(descriptor -> descriptor.getTestClass().getName()));
  }

  private static int group(ClassDescriptor descriptor) {
    if (descriptor.isAnnotated(PostgresIntegrationTest.class)) {
      return 0;
    }
    if (descriptor.isAnnotated(DemoAppTest.class)) {
      return 1;
    }
    if (descriptor.isAnnotated(ApplicationTest.class)) {
      return 2;
    }
    return 3;
  }
}
