package nl.bluevitaal.demo;

import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.Ask;
import nl.bluevitaal.journey.ContactWishes.Reason;
import nl.bluevitaal.journey.ContactWishes.With;
import nl.bluevitaal.privacy.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's wish for contact: bram asked carla to call him (due the next working day), so carla's task list, home
 * page and caseload show one; anna has none. Made once, as bram would, after the demo caseload exists.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "bluevitaal.demo.enabled", havingValue = "true")
class DemoContactWishes {

  private static final Logger log = LoggerFactory.getLogger(DemoContactWishes.class);
  private static final String EMPLOYEE = "bram";

  private final CaseRegistry registry;
  private final ContactWishes wishes;

  DemoContactWishes(CaseRegistry registry, ContactWishes wishes) {
    this.registry = registry;
    this.wishes = wishes;
  }

  // After DemoData (order 10) has made the caseload.
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void load() {
    Optional<UUID> caseId = registry.currentCaseOf(EMPLOYEE);
    if (caseId.isEmpty()) {
      return;
    }
    Actor bram = new Actor(EMPLOYEE, java.util.Set.of(Groups.EMPLOYEE), false);
    if (!wishes.mine(bram, caseId.get()).isEmpty()) {
      log.info("Demo wish for contact already present, left as it is");
      return;
    }
    wishes.ask(bram, caseId.get(), new Ask(With.COUNSELLOR, Reason.ANYTIME, null,
        "Kun je me bellen over het opbouwen van mijn uren?", true, false));
  }
}
