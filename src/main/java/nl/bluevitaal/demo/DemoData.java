package nl.bluevitaal.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the embedded default with demo users and a demo caseload, once: a database that already has them is left
 * alone. Both guards are deliberate: the postgres profile never gets demo accounts, even if the property leaks in.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "bluevitaal.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final DemoUsers users;
  private final DemoCaseload caseload;

  DemoData(DemoUsers users, DemoCaseload caseload) {
    this.users = users;
    this.caseload = caseload;
  }

  // After the identity bootstrap (order 0) has made the groups.
  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void load() {
    users.ensureAll();
    if (caseload.isPresent()) {
      log.info("Demo caseload already present, left as it is");
      return;
    }
    caseload.create();
  }
}
