package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch first, English second: {@code ?lang=nl} or {@code ?lang=en} on any page switches and remembers the choice
 * in the {@code bv-lang} cookie. Without a choice the pages are Dutch, whatever the browser asks for; a language
 * we have no texts for is ignored.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

  static final Locale DUTCH = Locale.forLanguageTag("nl");
  static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);
  static final String COOKIE_NAME = "bv-lang";
  static final String PARAM_NAME = "lang";

  /** The bean name is the one DispatcherServlet looks up; it replaces Spring Boot's default resolver. */
  @Bean
  LocaleResolver localeResolver() {
    SupportedLocaleResolver resolver = new SupportedLocaleResolver();
    resolver.setDefaultLocale(DUTCH);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Lax");
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName(PARAM_NAME);
    interceptor.setIgnoreInvalidLocale(true);
    // The JSON API is stateless and English; a `lang` parameter there is the API's own business.
    registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
  }

  /** The supported locale with the same language ({@code en-GB} becomes {@code en}), if any. */
  static Optional<Locale> supported(Locale locale) {
    if (locale == null) {
      return Optional.empty();
    }
    return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst();
  }

  /** A cookie resolver that only ever stores or returns nl or en. */
  static class SupportedLocaleResolver extends CookieLocaleResolver {

    SupportedLocaleResolver() {
      super(COOKIE_NAME);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
        LocaleContext localeContext) {
      Locale requested = localeContext != null ? localeContext.getLocale() : null;
      if (requested == null) {
        super.setLocaleContext(request, response, null);
        return;
      }
      // An unsupported language keeps the current choice rather than silently switching to Dutch.
      supported(requested).ifPresent(locale ->
          super.setLocaleContext(request, response, new SimpleLocaleContext(locale)));
    }

    /** A cookie naming another language (edited by hand, or from an older version) counts as no choice. */
    @Override
    protected Locale parseLocaleValue(String localeValue) {
      return supported(super.parseLocaleValue(localeValue)).orElse(null);
    }
  }
}
