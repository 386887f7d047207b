package nl.bluevitaal.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input rejected field by field, answered with 400 and one message per field. Field paths follow the request
 * body, e.g. {@code periods[1].sickFrom}, so a client can put each message next to what the user typed.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class FieldErrorsException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public FieldErrorsException(Map<String, String> fieldErrors) {
    super("Invalid fields: " + fieldErrors.keySet());
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  /** Field path to message, in the order given. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
