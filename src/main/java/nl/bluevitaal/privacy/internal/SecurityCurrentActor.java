package nl.bluevitaal.privacy.internal;

import java.util.Set;
import java.util.stream.Collectors;
import nl.bluevitaal.identity.BlueVitaalUser;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The actor of the current request. Groups are the granted authorities (what Spring Security enforces), the user id
 * the principal's. A care professional is a counsellor who is also in {@link Roles#CARE_PROFESSIONAL}.
 */
@Component
public class SecurityCurrentActor implements CurrentActor {

  @Override
  public Actor get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new IllegalStateException("No signed-in user");
    }
    return of(authentication);
  }

  public static Actor of(Authentication authentication) {
    String userId = authentication.getPrincipal() instanceof BlueVitaalUser user ? user.userId()
        : authentication.getDetails() instanceof BlueVitaalUser user ? user.userId() : authentication.getName();
    Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toUnmodifiableSet());
    boolean careProfessional = groups.contains(Roles.CARE_PROFESSIONAL) && groups.contains(Groups.COUNSELLOR);
    return new Actor(userId, groups, careProfessional);
  }
}
