package nl.bluevitaal.web;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation's {@code @Past}, {@code @PastOrPresent} and {@code @Future} read the application's one clock (its
 * zone, Europe/Amsterdam, and its time travel in tests and the demo), not the JVM's. With the JVM's clock on a server
 * in UTC, "today" was still yesterday between midnight in Amsterdam and midnight UTC, so a contact made today was
 * refused as a date in the future.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClock {

  @Bean
  ValidationConfigurationCustomizer applicationClock(ObjectProvider<Clock> clock) {
    return configuration -> configuration.clockProvider(() -> clock.getIfAvailable(Clock::systemDefaultZone));
  }
}
