package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Deadlines in the case file and timers in the engine must agree on what
 * "today" is; tests travel in time with Camunda's {@link ClockUtil}, so domain time reads that same clock.
 * Without it a test that moves the engine 42 weeks ahead would still mark deadlines met "today".
 */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock(ZoneId.of("Europe/Amsterdam"));
  }

  /** A {@link Clock} that follows the engine's {@link ClockUtil}, which is the system clock unless a test moves it. */
  static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
