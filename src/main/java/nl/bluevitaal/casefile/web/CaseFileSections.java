package nl.bluevitaal.casefile.web;

import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the case file adds to the home page: the caseload with its counts under "your work" for counsellors and
 * company doctors, and the line manager's team. The fragments are in {@code templates/casefile/sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class CaseFileSections {

  @Bean
  PageSection homeCaseload(MyCases cases, CurrentActor currentActor) {
    return PageSection.of("home.work", 10, request -> {
      Actor actor = currentActor.get();
      String path = actor.isIn(Groups.COUNSELLOR) ? CaseloadController.COUNSELLOR_PATH
          : actor.isIn(Groups.COMPANY_DOCTOR) ? CaseloadController.DOCTOR_PATH : null;
      if (path == null) {
        return Optional.empty();
      }
      return Optional.of(new Section("caseload", "casefile/sections :: home-caseload",
          Map.of("path", path, "counts", cases.counts(actor))));
    });
  }

  @Bean
  PageSection homeTeam(TeamCases team, CurrentActor currentActor) {
    return PageSection.of("home.main", 20, request -> {
      Actor actor = currentActor.get();
      if (!team.mayOpen(actor)) {
        return Optional.empty();
      }
      return Optional.of(new Section("team", "casefile/sections :: home-team", Map.of("count", team.count(actor))));
    });
  }
}
