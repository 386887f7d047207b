package nl.bluevitaal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at /api/docs (UI at /api/docs/ui), made true to what the API answers (a test checks
 * real responses against it): every property of a response is present, and may be null only where the record says
 * {@code @Nullable}; every error is an {@code application/problem+json} problem, whatever the status; a 204 has no
 * body.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String PROBLEM = "Problem";
  static final String FIELD_PROBLEM = "FieldProblem";

  private static final String SCHEMAS = "#/components/schemas/";

  /** The errors every operation can answer, besides those its own description names. */
  private static final Map<String, String> ERRORS = Map.of(
      "400", "Invalid request: a message per field in `errors` (problem+json)",
      "401", "Not signed in (problem+json)",
      "403", "Not allowed for the caller (problem+json)",
      "404", "No such case or resource, or one the caller may not know (problem+json)",
      "500", "A fault on our side, logged under the `reference` given (problem+json)");

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

  /**
   * A {@code @Nullable} record component whose type is a schema of its own (a document, the functional advice):
   * swagger-core writes a bare {@code $ref} for it, and OpenAPI 3.0 ignores anything beside a {@code $ref}, while
   * {@code nullable} next to {@code allOf} does not admit null either (3.0.3). "That schema or null" is a
   * {@code oneOf} of the two, as springdoc writes it for OpenAPI 3.1.
   */
  @Bean
  PropertyCustomizer nullableReferences() {
    return (property, type) -> {
      if (property == null || !isNullable(type.getCtxAnnotations())) {
        return property;
      }
      String ref = property.get$ref();
      if (ref == null && property.getName() != null && "object".equals(property.getType())) {
        ref = SCHEMAS + property.getName();
      }
      if (ref == null) {
        return property;
      }
      Schema<Object> onlyNull = new ObjectSchema().nullable(true);
      onlyNull.addEnumItemObject(null);
      return new Schema<>().oneOf(List.of(new Schema<>().$ref(ref), onlyNull));
    };
  }

  private static boolean isNullable(Annotation[] annotations) {
    return annotations != null && Arrays.stream(annotations)
        .anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
  }

  @Bean
  OpenApiCustomizer truthfulResponses() {
    return openApi -> {
      Components components = openApi.getComponents();
      components.addSchemas(FIELD_PROBLEM, new ObjectSchema()
          .addProperty("field", new StringSchema().description("the path in the request body, e.g. periods[1].sickFrom"))
          .addProperty("message", new StringSchema())
          .required(List.of("field", "message")));
      components.addSchemas(PROBLEM, problemSchema());
      Set<String> responseSchemas = new HashSet<>();
      Set<String> requestSchemas = new HashSet<>();
      if (openApi.getPaths() != null) {
        for (PathItem path : openApi.getPaths().values()) {
          for (Operation operation : path.readOperations()) {
            describeErrors(operation);
            collectSuccessSchemas(operation, responseSchemas, components);
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
              operation.getRequestBody().getContent().values()
                  .forEach(media -> collect(media.getSchema(), requestSchemas, components));
            }
          }
        }
      }
      // Jackson writes every property of a response, null or not: all are required, nullable only where marked. A
      // schema a request shares keeps its own rules (what a client may leave out).
      responseSchemas.removeAll(requestSchemas);
      for (String name : responseSchemas) {
        Schema<?> schema = components.getSchemas().get(name);
        if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
          schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
      }
      components.getSchemas().values().forEach(OpenApiConfiguration::listNullInNullableEnums);
    };
  }

  /**
   * By OpenAPI 3.0.3, {@code nullable} adds null to the type only: an enum that does not list null still refuses it
   * (a case past its last deadline has none, an audit event about the whole case no domain).
   */
  @SuppressWarnings("unchecked")
  private static void listNullInNullableEnums(Schema<?> schema) {
    if (schema == null) {
      return;
    }
    if (Boolean.TRUE.equals(schema.getNullable()) && schema.getEnum() != null && !schema.getEnum().contains(null)) {
      ((Schema<Object>) schema).addEnumItemObject(null);
    }
    listNullInNullableEnums(schema.getItems());
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      listNullInNullableEnums(values);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(OpenApiConfiguration::listNullInNullableEnums);
    }
  }

  private static Schema<?> problemSchema() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", new StringSchema().description("about:blank unless a more specific type applies"));
    properties.put("title", new StringSchema());
    properties.put("status", new IntegerSchema());
    properties.put("detail", new StringSchema().nullable(true));
    properties.put("instance", new StringSchema().nullable(true));
    properties.put("errors", new ArraySchema().items(new Schema<>().$ref(SCHEMAS + FIELD_PROBLEM))
        .description("400: one entry per rejected field"));
    properties.put("currentVersion", new IntegerSchema().nullable(true)
        .description("409: the version now current; reload and apply again"));
    // Any JSON value: the request body as sent, or for the sharing settings the list of settings sent.
    properties.put("submitted", new Schema<>()
        .description("409: what the caller sent, so nothing typed is lost"));
    properties.put("current", new ObjectSchema().nullable(true).description("409: the current state, where useful"));
    properties.put("reference", new StringSchema().description("500: the reference the failure is logged under"));
    properties.put("recordContactAt", new StringSchema()
        .description("409 of a step that answers a wish for contact: where the contact that closes it is recorded"));
    ObjectSchema problem = new ObjectSchema();
    problem.setProperties(properties);
    problem.setRequired(List.of("type", "title", "status"));
    problem.setDescription("RFC 9457 problem details");
    return problem;
  }

  /** Every error response is a problem, keeping the operation's own descriptions; the common ones are added. */
  private static void describeErrors(Operation operation) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    ERRORS.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)));
    if (operation.getRequestBody() != null) {
      responses.putIfAbsent("415", new ApiResponse().description("The body is not JSON (problem+json)"));
    }
    for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
      if (response.getKey().equals("204")) {
        response.getValue().setContent(null);
      } else if (!response.getKey().startsWith("2")) {
        response.getValue().setContent(new Content().addMediaType("application/problem+json",
            new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
      }
    }
    operation.setResponses(responses);
  }

  private static void collectSuccessSchemas(Operation operation, Set<String> names, Components components) {
    if (operation.getResponses() == null) {
      return;
    }
    for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
      if (response.getKey().startsWith("2") && response.getValue().getContent() != null) {
        for (MediaType media : response.getValue().getContent().values()) {
          collect(media.getSchema(), names, components);
        }
      }
    }
  }

  /** The named schemas a response reaches, through arrays and nested properties. */
  private static void collect(Schema<?> schema, Set<String> names, Components components) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (names.add(name)) {
        collect(components.getSchemas().get(name), names, components);
      }
      return;
    }
    collect(schema.getItems(), names, components);
    for (List<Schema> composed : Arrays.asList(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())) {
      if (composed != null) {
        composed.forEach(part -> collect(part, names, components));
      }
    }
    if (schema.getProperties() != null) {
      for (Schema<?> property : schema.getProperties().values()) {
        collect(property, names, components);
      }
    }
  }
}
