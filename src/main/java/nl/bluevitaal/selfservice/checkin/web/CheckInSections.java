package nl.bluevitaal.selfservice.checkin.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the check-in adds to Mijn traject (slot {@code mijn-traject.check-in}): the latest check-in, its level in
 * words, and the way to a new one and to the history. Only for the case's own employee; the fragment is
 * {@code templates/selfservice/checkin/fragments.html :: summary}.
 */
@Configuration(proxyBeanMethods = false)
class CheckInSections {

  @Bean
  PageSection myJourneyCheckIn(CheckIns checkIns, CurrentActor currentActor) {
    return PageSection.of("mijn-traject.check-in", 10, request -> {
      if (request.caseId() == null) {
        return Optional.empty();
      }
      // Mijn traject is the employee's own page: the latest check-in is read as theirs, through the policy.
      Map<String, Object> model = new HashMap<>();
      model.put("latest", checkIns.latest(currentActor.get(), request.caseId()).orElse(null));
      return Optional.of(new Section("check-in", "selfservice/checkin/fragments :: summary", model));
    });
  }
}
