package nl.bluevitaal.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.bluevitaal.identity.BlueVitaalUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service, so that one account opens both our pages
 * and the Camunda webapps. Production replaces this with the organisation's identity provider (see README).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      // One message for an unknown user and a wrong password: no hint which accounts exist.
      throw new BadCredentialsException("Bad credentials");
    }
    Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    if (SystemAccount.USER_ID.equals(userId) || groups.contains(SystemAccount.ENGINE_ADMIN_GROUP)) {
      // The engine's administrators pass every authorization check; no person signs in as one (SystemAccount).
      throw new BadCredentialsException("Bad credentials");
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String displayName = displayName(user, userId);
    BlueVitaalUser principal = new BlueVitaalUser(userId, displayName, groups);
    List<SimpleGrantedAuthority> authorities = groups.stream().sorted().map(SimpleGrantedAuthority::new).toList();
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    result.setDetails(authentication.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String displayName(User user, String userId) {
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
