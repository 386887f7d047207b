package nl.bluevitaal.web;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What no other advice of the API answered (they all come first, Spring Boot's handler of Spring MVC's own exceptions
 * too): a fault of ours, never of the caller. Logged with a reference the caller gets as well, so a report can be
 * found; the cause itself does not leave the server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(UnexpectedProblemHandler.class);

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception ex) {
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected failure, reference {}", reference, ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. It has been logged under reference " + reference + ".");
    problem.setTitle("Internal error");
    problem.setProperty("reference", reference);
    return problem;
  }
}
