package nl.bluevitaal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A module's exception as a problem: the status everywhere, and for the API the RFC 9457 title and detail, one entry
 * per rejected field, and any further properties (the current version of a stale record).
 */
public record Problem(HttpStatus status, String title, String detail, List<FieldProblem> errors,
    Map<String, Object> properties) {

  /** One rejected field; {@code field} is the path in the request body, e.g. {@code periods[1].sickFrom}. */
  public record FieldProblem(String field, String message) {
  }

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    properties = properties == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(properties));
  }

  public static Problem of(HttpStatus status, String title, String detail) {
    return new Problem(status, title, detail, List.of(), Map.of());
  }

  public static Problem invalidFields(Map<String, String> fieldErrors) {
    return new Problem(HttpStatus.BAD_REQUEST, "Invalid request", null, fieldErrors.entrySet().stream()
        .map(e -> new FieldProblem(e.getKey(), e.getValue())).toList(), Map.of());
  }

  public Problem with(String property, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(properties);
    more.put(property, value);
    return new Problem(status, title, detail, errors, more);
  }
}
