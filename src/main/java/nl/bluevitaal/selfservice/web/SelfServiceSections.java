package nl.bluevitaal.selfservice.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What self-service adds to the home page: for an employee, the way to "Mijn traject" and the first step that waits
 * for them. The fragment is in {@code templates/selfservice/sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class SelfServiceSections {

  @Bean
  PageSection homeJourney(MyJourney journey, CurrentActor currentActor) {
    return PageSection.of("home.main", 10, request -> {
      Actor actor = currentActor.get();
      if (!journey.mayOpen(actor)) {
        return Optional.empty();
      }
      // The next step is null when the employee has no case; the fragment says so.
      Map<String, Object> model = new HashMap<>();
      model.put("next", journey.next(actor).orElse(null));
      return Optional.of(new Section("journey", "selfservice/sections :: home-journey", model));
    });
  }
}
