package nl.bluevitaal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The one place where a page's failure becomes its error page: a refusal the 403 page, or the same 404 page as an
 * unknown address when the caller may not know the thing exists; a conflict the 409 page. Modules' exceptions are read
 * through their {@link ErrorTranslation} (which records refusals in the audit trail), so page controllers never
 * translate an exception by hand. The container renders {@code templates/error/<status>.html} with the layout.
 * A form that can be corrected (a stale version, a wrong value) is the controller's own business: it shows the form
 * again with what was typed, before anything reaches this advice.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

  private final ObjectProvider<ErrorTranslation> translations;

  PageErrors(ObjectProvider<ErrorTranslation> translations) {
    this.translations = translations;
  }

  @ExceptionHandler(Exception.class)
  void page(Exception ex, HttpServletResponse response) throws IOException {
    response.sendError(status(ex).value());
  }

  private HttpStatus status(Exception ex) {
    if (ex instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (ex instanceof ConflictException || ex instanceof VersionConflictException) {
      return HttpStatus.CONFLICT;
    }
    if (ex instanceof ErrorResponse response) {
      return HttpStatus.valueOf(response.getStatusCode().value());
    }
    for (ErrorTranslation translation : translations) {
      Optional<Problem> problem = translation.translate(ex);
      if (problem.isPresent()) {
        return problem.get().status();
      }
    }
    log.error("Unexpected failure on a page", ex);
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
