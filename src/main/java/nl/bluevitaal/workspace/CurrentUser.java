package nl.bluevitaal.workspace;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.bluevitaal.identity.BlueVitaalUser;
import nl.bluevitaal.identity.Groups;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in person as the pages show them. Roles are the group ids among the granted authorities, in the
 * order of {@link Groups#ALL}; the authorities, not the principal's own list, decide what a page offers, because
 * they are what Spring Security enforces.
 */
record CurrentUser(String userId, String displayName, List<String> roles) {

  CurrentUser {
    roles = List.copyOf(roles);
  }

  static Optional<CurrentUser> of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    BlueVitaalUser user = blueVitaalUser(authentication);
    String userId = user != null ? user.userId() : authentication.getName();
    String displayName = user != null && user.displayName() != null && !user.displayName().isBlank()
        ? user.displayName() : userId;
    Set<String> authorities = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    List<String> roles = Groups.ALL.stream().filter(authorities::contains).toList();
    return Optional.of(new CurrentUser(userId, displayName, roles));
  }

  boolean hasAnyRole(Set<String> groups) {
    return roles.stream().anyMatch(groups::contains);
  }

  /** The login puts the user in the principal; another authentication mechanism may carry it in the details. */
  private static BlueVitaalUser blueVitaalUser(Authentication authentication) {
    if (authentication.getPrincipal() instanceof BlueVitaalUser user) {
      return user;
    }
    return authentication.getDetails() instanceof BlueVitaalUser user ? user : null;
  }
}
