package nl.bluevitaal.privacy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.internal.Refusals;
import nl.bluevitaal.privacy.internal.SecurityCurrentActor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refusals that never reach the access policy, recorded all the same: an address Spring Security turns away for the
 * person's role (the Camunda webapps for an employee, the engine's setup), and the engine's own refusals in its REST
 * API and in the Camunda webapps' API (a deployment, an authorization, a membership the person may not make).
 * Anonymous callers are sent to the login and are not recorded: there is nobody to name.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequests {

  private final Refusals refusals;
  private final AccessPolicy policy;

  RefusedRequests(Refusals refusals, AccessPolicy policy) {
    this.refusals = refusals;
    this.policy = policy;
  }

  @EventListener
  void denied(AuthorizationDeniedEvent<?> event) {
    Authentication authentication = event.getAuthentication().get();
    if (event.getObject() instanceof HttpServletRequest request && named(authentication)) {
      record(authentication, "address " + describe(request));
    }
  }

  /** After Spring Security (which runs at order -100), around the engine's REST API and the webapps' API. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRefusals() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        chain.doFilter(request, response);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (response.getStatus() == HttpStatus.FORBIDDEN.value() && named(authentication)) {
          record(authentication, "engine " + describe(request));
        }
      }
    });
    registration.setName("bluevitaal-engine-refusals");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(0);
    return registration;
  }

  private void record(Authentication authentication, String what) {
    Actor actor = SecurityCurrentActor.of(authentication);
    refusals.record(actor.userId(), policy.roleOn(actor, null), what);
  }

  private static boolean named(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** Method and path, never the query string: a search term may hold a name. */
  private static String describe(HttpServletRequest request) {
    return request.getMethod() + " " + request.getRequestURI();
  }
}
