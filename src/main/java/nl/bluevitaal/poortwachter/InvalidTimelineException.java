package nl.bluevitaal.poortwachter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input from which no timeline can be computed. Field paths name the engine's arguments
 * ({@code periods[1].sickFrom}, {@code voluntaryExtensionWeeks}) so an adapter can show each message next to
 * what the user typed.
 */
public class InvalidTimelineException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public InvalidTimelineException(Map<String, String> fieldErrors) {
    super(describe(fieldErrors));
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  /** Field path to message, in the order the fields appear in the input. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  private static String describe(Map<String, String> fieldErrors) {
    StringBuilder text = new StringBuilder("Invalid timeline input:");
    fieldErrors.forEach((field, message) -> text.append(' ').append(field).append(": ").append(message).append(';'));
    return text.toString();
  }
}
