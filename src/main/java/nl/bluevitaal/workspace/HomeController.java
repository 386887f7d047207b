package nl.bluevitaal.workspace;

import java.util.Optional;
import java.util.Set;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: who you are, what your roles let you open, and what comes next. */
@Controller
class HomeController {

  /** Roles whose home page shows their caseload and open steps with counts. */
  static final Set<String> CASEWORKERS = Set.of(Groups.COUNSELLOR, Groups.COMPANY_DOCTOR);

  // Optional so the start page still renders where the case file is not running (the web slice tests).
  private final ObjectProvider<MyWork> work;
  private final ObjectProvider<CurrentActor> currentActor;
  private final ObjectProvider<MyJourney> journey;
  private final ObjectProvider<TeamCases> team;

  HomeController(ObjectProvider<MyWork> work, ObjectProvider<CurrentActor> currentActor,
      ObjectProvider<MyJourney> journey, ObjectProvider<TeamCases> team) {
    this.work = work;
    this.currentActor = currentActor;
    this.journey = journey;
    this.team = team;
  }

  @GetMapping("/")
  String home(@CurrentSecurityContext(expression = "authentication") Authentication authentication, Model model) {
    Optional<CurrentUser> user = CurrentUser.of(authentication);
    if (user.isEmpty()) {
      return "redirect:/login";
    }
    model.addAttribute(CurrentUserAdvice.CURRENT_USER, user.get());
    model.addAttribute("links", WorkspaceLink.openTo(user.get()));
    if (user.get().hasAnyRole(CASEWORKERS)) {
      model.addAttribute("caseloadPath", user.get().roles().contains(Groups.COUNSELLOR)
          ? CaseloadController.COUNSELLOR_PATH : CaseloadController.DOCTOR_PATH);
      MyWork myWork = work.getIfAvailable();
      CurrentActor actor = currentActor.getIfAvailable();
      if (myWork != null && actor != null) {
        model.addAttribute("counts", myWork.counts(actor.get()));
      }
    }
    CurrentActor actor = currentActor.getIfAvailable();
    MyJourney myJourney = journey.getIfAvailable();
    if (actor != null && myJourney != null && myJourney.mayOpen(actor.get())) {
      model.addAttribute("journeyOpen", true);
      model.addAttribute("journeyNext", myJourney.next(actor.get()).orElse(null));
    }
    TeamCases teamCases = team.getIfAvailable();
    if (actor != null && teamCases != null && teamCases.mayOpen(actor.get())) {
      model.addAttribute("teamCount", teamCases.count(actor.get()));
    }
    return "home";
  }
}
