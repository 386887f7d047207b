package nl.bluevitaal.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the errors of the JSON API into RFC 9457 {@code application/problem+json}, with an {@code errors} array
 * of {@code {field, message}} whenever the problem lies in particular fields.
 *
 * <p>Only {@code @RestController}s are advised: the API lives in those, while page controllers keep their HTML
 * error pages. The order puts this advice ahead of Spring Boot's generic ProblemDetailsExceptionHandler (order 0),
 * which still answers the MVC exceptions not handled here (405, 415, ...).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {

  private static final String INVALID_REQUEST = "Invalid request";

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  /** One rejected field; {@code field} is the path in the request body, e.g. {@code periods[1].sickFrom}. */
  public record FieldProblem(String field, String message) {}

  @ExceptionHandler(FieldErrorsException.class)
  ProblemDetail fieldErrors(FieldErrorsException ex) {
    log.debug("Rejected request: {}", ex.fieldErrors());
    return invalidRequest(ex.fieldErrors().entrySet().stream()
        .map(error -> new FieldProblem(error.getKey(), error.getValue()))
        .toList());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail beanValidation(MethodArgumentNotValidException ex) {
    List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
        .map(error -> new FieldProblem(fieldOf(error), error.getDefaultMessage()))
        .toList();
    log.debug("Rejected request: {}", errors);
    return invalidRequest(errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException ex) {
    log.debug("Unreadable request body: {}", ex.getMessage());
    Throwable cause = ex.getCause();
    JsonParseException syntaxError = syntaxError(cause);
    if (syntaxError == null && cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = pathOf(mapping);
      ProblemDetail problem = invalidRequest(List.of(new FieldProblem(field, expectation(mapping))));
      problem.setDetail("The value of " + field + " cannot be read.");
      return problem;
    }
    ProblemDetail problem = invalidRequest(List.of());
    if (syntaxError != null && syntaxError.getLocation() != null) {
      problem.setDetail("The request body is not valid JSON (line " + syntaxError.getLocation().getLineNr()
          + ", column " + syntaxError.getLocation().getColumnNr() + ").");
    } else if (cause == null) {
      problem.setDetail("The request body is missing.");
    } else {
      problem.setDetail("The request body cannot be read as JSON.");
    }
    return problem;
  }

  /** Broken JSON names no field, even when Jackson reports where in the body it gave up (truncated input). */
  private static JsonParseException syntaxError(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonParseException parse) {
        return parse;
      }
    }
    return null;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    log.debug("Conflict: {}", ex.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Conflict");
    return problem;
  }

  private static ProblemDetail invalidRequest(List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
    problem.setTitle(INVALID_REQUEST);
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String summary(List<FieldProblem> errors) {
    if (errors.isEmpty()) {
      return "The request cannot be processed.";
    }
    List<String> fields = errors.stream().map(FieldProblem::field).filter(field -> !field.isEmpty()).distinct()
        .toList();
    if (fields.isEmpty()) {
      return errors.get(0).message();
    }
    return fields.size() == 1
        ? "The field " + fields.get(0) + " is invalid."
        : "The fields " + String.join(", ", fields) + " are invalid.";
  }

  /** Errors about the whole object (a class-level constraint) belong to no field; the empty path says so. */
  private static String fieldOf(ObjectError error) {
    return error instanceof FieldError fieldError ? fieldError.getField() : "";
  }

  /** Jackson's path as the client wrote it: {@code periods[1].sickFrom}. */
  static String pathOf(JsonMappingException ex) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : ex.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What the field should have held, phrased for the user; Jackson's own message names Java types. */
  private static String expectation(JsonMappingException ex) {
    if (ex instanceof StrictJson.OutOfRangeDateException) {
      return PlausibleDates.MESSAGE;
    }
    Class<?> target = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (target == null) {
      return "has an invalid value";
    }
    if (Temporal.class.isAssignableFrom(target)) {
      return ex instanceof InvalidFormatException invalid && invalid.getValue() != null
          ? invalid.getValue() + " is not an existing date; write it as yyyy-mm-dd"
          : "must be an existing date written as yyyy-mm-dd";
    }
    if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(target) || target == double.class) {
      return "must be a number";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "must be true or false";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "must be a list";
    }
    if (target.isEnum()) {
      return "must be one of " + List.of(target.getEnumConstants());
    }
    if (target == String.class) {
      return "must be text";
    }
    if (Map.class.isAssignableFrom(target) || target.isRecord()) {
      return "must be an object";
    }
    return "has an invalid value";
  }
}
