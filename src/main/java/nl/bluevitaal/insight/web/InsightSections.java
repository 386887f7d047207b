package nl.bluevitaal.insight.web;

import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSection.Section;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What insight adds to the home page: in slot {@code home.main} management's card to the unit's figures and the line
 * manager's card to the figures of the teams they lead; under "your work" ({@code home.work}) the unit's figures for
 * counsellors and company doctors. The fragments are in {@code templates/insight/overview-sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class InsightSections {

  @Bean
  PageSection homeInsight(InsightFigures figures, CurrentActor currentActor) {
    return PageSection.of("home.main", 40, request -> {
      Actor actor = currentActor.get();
      if (actor.isIn(Groups.MANAGEMENT) && figures.readsUnits(actor)) {
        return Optional.of(new Section("insight", "insight/overview-sections :: home-insight",
            Map.of("path", OverviewController.PATH)));
      }
      if (actor.isIn(Groups.LINE_MANAGER) && !figures.teamsLedBy(actor).isEmpty()) {
        return Optional.of(new Section("insight-team", "insight/overview-sections :: home-insight-team",
            Map.of("path", TeamInsightController.PATH, "teams", figures.teamsLedBy(actor).size())));
      }
      return Optional.empty();
    });
  }

  @Bean
  PageSection homeInsightWork(InsightFigures figures, CurrentActor currentActor) {
    return PageSection.of("home.work", 40, request -> {
      Actor actor = currentActor.get();
      // Management has its card above; whoever else may read the unit finds it under their work.
      return !actor.isIn(Groups.MANAGEMENT) && figures.readsUnits(actor)
          ? Optional.of(new Section("insight-work", "insight/overview-sections :: home-insight-work",
              Map.of("path", OverviewController.PATH)))
          : Optional.empty();
    });
  }
}
