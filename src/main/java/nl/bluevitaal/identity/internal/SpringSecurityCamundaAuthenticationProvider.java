package nl.bluevitaal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user that Spring Security has already authenticated to Camunda (webapps and engine REST API), so
 * Camunda's authorization checks apply to the same person. Instantiated by Camunda's filters by class name.
 */
public class SpringSecurityCamundaAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
    ArrayList<String> groups = new ArrayList<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      // Whatever a login or an identity provider may claim, the engine's all-powerful group never reaches it.
      if (!SystemAccount.isEngineAdminGroup(authority.getAuthority())) {
        groups.add(authority.getAuthority());
      }
    }
    result.setGroups(groups);
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security sends the challenge (HTTP Basic or a redirect to the login page).
  }
}
