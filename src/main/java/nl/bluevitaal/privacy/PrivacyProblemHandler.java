package nl.bluevitaal.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The policy's refusals as problem+json, recorded in the audit trail as they are answered. A case the caller may not
 * know gets exactly the "not found" problem of an id that does not exist (same status, title and detail, no case
 * id): nothing tells the two apart.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PrivacyProblemHandler {

  /** The detail of every "no such case" answer, whether the case exists or not. */
  static final String CASE_NOT_FOUND = "Case not found";

  private static final Logger log = LoggerFactory.getLogger(PrivacyProblemHandler.class);

  /** Always there in the application; absent only in a web-slice test that loads the advice without the module. */
  private final ObjectProvider<Refusals> refusals;

  PrivacyProblemHandler(ObjectProvider<Refusals> refusals) {
    this.refusals = refusals;
  }

  @ExceptionHandler(CaseAccessDeniedException.class)
  ProblemDetail refused(CaseAccessDeniedException ex) {
    log.debug("Refused: {}", ex.what());
    refusals.ifAvailable(r -> r.record(ex));
    if (!ex.caseVisible()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, CASE_NOT_FOUND);
      problem.setTitle("Not found");
      return problem;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "You may not see or change this part of the case.");
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(StaleSharingException.class)
  ProblemDetail stale(StaleSharingException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Changed by someone else");
    problem.setProperty("currentVersion", ex.current().version());
    problem.setProperty("current", ex.current());
    problem.setProperty("submitted", ex.submitted());
    return problem;
  }
}
