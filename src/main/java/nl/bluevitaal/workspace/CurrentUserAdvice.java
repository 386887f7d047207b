package nl.bluevitaal.workspace;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts {@code currentUser} in the model of every page, so the layout's header can name the signed-in person on
 * pages of any module, error pages included. Absent (null) for an anonymous visitor.
 */
@ControllerAdvice
class CurrentUserAdvice {

  static final String CURRENT_USER = "currentUser";

  @ModelAttribute(CURRENT_USER)
  CurrentUser currentUser(@CurrentSecurityContext(expression = "authentication") Authentication authentication) {
    return CurrentUser.of(authentication).orElse(null);
  }
}
