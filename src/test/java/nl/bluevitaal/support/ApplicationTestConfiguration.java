package nl.bluevitaal.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process coverage is a build gate: a scenario class of the journey (a class named {@code ...ScenarioTest}) that covers
 * less than 90 % of the journey fails. The other classes' coverage goes nowhere ({@link UnreadJourneyCoverage}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApplicationTestConfiguration {

  public static final double MINIMUM_COVERAGE = 0.9;
  /** The classes whose coverage counts, the journey's scenarios (a Spring simple pattern over the class name). */
  public static final String SCENARIO_CLASSES = "*ScenarioTest";

  @Bean
  @Primary
  ProcessEngineCoverageProperties journeyCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().addInclusionPatternForTestClasses(SCENARIO_CLASSES)
        .assertClassCoverageAtLeast(MINIMUM_COVERAGE).build();
  }
}
