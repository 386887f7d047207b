package nl.bluevitaal.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.Population;
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
 * The demo unit's population (headcount and FTE per team and month, from January two years back to this month), as
 * management (frank) would import it, so the absence percentage and the reporting frequency have figures. Once: a unit
 * whose population was entered is left alone. The teams are those of the demo caseload.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "bluevitaal.demo.enabled", havingValue = "true")
class DemoPopulation {

  private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);
  private static final String UNIT = "Eenheid Rotterdam";
  /**
   * Team, headcount, FTE: basic police teams of some two to four hundred, most working close to full time; the demo's
   * cases (some hundred open) are then a few percent of the unit, as mental overload is.
   */
  private static final List<Object[]> TEAMS = List.of(
      new Object[] {"Team Noord", 312, "284.6"},
      new Object[] {"Team Zuid", 388, "352.0"},
      new Object[] {"Team Haven", 274, "251.2"},
      new Object[] {"Team Centrum", 436, "394.8"},
      new Object[] {"Team Recherche", 226, "212.4"},
      new Object[] {"Team Verkeer", 187, "171.5"},
      new Object[] {"Team Water", 148, "138.3"});

  private final Population population;
  private final Clock clock;

  DemoPopulation(Population population, Clock clock) {
    this.population = population;
    this.clock = clock;
  }

  // After the caseload (order 10): the unit is known to insight then.
  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  void load() {
    Actor frank = new Actor("frank", Set.of(Groups.MANAGEMENT), false);
    YearMonth now = YearMonth.now(clock);
    if (population.read(frank, UNIT, now.getYear()).version() > 0) {
      return;
    }
    List<Population.Entry> entries = new ArrayList<>();
    for (Object[] team : TEAMS) {
      int month = 0;
      for (YearMonth at = YearMonth.of(now.getYear() - 2, 1); !at.isAfter(now); at = at.plusMonths(1), month++) {
        // A little movement over the months: people come and go.
        int drift = (month * 7 + ((String) team[0]).length()) % 5 - 2;
        int headcount = (int) team[1] + drift;
        BigDecimal fte = new BigDecimal((String) team[2]).add(BigDecimal.valueOf(drift * 0.9))
            .setScale(1, java.math.RoundingMode.HALF_UP);
        entries.add(new Population.Entry((String) team[0], at, headcount, fte));
      }
    }
    population.save(frank, UNIT, entries, 0, false);
    log.info("Demo population: {} months of {} teams of {}", entries.size(), TEAMS.size(), UNIT);
  }
}
