package nl.bluevitaal.journey.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the journey adds to other modules' pages: the caller's open steps of the case on the case page and on a team
 * member's page, and the task list with its count under "your work" on the home page. The fragments are in
 * {@code templates/journey/sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class JourneySections {

  /** Who works from the task list (the home page's link with the count of open steps). */
  private static final List<String> TASKLIST_USERS = List.of(Groups.COUNSELLOR, Groups.COMPANY_DOCTOR);

  @Bean
  PageSection caseSteps(MySteps steps, Caseload caseload, JourneyRequests requests, CurrentActor currentActor) {
    return PageSection.of("case.steps", 10, request -> {
      Actor actor = currentActor.get();
      Section section = stepsOf(steps, caseload, actor, request, "journey/sections :: case-steps");
      Map<String, Object> model = new java.util.HashMap<>(section.model());
      model.put("requests", List.copyOf(requests.openTo(actor, request.caseId())));
      return Optional.of(new Section(section.key(), section.fragment(), model));
    });
  }

  /** Mijn traject: what the employee may ask for at any time (an expert opinion, a second opinion, early IVA). */
  @Bean
  PageSection myRequests(JourneyRequests requests, CurrentActor currentActor) {
    return PageSection.of("mijn-traject.requests", 10, request -> {
      List<JourneyRequests.Request> open = List.copyOf(requests.openTo(currentActor.get(), request.caseId()));
      return open.isEmpty() ? Optional.empty() : Optional.of(new Section("requests",
          "journey/sections :: my-requests", Map.of("caseId", request.caseId(), "requests", open)));
    });
  }

  @Bean
  PageSection teamCaseSteps(MySteps steps, Caseload caseload, CurrentActor currentActor) {
    return PageSection.of("team-case.steps", 10, request -> Optional.of(stepsOf(steps, caseload, currentActor.get(),
        request, "journey/sections :: team-case-steps")));
  }

  @Bean
  PageSection homeTasks(MySteps steps, CurrentActor currentActor) {
    return PageSection.of("home.work", 20, request -> {
      Actor actor = currentActor.get();
      if (TASKLIST_USERS.stream().noneMatch(actor::isIn)) {
        return Optional.empty();
      }
      return Optional.of(new Section("tasks", "journey/sections :: home-tasks",
          Map.of("openSteps", steps.steps(actor).size())));
    });
  }

  /** The open wishes for contact addressed to the caller: a count on the home page, beside the task list's. */
  @Bean
  PageSection homeContactWishes(ContactWishes wishes, CurrentActor currentActor) {
    return PageSection.of("home.work", 21, request -> {
      Actor actor = currentActor.get();
      if (TASKLIST_USERS.stream().noneMatch(actor::isIn)) {
        return Optional.empty();
      }
      int open = wishes.openCounts(actor).values().stream().mapToInt(Integer::intValue).sum();
      return open == 0 ? Optional.empty() : Optional.of(new Section("contact-wishes",
          "journey/sections :: home-contact-wishes", Map.of("openWishes", open)));
    });
  }

  private static Section stepsOf(MySteps steps, Caseload caseload, Actor actor, PageSection.Request request,
      String fragment) {
    CaseView view = caseload.detail(actor, request.caseId()).summary();
    return new Section("steps", fragment, Map.of("caseId", view.id(), "steps", steps.steps(actor, view)));
  }
}
