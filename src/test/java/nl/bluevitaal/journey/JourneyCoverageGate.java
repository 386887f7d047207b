package nl.bluevitaal.journey;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Process coverage is a build gate: a scenario class that covers less than 90 % of the journey fails. */
@TestConfiguration(proxyBeanMethods = false)
class JourneyCoverageGate {

  static final double MINIMUM_COVERAGE = 0.9;

  @Bean
  ProcessEngineCoverageProperties journeyCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(MINIMUM_COVERAGE).build();
  }
}
