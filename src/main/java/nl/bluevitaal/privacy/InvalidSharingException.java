package nl.bluevitaal.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sharing change that cannot be applied (an option that does not exist, one named twice); per change, as the
 * request names it ({@code settings[1]}), what is wrong. Nothing was changed.
 */
public class InvalidSharingException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public InvalidSharingException(Map<String, String> fieldErrors) {
    super("Invalid sharing settings: " + fieldErrors);
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
