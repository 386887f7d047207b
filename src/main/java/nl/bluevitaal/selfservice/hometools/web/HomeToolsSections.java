package nl.bluevitaal.selfservice.hometools.web;

import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CasePartiesLookup;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSection.Section;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the home tools add to the case page (slot {@code case.steps}): for the care side while the employee shares
 * self-reports with care, a way to their energy balance and relapse-prevention plan; for anyone else nothing, not
 * even that they exist. The fragment is in {@code templates/selfservice/hometools/fragments.html}.
 */
@Configuration(proxyBeanMethods = false)
class HomeToolsSections {

  @Bean
  PageSection caseHomeTools(HomeTools tools, CurrentActor currentActor, CasePartiesLookup parties) {
    return PageSection.of("case.steps", 90, request -> {
      Actor actor = currentActor.get();
      Optional<CaseParties> found = request.caseId() == null ? Optional.empty() : parties.find(request.caseId());
      if (found.isEmpty() || !tools.mayRead(actor, found.get())) {
        return Optional.empty();
      }
      return Optional.of(new Section("home-tools", "selfservice/hometools/fragments :: case-link",
          Map.of("caseId", request.caseId())));
    });
  }
}
