package nl.bluevitaal.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.bluevitaal.identity.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. The API (`/api/**`, `/engine-rest/**`) takes HTTP Basic on every call and keeps no session, so no
 * browser cookie can be replayed against it. Pages and the Camunda webapps share one form login and session.
 * Nothing but the login page, static files and the health probe answers an anonymous caller.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

  private static final String REALM = "BlueVitaal";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName(REALM);
    // Path matchers on the whole path: /engine-rest is a Jersey servlet, not Spring MVC, so MVC matchers miss it.
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/engine-rest/**")).hasAnyAuthority(
                Groups.COUNSELLOR, Groups.COMPANY_DOCTOR, Groups.PROCESS_OWNER, Groups.ADMINISTRATOR)
            .anyRequest().access(NOT_HOME_FRONT))
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic auth: there is no session cookie a forged cross-site request could ride on.
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .anyRequest().hasAuthority(Groups.ADMINISTRATOR))
        .httpBasic(basic -> basic.realmName(REALM))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
    RequestMatcher webappApi = path("/camunda/api/**");
    // Pages go to the login form; the Camunda webapps' own API calls get a plain 401 their scripts understand.
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
    entryPoints.put(webappApi, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
    DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
    entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));

    http.authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/login"), path("/error"), path("/css/**"), path("/js/**"), path("/vendor/**"),
                path("/img/**"), path("/favicon.ico"))
            .permitAll()
            // An invitation link is opened before its holder has an account; the page checks the token itself.
            .requestMatchers(path("/uitnodiging/**")).permitAll()
            .requestMatchers(path(Groups.HOME_FRONT_PAGES), path(Groups.HOME_FRONT_PAGES + "/**")).authenticated()
            // The app on a phone: its manifest, icons, offline page and service worker (the app shell, no data).
            .requestMatchers(path("/manifest.webmanifest"), path("/icons/**"), path("/sw.js"), path("/offline.html"))
            .permitAll()
            // Camunda's "create the first admin" page and its endpoint: the engine's administrator exists from the
            // first start (SystemAccount), and nobody creates another, in any profile.
            .requestMatchers(path("/camunda/api/admin/setup/**"), path("/camunda/app/*/*/setup/**")).denyAll()
            // Camunda's webapps are staff tools; employees, line managers and buddies work in BlueVitaal's pages.
            .requestMatchers(path("/camunda/**")).hasAnyAuthority(
                Groups.COUNSELLOR, Groups.COMPANY_DOCTOR, Groups.PROCESS_OWNER, Groups.ADMINISTRATOR)
            .anyRequest().access(NOT_HOME_FRONT))
        .formLogin(form -> form.loginPage("/login").successHandler(homeFrontToOwnPages())
            .failureHandler(new KeepUsernameFailureHandler()).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
        // The Camunda webapps send their own CSRF token (X-XSRF-TOKEN) checked by their own filter.
        .csrf(csrf -> csrf.ignoringRequestMatchers(webappApi))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
    return http.build();
  }

  /**
   * A home-front account ("naaste") reaches its own pages and nothing else: not the start page, no case, no task, no
   * API. Everyone else needs only to be signed in here; the pages' own policy decides further.
   */
  private static final AuthorizationManager<RequestAuthorizationContext> NOT_HOME_FRONT = (authentication, context) -> {
    Authentication who = authentication.get();
    boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    return new AuthorizationDecision(signedIn && who.getAuthorities().stream()
        .noneMatch(a -> Groups.HOME_FRONT.equals(a.getAuthority())));
  };

  /** After login a naaste lands on their own page (the start page is not theirs); everyone else as before. */
  private static AuthenticationSuccessHandler homeFrontToOwnPages() {
    SavedRequestAwareAuthenticationSuccessHandler others = new SavedRequestAwareAuthenticationSuccessHandler();
    others.setDefaultTargetUrl("/");
    SimpleUrlAuthenticationSuccessHandler homeFront =
        new SimpleUrlAuthenticationSuccessHandler(Groups.HOME_FRONT_PAGES);
    homeFront.setAlwaysUseDefaultTargetUrl(true);
    return (request, response, authentication) -> {
      boolean naaste = authentication.getAuthorities().stream()
          .anyMatch(a -> Groups.HOME_FRONT.equals(a.getAuthority()));
      (naaste ? homeFront : others).onAuthenticationSuccess(request, response, authentication);
    };
  }

  /** Requests turned away for the person's role become events, which the privacy module records as refusals. */
  @Bean
  AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
    return new SpringAuthorizationEventPublisher(events);
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /** Camunda's REST API checks engine authorizations for the user Spring Security authenticated. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityCamundaAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    // After Spring Security's filter chain, which has already authenticated the caller.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /** Single sign-on into Cockpit, Tasklist and Admin with the BlueVitaal login. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("camunda-webapp-authentication");
    registration.setInitParameters(Map.of(
        "authentication-provider", SpringSecurityCamundaAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
