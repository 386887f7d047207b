package nl.bluevitaal.benchmark;

import java.io.IOException;
import nl.bluevitaal.BlueVitaalApplication;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * BlueVitaal booted inside the benchmark's JVM on the production profile, to generate data and to drive its services
 * directly. The job executor is off: the generator runs due timers itself as the clock moves, and the throughput
 * workers must not share the cores with it.
 */
final class InProcessApp {

  private InProcessApp() {
  }

  static ConfigurableApplicationContext boot(Postgres postgres, String database, java.util.List<String> extraArgs) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "--spring.datasource.url=" + postgres.jdbcUrl(database),
        "--spring.datasource.username=" + postgres.user(),
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--bluevitaal.retention.cron=-",
        // The caseload is made by living each case on a moving engine clock (the benchmark's own database only).
        "--bluevitaal.journey.time-travel=true",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.nl.bluevitaal=WARN",
        "--logging.level.nl.bluevitaal.demo=INFO"));
    args.addAll(extraArgs);
    return new SpringApplicationBuilder(BlueVitaalApplication.class)
        .profiles("postgres")
        .initializers(context -> ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition(
            "benchmarkLeavesTestClassesOut",
            new org.springframework.beans.factory.support.RootBeanDefinition(TestClassesLeftOut.class)))
        // Command-line arguments, so they win over application-postgres.properties.
        .run(args.toArray(String[]::new));
  }

  /**
   * The test classes are on this JVM's class path; the application's component scan must not pick up the test
   * configurations that live among them.
   */
  static final class TestClassesLeftOut extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return getClass().hashCode();
    }
  }
}
