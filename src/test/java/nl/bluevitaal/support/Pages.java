package nl.bluevitaal.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import nl.bluevitaal.identity.BlueVitaalUser;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test helpers for pages: a signed-in user as the identity module's login creates one, and what a page was given. */
public final class Pages {

  private Pages() {
  }

  /** Signed in like CamundaIdentityAuthenticationProvider does it: the principal is a BlueVitaalUser. */
  public static RequestPostProcessor signedInAs(String userId, String displayName, String... groups) {
    BlueVitaalUser user = new BlueVitaalUser(userId, displayName, Set.of(groups));
    return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
        Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList()));
  }

  /** Signed in as this user, named by their id, in these groups. */
  public static RequestPostProcessor as(String userId, String... groups) {
    return signedInAs(userId, userId, groups);
  }

  /** A model attribute of the page the request answered with, as its controller put it there. */
  @SuppressWarnings("unchecked")
  public static <T> T attribute(MvcResult result, String name) {
    return (T) result.getModelAndView().getModel().get(name);
  }

  /** The page contains a match of the regular expression; whitespace between tags does not matter. */
  public static Matcher<String> containsPattern(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(String page) {
        return pattern.matcher(page).find();
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a page containing /" + regex + "/");
      }
    };
  }

  /** A table row of the demo accounts: the user name, then the role as the page names it. */
  public static Matcher<String> containsDemoRow(String username, String role) {
    return containsPattern("<code>" + Pattern.quote(username) + "</code></td>\\s*<td class=\"utrecht-table__cell\">"
        + Pattern.quote(role) + "</td>");
  }
}
