package nl.bluevitaal.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page form as the page shows it: per field what was typed (so nothing is lost when the form comes back), per
 * field the message key of what is wrong, and one message key for the form as a whole (someone else changed it
 * first). Made by {@link Forms} from a bound form record, or from the values a form starts with.
 */
public record FormState(Map<String, String> values, Map<String, String> errors, String formError) {

  public FormState {
    values = values == null ? Map.of() : new LinkedHashMap<>(values);
    errors = errors == null ? Map.of() : new LinkedHashMap<>(errors);
  }

  public static FormState empty() {
    return new FormState(Map.of(), Map.of(), null);
  }

  public static FormState of(Map<String, String> values) {
    return new FormState(values, Map.of(), null);
  }

  /** The same form with a message for the whole of it. */
  public FormState withFormError(String messageKey) {
    return new FormState(values, errors, messageKey);
  }

  /** The same form with one more rejected field (a rule only the service could check). */
  public FormState withError(String field, String messageKey) {
    Map<String, String> more = new LinkedHashMap<>(errors);
    more.put(field, messageKey);
    return new FormState(values, more, formError);
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean invalid(String field) {
    return errors.containsKey(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty() || formError != null;
  }
}
