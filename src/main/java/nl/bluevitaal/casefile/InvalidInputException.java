package nl.bluevitaal.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input a case-file rule refuses, field by field (the field as the request names it); nothing was changed. */
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public InvalidInputException(Map<String, String> fieldErrors) {
    super("Invalid fields: " + fieldErrors.keySet());
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
