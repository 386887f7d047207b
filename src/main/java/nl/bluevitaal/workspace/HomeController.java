package nl.bluevitaal.workspace;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: who you are, what your roles let you open, and what comes next. */
@Controller
class HomeController {

  @GetMapping("/")
  String home(@CurrentSecurityContext(expression = "authentication") Authentication authentication, Model model) {
    Optional<CurrentUser> user = CurrentUser.of(authentication);
    if (user.isEmpty()) {
      return "redirect:/login";
    }
    model.addAttribute(CurrentUserAdvice.CURRENT_USER, user.get());
    model.addAttribute("links", WorkspaceLink.openTo(user.get()));
    return "home";
  }
}
