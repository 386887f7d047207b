package nl.bluevitaal.benchmark.node;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Makes a benchmark node's clock run ahead of the host's, so that the timer storm's moment (the start of tomorrow)
 * arrives about a minute after launch, on every node of the storm alike.
 * Loaded into the app from outside the jar: AppNode copies this class file onto {@code loader.path} with a
 * {@code META-INF/spring.factories} naming it, so it must stay a single class file (no inner or anonymous classes).
 *
 * <p>{@link ClockUtil#offset} keeps the clock running (Joda's offset millis provider); {@code setCurrentTime} would
 * freeze it. The app's {@code java.time.Clock} bean reads {@link ClockUtil}, so domain time moves along.
 */
public class ClockAhead
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, ApplicationListener<ApplicationReadyEvent>,
    Ordered {

  public static final String PROPERTY = "bluevitaal.benchmark.clock-ahead-ms";

  private static final Logger log = LoggerFactory.getLogger(ClockAhead.class);

  private long offsetMillis;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    offsetMillis = Long.getLong(PROPERTY, 0L);
    if (offsetMillis == 0) {
      return;
    }
    // Before the refresh, so the engine, its job executor and the demo data all start on the skewed clock.
    ClockUtil.offset(offsetMillis);
    context.addApplicationListener(this);
    // In the node's log, so a benchmark run shows which node ran ahead and by how much.
    log.info("Benchmark clock {} ms ahead: engine time {}", offsetMillis, ClockUtil.getCurrentTime().toInstant());
  }

  /** The demo caseload travels in time and ends with {@code ClockUtil.reset()}, which drops the offset: restore it. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    ClockUtil.offset(offsetMillis);
    log.info("Benchmark clock {} ms ahead after start-up: engine time {}", offsetMillis,
        ClockUtil.getCurrentTime().toInstant());
  }

  /** Last among the ready listeners, so after the demo data is made. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
