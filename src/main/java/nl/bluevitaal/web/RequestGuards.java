package nl.bluevitaal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request passes before anything else reads it.
 *
 * <ul>
 *   <li>An address must be in its plain form. The container normalises {@code /./engine-rest}, {@code //engine-rest},
 *       {@code /%65ngine-rest} or {@code /engine-rest;x=y} to a servlet it serves while the raw address says
 *       something else; security rules and path parsing then disagree about the request, which used to end in a 500
 *       (or worse, a rule that does not match). Such an address is a 400 here, for everyone, signed in or not.</li>
 *   <li>Form fields are cleaned of characters no page or PDF can hold ({@link PlainText}), for every page at once;
 *       JSON bodies are cleaned as they are read ({@link StrictJson}). A body whose type is a wildcard is a 415.</li>
 *   <li>What Spring Security's firewall refuses is a 400 problem, or a 405 for a method nothing here answers (TRACE,
 *       made-up methods), instead of a bare error.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestGuards {

  /** Methods something in BlueVitaal (pages, API, the Camunda webapps) answers. */
  static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> plainAddressesAndCleanForms() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!isPlain(request.getRequestURI())) {
          ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "This address is not in its plain form (no "
              + "'//', '/./', '/../', ';' or escaped letters); use the address as BlueVitaal gives it.", null);
          return;
        }
        String contentType = request.getContentType();
        if (contentType != null && contentType.contains("*")) {
          ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A request body needs its own type, "
              + "not a wildcard: send JSON as application/json.", null);
          return;
        }
        chain.doFilter(new CleanParameters(request), response);
      }
    });
    registration.setName("bluevitaal-request-guards");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  RequestRejectedHandler problemForRejectedRequests() {
    return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) -> {
      String method = request.getMethod();
      if (!KNOWN_METHODS.contains(method)) {
        response.setHeader("Allow", String.join(", ", KNOWN_METHODS.stream().sorted().toList()));
        ProblemResponses.write(response, HttpStatus.METHOD_NOT_ALLOWED,
            "The method " + method + " is not supported here.", null);
      } else {
        ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
            "The request cannot be processed: its address or headers hold characters that are not allowed.", null);
      }
    };
  }

  /** No empty or dot segments, no path parameters, no backslash, and no escape of a character that needs none. */
  static boolean isPlain(String uri) {
    if (uri == null || uri.isEmpty()) {
      return true;
    }
    if (uri.contains("//") || uri.contains(";") || uri.contains("\\")) {
      return false;
    }
    for (String segment : uri.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    Matcher escape = ESCAPE.matcher(uri);
    while (escape.find()) {
      char decoded = (char) Integer.parseInt(escape.group(1), 16);
      if ((Character.isLetterOrDigit(decoded) && decoded < 0x80) || "-._~/\\;%".indexOf(decoded) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Form and query parameters without the characters {@link PlainText} drops, however a page reads them. */
  static final class CleanParameters extends HttpServletRequestWrapper {

    private Map<String, String[]> cleaned;

    CleanParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = getParameterMap().get(name);
      return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      if (cleaned == null) {
        Map<String, String[]> map = new LinkedHashMap<>();
        super.getParameterMap().forEach((name, values) -> map.put(PlainText.clean(name),
            Arrays.stream(values).map(PlainText::clean).toArray(String[]::new)));
        cleaned = Collections.unmodifiableMap(map);
      }
      return cleaned;
    }
  }
}
