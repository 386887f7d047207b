package nl.bluevitaal.selfservice.checkin.web;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app on a phone: the web app manifest ({@code /manifest.webmanifest}) must come with its own media type, or a
 * browser does not offer to install the app; the server does not know the extension.
 */
@Configuration(proxyBeanMethods = false)
class PhoneApp {

  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> webManifestMediaType() {
    return factory -> {
      MimeMappings mappings = new MimeMappings(MimeMappings.DEFAULT);
      mappings.add("webmanifest", "application/manifest+json");
      factory.setMimeMappings(mappings);
    };
  }
}
