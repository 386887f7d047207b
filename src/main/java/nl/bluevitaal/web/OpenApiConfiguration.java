package nl.bluevitaal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/docs (UI at /api/docs/ui). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI blueVitaalOpenApi() {
    return new OpenAPI()
        .info(new Info().title("BlueVitaal API").version("v1")
            .description("Re-integration after mental overload along the Wet verbetering poortwachter. Every call "
                + "needs HTTP Basic (or, in production, the organisation's identity provider); what a caller "
                + "sees depends on their role. Errors are application/problem+json with a message per field."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
