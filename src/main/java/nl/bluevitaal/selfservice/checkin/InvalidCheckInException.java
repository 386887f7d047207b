package nl.bluevitaal.selfservice.checkin;

import java.util.Map;

/**
 * A check-in that breaks a rule only the service knows (answers not on the instrument's scale, a time outside the
 * limits): the fields and their message keys (bundle {@code selfservice}).
 */
public class InvalidCheckInException extends RuntimeException {

  private final Map<String, String> fields;

  public InvalidCheckInException(Map<String, String> fields) {
    super("Invalid check-in: " + fields.keySet());
    this.fields = Map.copyOf(fields);
  }

  public Map<String, String> fields() {
    return fields;
  }
}
