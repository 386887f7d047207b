package nl.bluevitaal.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where the JSON API's errors become RFC 9457 {@code application/problem+json}: this kit's own
 * exceptions, Spring MVC's (through {@link ResponseEntityExceptionHandler}), every module's exceptions through their
 * {@link ErrorTranslation}, and last whatever nobody expected, as a 500 with a logged reference. A problem about
 * particular fields carries an {@code errors} array of {@code {field, message}}.
 *
 * <p>Only {@code @RestController}s are advised: page controllers get their error pages from {@link PageErrors}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final String INVALID_REQUEST = "Invalid request";

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  private final ObjectProvider<ErrorTranslation> translations;

  ApiProblemHandler(ObjectProvider<ErrorTranslation> translations) {
    this.translations = translations;
  }

  @ExceptionHandler(FieldErrorsException.class)
  ProblemDetail fieldErrors(FieldErrorsException ex) {
    log.debug("Rejected request: {}", ex.fieldErrors());
    return problem(Problem.invalidFields(ex.fieldErrors()));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    return problem(Problem.of(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    log.debug("Conflict: {}", ex.getMessage());
    return problem(Problem.of(HttpStatus.CONFLICT, "Conflict", ex.getMessage()));
  }

  /** A stale update: the caller gets back their input and the current version, so nothing they typed is lost. */
  @ExceptionHandler(VersionConflictException.class)
  ProblemDetail versionConflict(VersionConflictException ex) {
    log.debug("Stale update: {}", ex.getMessage());
    return problem(Problem.of(HttpStatus.CONFLICT, "Changed by someone else", ex.getMessage())
        .with("currentVersion", ex.currentVersion()).with("submitted", ex.submitted()));
  }

  /** A module's own exception as its module translates it, or a fault of ours: a 500 with a logged reference. */
  @ExceptionHandler(Exception.class)
  ProblemDetail moduleOrUnexpected(Exception ex) {
    for (ErrorTranslation translation : translations) {
      var translated = translation.translate(ex);
      if (translated.isPresent()) {
        return problem(translated.get());
      }
    }
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected failure, reference {}", reference, ex);
    return problem(Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Something went wrong on our side. It has been logged under reference " + reference + ".")
        .with("reference", reference));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Problem.FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
        .map(error -> new Problem.FieldProblem(fieldOf(error), error.getDefaultMessage()))
        .toList();
    log.debug("Rejected request: {}", errors);
    return ResponseEntity.badRequest().body(invalidRequest(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    log.debug("Unreadable request body: {}", ex.getMessage());
    Throwable cause = ex.getCause();
    JsonParseException syntaxError = syntaxError(cause);
    if (syntaxError == null && cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = pathOf(mapping);
      ProblemDetail problem = invalidRequest(List.of(new Problem.FieldProblem(field, expectation(mapping))));
      problem.setDetail("The value of " + field + " cannot be read.");
      return ResponseEntity.badRequest().body(problem);
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
    return ResponseEntity.badRequest().body(problem);
  }

  /** A problem as the API answers it. */
  static ProblemDetail problem(Problem problem) {
    if (problem.status() == HttpStatus.BAD_REQUEST && !problem.errors().isEmpty()) {
      ProblemDetail detail = invalidRequest(problem.errors());
      if (problem.detail() != null) {
        detail.setDetail(problem.detail());
      }
      problem.properties().forEach(detail::setProperty);
      return detail;
    }
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
    detail.setTitle(problem.title());
    if (!problem.errors().isEmpty()) {
      detail.setProperty("errors", problem.errors());
    }
    problem.properties().forEach(detail::setProperty);
    return detail;
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

  private static ProblemDetail invalidRequest(List<Problem.FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
    problem.setTitle(INVALID_REQUEST);
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String summary(List<Problem.FieldProblem> errors) {
    if (errors.isEmpty()) {
      return "The request cannot be processed.";
    }
    List<String> fields = errors.stream().map(Problem.FieldProblem::field).filter(field -> !field.isEmpty())
        .distinct().toList();
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
