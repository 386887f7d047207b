package nl.bluevitaal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.bluevitaal.identity.LoginForm;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** A failed login returns to the form with the user name still filled in: nothing the user typed is lost. */
class KeepUsernameFailureHandler extends SimpleUrlAuthenticationFailureHandler {

  KeepUsernameFailureHandler() {
    super("/login?error");
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
    String username = request.getParameter("username");
    if (username != null && username.length() <= 64) {
      request.getSession().setAttribute(LoginForm.LAST_USERNAME, username);
    }
    super.onAuthenticationFailure(request, response, exception);
  }
}
