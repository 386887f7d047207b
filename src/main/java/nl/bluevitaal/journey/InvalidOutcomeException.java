package nl.bluevitaal.journey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of a step misses a key, has one it does not take, or a value of the wrong kind; per key a message. */
public class InvalidOutcomeException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public InvalidOutcomeException(String stepKey, Map<String, String> fieldErrors) {
    super("Invalid outcome for " + stepKey + ": " + fieldErrors);
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
