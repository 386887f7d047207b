package nl.bluevitaal.selfservice.contact.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.ContactWish;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSection.Section;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the wish for contact adds to Mijn traject (slot {@code mijn-traject.contact}, right under "Te doen"): while a
 * wish is open, who will call (name and role) and by when; for a week after the contact, that it was made. The same
 * wishes the page "Ik wil contact" shows ({@link ContactWishes#mine}); the fragment is
 * {@code templates/selfservice/contact/fragments.html :: mine}.
 */
@Configuration(proxyBeanMethods = false)
class ContactWishSections {

  /** How long Mijn traject still says the contact was made: afterwards the contact page keeps saying it. */
  static final int DAYS_SHOWN_AFTER_CONTACT = 7;

  @Bean
  PageSection myJourneyContactWish(ContactWishes wishes, CurrentActor currentActor, Clock clock) {
    return PageSection.of("mijn-traject.contact", 10, request -> {
      if (request.caseId() == null) {
        return Optional.empty();
      }
      LocalDate today = LocalDate.now(clock);
      List<ContactWish> mine = wishes.mine(currentActor.get(), request.caseId());
      List<ContactWish> open = mine.stream().filter(ContactWish::isOpen).toList();
      // Newest first: the last contact made, while it is recent.
      ContactWish recent = mine.stream().filter(w -> !w.isOpen())
          .filter(w -> !w.contactedAt().toLocalDate().isBefore(today.minusDays(DAYS_SHOWN_AFTER_CONTACT)))
          .findFirst().orElse(null);
      if (open.isEmpty() && recent == null) {
        return Optional.empty();
      }
      Map<String, Object> model = new HashMap<>();
      model.put("open", open);
      model.put("recent", recent);
      model.put("today", today);
      return Optional.of(new Section("contact", "selfservice/contact/fragments :: mine", model));
    });
  }
}
