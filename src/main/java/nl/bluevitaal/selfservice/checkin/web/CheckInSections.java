package nl.bluevitaal.selfservice.checkin.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CasePartiesLookup;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the check-in adds to Mijn traject (slot {@code mijn-traject.check-in}): the latest check-in, its level in
 * words, and the way to a new one and to the history. Only for the case's own employee; the fragment is
 * {@code templates/selfservice/checkin/fragments.html :: summary}. And what it adds to the case page (slot
 * {@code case.steps}): for the care side while the employee shares self-reports with care, the way to the shared
 * check-ins; for anyone else nothing, not even that check-ins exist.
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

  @Bean
  PageSection caseCheckIns(CheckIns checkIns, CurrentActor currentActor, CasePartiesLookup parties) {
    return PageSection.of("case.steps", 95, request -> {
      Optional<CaseParties> found = request.caseId() == null ? Optional.empty() : parties.find(request.caseId());
      if (found.isEmpty() || !checkIns.mayRead(currentActor.get(), found.get())) {
        return Optional.empty();
      }
      return Optional.of(new Section("check-ins", "selfservice/checkin/fragments :: case-link",
          Map.of("caseId", request.caseId())));
    });
  }
}
