package nl.bluevitaal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.selfservice.hometools.EnergyBalance.Amount;
import nl.bluevitaal.selfservice.hometools.EnergyBalance.Item;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.selfservice.hometools.RelapsePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The home tools of the demo, written by the employees themselves through the same services as the pages: anna keeps
 * an energy balance (two versions, so "vorige versie" shows) and a relapse-prevention plan; bram proposed a goal that
 * carla has not answered yet. Once: what is there is left alone. The texts are invented.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "bluevitaal.demo.enabled", havingValue = "true")
class DemoHomeTools {

  static final String BRAMS_GOAL = "Weer een ochtend per week naar het bureau";
  private static final Logger log = LoggerFactory.getLogger(DemoHomeTools.class);

  private final CaseRegistry registry;
  private final HomeTools tools;
  private final Goals goals;
  private final Clock clock;

  DemoHomeTools(CaseRegistry registry, HomeTools tools, Goals goals, Clock clock) {
    this.registry = registry;
    this.tools = tools;
    this.goals = goals;
    this.clock = clock;
  }

  // After DemoData (order 10) has made the users and the caseload.
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void load() {
    Optional<UUID> anna = registry.currentCaseOf("anna");
    Optional<UUID> bram = registry.currentCaseOf("bram");
    if (anna.isPresent()) {
      annasTools(employee("anna"), anna.get());
    }
    if (bram.isPresent()) {
      bramsGoal(employee("bram"), bram.get());
    }
  }

  private void annasTools(Actor anna, UUID caseId) {
    if (!tools.energyBalances(anna, caseId).isEmpty()) {
      return;
    }
    tools.saveEnergyBalance(anna, caseId, 0,
        List.of(new Item("Wandelen met de hond", Amount.A_LOT), new Item("Koffie met mijn zus", null)),
        List.of(new Item("Slecht slapen", Amount.A_LOT), new Item("Boodschappen in een drukke winkel", Amount.SOME)),
        null);
    tools.saveEnergyBalance(anna, caseId, 1,
        List.of(new Item("Wandelen met de hond", Amount.A_LOT), new Item("Koffie met mijn zus", Amount.SOME),
            new Item("Een uur tuinieren", Amount.LITTLE)),
        List.of(new Item("Slecht slapen", Amount.SOME), new Item("Boodschappen in een drukke winkel", Amount.SOME),
            new Item("Telefoontjes over mijn ziekte", Amount.A_LOT)),
        "Buiten zijn helpt. Ik plan de boodschappen voortaan 's ochtends vroeg, als het rustig is.");
    tools.saveRelapsePlan(anna, caseId, null, new RelapsePlan.Content(
        "Ik slaap de nacht door.\nIk heb zin om af te spreken.",
        "Elke dag een uur naar buiten.\nOm elf uur naar bed.",
        "Ik word om vier uur wakker.\nIk schrik van harde geluiden.",
        "Ik ben stiller aan tafel.\nIk zeg afspraken af.",
        "Een dag niets plannen.\nHet vertellen aan mijn partner.",
        "Ik slaap bijna niet meer.\nIk durf de deur niet uit.",
        "Vandaag de huisarts of de bedrijfsarts bellen.",
        "Een volle week.\nSirenes in de straat.",
        "Mijn zus Sanne: 06 12 34 56 78", true, true));
    log.info("Demo home tools: anna's energy balance and relapse-prevention plan");
  }

  private void bramsGoal(Actor bram, UUID caseId) {
    List<Goal> current = goals.list(bram, caseId);
    if (current.stream().anyMatch(g -> g.title().equals(BRAMS_GOAL))) {
      return;
    }
    goals.propose(bram, caseId, BRAMS_GOAL,
        "Ik ben vier weken lang elke dinsdagochtend op het bureau en ben daarna niet de hele dag moe.",
        LocalDate.now(clock).plusWeeks(8));
    log.info("Demo home tools: bram proposed a goal");
  }

  private static Actor employee(String userId) {
    return new Actor(userId, Set.of(Groups.EMPLOYEE), false);
  }
}
