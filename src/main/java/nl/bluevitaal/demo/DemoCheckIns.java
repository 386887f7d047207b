package nl.bluevitaal.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTimeMachine;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Weekly check-ins for anna and bram, made through the check-in itself on the moving clock (each on its own day, so
 * its triage reaches the journey as it would have): anna since her first week, bram over the last twelve weeks,
 * slowly better and then, last week, amber again.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "bluevitaal.demo.enabled", havingValue = "true")
class DemoCheckIns {

  private static final Logger log = LoggerFactory.getLogger(DemoCheckIns.class);
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  /** WHO-5 answers per week, oldest first: bram climbs from red to green, and his latest is amber. */
  private static final List<List<Integer>> BRAM = List.of(List.of(1, 1, 1, 0, 2), List.of(1, 2, 1, 1, 2),
      List.of(2, 2, 1, 1, 2), List.of(2, 2, 2, 1, 2), List.of(2, 3, 2, 2, 2), List.of(3, 2, 2, 2, 3),
      List.of(3, 3, 2, 2, 3), List.of(3, 3, 3, 2, 3), List.of(3, 3, 3, 3, 3), List.of(4, 3, 3, 3, 3),
      List.of(4, 3, 3, 3, 4), List.of(2, 2, 2, 2, 2));
  private static final List<String> BRAM_NOTES = List.of("Slecht geslapen, veel piekeren.", "", "",
      "Eerste keer weer gewandeld.", "", "", "Goed gesprek met mijn begeleider.", "", "",
      "Twee ochtenden op het bureau geweest.", "", "Drukke week thuis, weinig rust.");
  private static final List<List<Integer>> ANNA = List.of(List.of(2, 2, 3, 2, 3));

  private final CheckIns checkIns;
  private final CaseRegistry registry;
  private final JourneyTimeMachine timeMachine;
  private final Clock clock;

  DemoCheckIns(CheckIns checkIns, CaseRegistry registry, JourneyTimeMachine timeMachine, Clock clock) {
    this.checkIns = checkIns;
    this.registry = registry;
    this.timeMachine = timeMachine;
    this.clock = clock;
  }

  // After the demo caseload (order 10).
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void load() {
    Actor bram = new Actor("bram", Set.of(Groups.EMPLOYEE), false);
    Actor anna = new Actor("anna", Set.of(Groups.EMPLOYEE), false);
    UUID bramsCase = registry.currentCaseOf("bram").orElse(null);
    UUID annasCase = registry.currentCaseOf("anna").orElse(null);
    if (bramsCase == null || annasCase == null || !checkIns.history(bram, bramsCase).isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate annaStarts = registry.get(annasCase).firstSickDay().plusDays(2);
    timeMachine.withJobExecutorPaused(() -> {
      for (int week = 0; week < BRAM.size(); week++) {
        LocalDate day = today.minusWeeks(BRAM.size() - week).plusDays(1);
        submit(bram, bramsCase, day, BRAM.get(week), BRAM_NOTES.get(week));
      }
      for (int week = 0; week < ANNA.size(); week++) {
        LocalDate day = annaStarts.plusWeeks(week);
        if (day.isBefore(today)) {
          submit(anna, annasCase, day, ANNA.get(week), "Moe, maar rustiger dan vorige week.");
        }
      }
    });
    log.info("Demo check-ins made for anna and bram");
  }

  private void submit(Actor actor, UUID caseId, LocalDate day, List<Integer> answers, String note) {
    Instant moment = day.atTime(LocalTime.of(19, 30)).atZone(ZONE).toInstant();
    timeMachine.travelTo(moment);
    checkIns.submit(actor, caseId, new NewCheckIn(null, answers, note, UUID.randomUUID(), null));
  }
}
