package nl.bluevitaal.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A stale update: 409 problem+json that gives the caller back their input and the current version. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VersionConflictProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(VersionConflictProblemHandler.class);

  @ExceptionHandler(VersionConflictException.class)
  ProblemDetail versionConflict(VersionConflictException ex) {
    log.debug("Stale update: {}", ex.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Changed by someone else");
    problem.setProperty("currentVersion", ex.currentVersion());
    problem.setProperty("submitted", ex.submitted());
    return problem;
  }
}
