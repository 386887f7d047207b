package nl.bluevitaal.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process coverage is a build gate: a scenario class (one that records coverage with
 * {@code ProcessEngineCoverageTestExecutionListener}) that covers less than 90 % of the journey fails.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApplicationTestConfiguration {

  public static final double MINIMUM_COVERAGE = 0.9;

  @Bean
  @Primary
  ProcessEngineCoverageProperties journeyCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(MINIMUM_COVERAGE).build();
  }
}
