package nl.bluevitaal.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Page forms bind to records ({@code @Valid Form form, BindingResult result}); this turns the result into the
 * {@link FormState} the page kit's fragments show. A field's message is the first of its error codes that the
 * message bundles know (so {@code typeMismatch.java.time.LocalDate} explains a date that is not one), else the
 * constraint's own message, which is a message key. Text that is not a value of the field's type (letters in a
 * number) breaks the same rule as a value out of bounds, so it gets the message of the field's own bounds
 * ({@code @Min}, {@code @Max}) when it has them, and otherwise the kit's message for its type.
 */
@Component
public class Forms {

  private static final String FALLBACK = "form.error.invalid";

  private final MessageSource messages;
  private final ObjectProvider<Validator> validator;

  Forms(MessageSource messages, ObjectProvider<Validator> validator) {
    this.messages = messages;
    this.validator = validator;
  }

  /** What was typed in each of these fields, and the message key per rejected one. */
  public FormState state(BindingResult result, String... fields) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : fields) {
      values.put(field, text(result.getFieldValue(field)));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : fields) {
      FieldError error = result.getFieldError(field);
      if (error != null) {
        errors.put(field, key(error, result));
      }
    }
    return new FormState(values, errors, null);
  }

  private String key(FieldError error, BindingResult result) {
    List<String> candidates = new ArrayList<>(List.of(error.getCodes() == null ? new String[0] : error.getCodes()));
    if (error.isBindingFailure()) {
      String typeMessage = typeMessage(result.getFieldType(error.getField()));
      // A date that is not one is not out of range: it gets the date message before the field's bounds.
      if (!"form.error.date".equals(typeMessage)) {
        candidates.addAll(boundsMessages(result, error.getField()));
      }
      candidates.add(typeMessage);
    } else if (error.getDefaultMessage() != null) {
      candidates.add(error.getDefaultMessage());
    }
    for (String code : candidates) {
      if (known(code)) {
        return code;
      }
    }
    return FALLBACK;
  }

  private boolean known(String code) {
    return code != null && messages.getMessage(code, null, null, LocaleContextHolder.getLocale()) != null;
  }

  /** The messages of a field's constraints other than "required": its bounds and format. */
  private List<String> boundsMessages(BindingResult result, String field) {
    Validator v = validator.getIfAvailable();
    Object target = result.getTarget();
    if (v == null || target == null) {
      return List.of();
    }
    PropertyDescriptor property = v.getConstraintsForClass(target.getClass()).getConstraintsForProperty(field);
    if (property == null) {
      return List.of();
    }
    return property.getConstraintDescriptors().stream()
        .filter(c -> !(c.getAnnotation() instanceof NotNull) && !(c.getAnnotation() instanceof NotBlank))
        .map(c -> c.getMessageTemplate())
        .toList();
  }

  private static String typeMessage(Class<?> type) {
    if (type == null) {
      return FALLBACK;
    }
    if (type.isEnum() || type == Boolean.class) {
      return "form.error.choose";
    }
    if (TemporalAccessor.class.isAssignableFrom(type)) {
      return "form.error.date";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "form.error.number";
    }
    return FALLBACK;
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof TemporalAccessor || value instanceof Number || value instanceof Boolean
        || value instanceof Enum<?>) {
      return value instanceof Enum<?> e ? e.name() : value.toString();
    }
    return value.toString();
  }
}
