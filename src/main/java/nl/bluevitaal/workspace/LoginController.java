package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.identity.LoginForm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form. Spring Security handles the POST to {@code /login}; this only renders the page, with the demo
 * accounts when the embedded demo runs.
 */
@Controller
class LoginController {

  /** A demo account as the login page lists it; all have password {@code demo}. */
  record DemoLogin(String username, String group) {
  }

  // Mirrors the demo users the demo module creates; kept here because the demo module does not expose its list.
  static final List<DemoLogin> DEMO_LOGINS = List.of(
      new DemoLogin("anna", Groups.EMPLOYEE),
      new DemoLogin("bram", Groups.EMPLOYEE),
      new DemoLogin("carla", Groups.COUNSELLOR),
      new DemoLogin("dirk", Groups.COMPANY_DOCTOR),
      new DemoLogin("eva", Groups.LINE_MANAGER),
      new DemoLogin("frank", Groups.MANAGEMENT),
      new DemoLogin("gerda", Groups.PROCESS_OWNER),
      new DemoLogin("ilse", Groups.PROCESS_OWNER),
      new DemoLogin("hans", Groups.BUDDY),
      new DemoLogin("joost", Groups.HOME_FRONT),
      new DemoLogin("demo", Groups.ADMINISTRATOR));

  private final boolean demoEnabled;

  LoginController(@Value("${bluevitaal.demo.enabled:false}") boolean demoEnabled) {
    this.demoEnabled = demoEnabled;
  }

  /**
   * Spring Security sends a failed login back with {@code ?error} and a logout with {@code ?logout}. Those become
   * model flags because Thymeleaf does not let request parameters into attribute values such as aria-invalid.
   */
  @GetMapping("/login")
  String login(@CurrentSecurityContext(expression = "authentication") Authentication authentication,
      @RequestParam(name = "error", required = false) String error,
      @RequestParam(name = "logout", required = false) String logout, HttpSession session, Model model) {
    if (CurrentUser.of(authentication).isPresent()) {
      return "redirect:/";
    }
    Object lastUsername = session.getAttribute(LoginForm.LAST_USERNAME);
    session.removeAttribute(LoginForm.LAST_USERNAME);
    model.addAttribute("lastUsername", error != null && lastUsername != null ? lastUsername.toString() : "");
    model.addAttribute("loginFailed", error != null);
    model.addAttribute("loggedOut", logout != null && error == null);
    model.addAttribute("demoLogins", demoEnabled ? DEMO_LOGINS : List.of());
    return "workspace/login";
  }
}
