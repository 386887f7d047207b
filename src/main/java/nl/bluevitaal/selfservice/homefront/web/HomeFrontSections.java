package nl.bluevitaal.selfservice.homefront.web;

import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontStatus;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the home front adds to the case page (slot {@code case.steps}, after the steps): for the counsellor and the
 * case's care, that a home-front contact exists and its consent state, and the check-ins naastes shared. Nobody else
 * gets the section. The fragment is in {@code templates/selfservice/homefront/sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class HomeFrontSections {

  @Bean
  PageSection caseHomeFront(HomeFront homeFront, CurrentActor currentActor) {
    return PageSection.of("case.steps", 80, request -> {
      if (request.caseId() == null) {
        return Optional.empty();
      }
      HomeFrontStatus status;
      try {
        status = homeFront.statusFor(currentActor.get(), request.caseId());
      } catch (CaseAccessDeniedException e) {
        // Not theirs to read (a line manager): the case page simply has no home-front section for them.
        return Optional.empty();
      }
      return status == null ? Optional.empty()
          : Optional.of(new Section("home-front", "selfservice/homefront/sections :: case-home-front",
              Map.of("status", status)));
    });
  }
}
