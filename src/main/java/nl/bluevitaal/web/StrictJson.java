package nl.bluevitaal.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reads JSON as it is typed, never as it might have been meant: a value of the wrong JSON type is a 400 that
 * names the field rather than a quiet conversion ({@code 0.5} truncated to 0 weeks, {@code false} stored as the text
 * "false", {@code "50"} read as a number), text is cleaned of what no PDF can hold ({@link PlainText}), and a date
 * outside {@link PlausibleDates} is refused.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    SimpleModule module = new SimpleModule("bluevitaal-strict-input");
    module.addDeserializer(String.class, new CleanStringDeserializer());
    module.setDeserializerModifier(new PlausibleDateModifier());
    return builder -> builder
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .modulesToInstall(modules -> modules.add(module))
        .postConfigurer(mapper -> {
          refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
              CoercionInputShape.Boolean);
          refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean,
              CoercionInputShape.String);
          refuse(mapper, LogicalType.Float, CoercionInputShape.Boolean, CoercionInputShape.String);
          refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
              CoercionInputShape.String);
          refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float,
              CoercionInputShape.Boolean);
        });
  }

  private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Text as typed, minus the characters XML and PDF cannot hold. */
  static final class CleanStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return PlainText.clean(super.deserialize(p, ctxt));
    }
  }

  /** Wraps the java.time deserializers: a date outside the plausible range is an invalid value of its field. */
  static final class PlausibleDateModifier extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
        JsonDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      if (type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
          || type == ZonedDateTime.class || type == Instant.class) {
        return new PlausibleDateDeserializer(deserializer);
      }
      return deserializer;
    }
  }

  static final class PlausibleDateDeserializer extends DelegatingDeserializer {

    PlausibleDateDeserializer(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new PlausibleDateDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String typed = p.getText();
      Object value = super.deserialize(p, ctxt);
      if (!PlausibleDates.isPlausible(dateOf(value))) {
        throw new OutOfRangeDateException(p, typed, _delegatee.handledType());
      }
      return value;
    }
  }

  private static LocalDate dateOf(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    if (value instanceof Instant instant) {
      return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
    return null;
  }

  /** A date that parses but lies outside {@link PlausibleDates}; the problem handler names the range. */
  static final class OutOfRangeDateException extends InvalidFormatException {

    OutOfRangeDateException(JsonParser p, String value, Class<?> type) {
      super(p, value + " lies outside " + PlausibleDates.FIRST + " to " + PlausibleDates.LAST, value, type);
    }
  }
}
