package nl.bluevitaal.journey;

import java.util.Map;

/** Typed inputs that are not of their input's type: per input, the message key of what is wrong. */
public class DecisionInputsInvalidException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public DecisionInputsInvalidException(Map<String, String> fieldErrors) {
    super("Invalid decision inputs " + fieldErrors.keySet());
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
