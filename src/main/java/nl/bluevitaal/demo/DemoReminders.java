package nl.bluevitaal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.selfservice.reminders.ReminderJob;
import nl.bluevitaal.selfservice.reminders.ReminderSettings;
import nl.bluevitaal.selfservice.reminders.Reminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's reminders, chosen by anna herself through the same service as the page: her check-in on the day the demo
 * is made, and a message when a step waits for her; no e-mail. Then the day's reminders go out as the morning's job
 * sends them, so Mijn traject shows what she chose. Once: a choice already there is left alone.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "bluevitaal.demo.enabled", havingValue = "true")
class DemoReminders {

  private static final Logger log = LoggerFactory.getLogger(DemoReminders.class);

  private final CaseRegistry registry;
  private final Reminders reminders;
  private final ReminderJob job;
  private final Clock clock;

  DemoReminders(CaseRegistry registry, Reminders reminders, ReminderJob job, Clock clock) {
    this.registry = registry;
    this.reminders = reminders;
    this.job = job;
    this.clock = clock;
  }

  // After the caseload (order 10) and the check-ins, contact wishes and home tools (order 20).
  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  void load() {
    Optional<UUID> anna = registry.currentCaseOf("anna");
    if (anna.isEmpty()) {
      return;
    }
    Actor actor = new Actor("anna", Set.of(Groups.EMPLOYEE), false);
    if (reminders.settings(actor, anna.get()).version() > 0) {
      return;
    }
    reminders.save(actor, anna.get(), 0,
        new ReminderSettings.Choice(LocalDate.now(clock).getDayOfWeek(), true, false));
    log.info("Demo reminders: anna's chosen, {} sent", job.remindNow());
  }
}
