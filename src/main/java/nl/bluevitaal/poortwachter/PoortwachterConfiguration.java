package nl.bluevitaal.poortwachter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the Spring-free engine and sick-pay rules from configuration, so neither ever sees Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PoortwachterProperties.class, SickPayProperties.class})
public class PoortwachterConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PoortwachterConfiguration.class);

  @Bean
  DeadlineEngine deadlineEngine(PoortwachterProperties properties) {
    DeadlineWeeks weeks = properties.toDeadlineWeeks();
    if (!weeks.equals(DeadlineWeeks.DEFAULTS)) {
      // Deviating from the statutory weeks is legitimate (police framework) but should be visible in the log.
      log.info("Poortwachter deadlines use configured weeks {} instead of the defaults {}", weeks,
          DeadlineWeeks.DEFAULTS);
    }
    return new DeadlineEngine(weeks);
  }

  @Bean
  SickPay sickPay(DeadlineEngine deadlineEngine, SickPayProperties properties) {
    SickPayRules rules = properties.toRules();
    if (!rules.equals(SickPayRules.DEFAULTS)) {
      log.info("Sick pay follows configured rules {} instead of the defaults {}", rules, SickPayRules.DEFAULTS);
    }
    return new SickPay(deadlineEngine, rules);
  }
}
