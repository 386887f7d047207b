package nl.bluevitaal.workspace;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSections;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after login: who you are, what your roles let you open, and what comes next. Beyond the roles and
 * the links, the page is what the modules contribute: slot {@code home.main} (your journey, your team) and slot
 * {@code home.work} (the items under "your work": caseload, tasks). The shell knows none of them.
 */
@Controller
class HomeController {

  static final String MAIN = "home.main";
  static final String WORK = "home.work";

  private final PageSections sections;

  HomeController(PageSections sections) {
    this.sections = sections;
  }

  @GetMapping("/")
  String home(@CurrentSecurityContext(expression = "authentication") Authentication authentication, Model model) {
    Optional<CurrentUser> user = CurrentUser.of(authentication);
    if (user.isEmpty()) {
      return "redirect:/login";
    }
    model.addAttribute(CurrentUserAdvice.CURRENT_USER, user.get());
    model.addAttribute("links", WorkspaceLink.openTo(user.get()));
    List<PageSection.Section> main = sections.render(MAIN, PageSection.Request.of(null));
    List<PageSection.Section> work = sections.render(WORK, PageSection.Request.of(null));
    model.addAttribute("mainSections", main);
    model.addAttribute("workSections", work);
    // The "what can you do here" lines say more for a role whose part of the page is there.
    Set<String> present = main.stream().map(PageSection.Section::key).collect(Collectors.toSet());
    model.addAttribute("sectionKeys", present);
    return "workspace/home";
  }
}
