package nl.bluevitaal.poortwachter.web;

import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description says of this module's plain-Java types, which carry no annotations (the engine knows
 * no framework): a sick period's {@code recoveredOn} is null while the period is open, and a timeline's deadline is
 * null when the case closes before reaching it.
 */
@Configuration(proxyBeanMethods = false)
class PoortwachterApiConfiguration {

  @Bean
  OpenApiCustomizer poortwachterNullables() {
    return openApi -> {
      if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
        return;
      }
      Schema<?> sickPeriod = openApi.getComponents().getSchemas().get("SickPeriod");
      if (sickPeriod != null && sickPeriod.getProperties() != null
          && sickPeriod.getProperties().get("recoveredOn") != null) {
        sickPeriod.getProperties().get("recoveredOn").setNullable(true);
      }
      Schema<?> timeline = openApi.getComponents().getSchemas().get("TimelineResponse");
      if (timeline != null && timeline.getProperties() != null && timeline.getProperties().get("deadlines") != null) {
        timeline.getProperties().get("deadlines").setAdditionalProperties(new DateSchema().nullable(true));
      }
    };
  }
}
