package nl.bluevitaal.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The policy's refusals on a page: recorded in the audit trail, then the 403 page, or for a case (or a thing in it)
 * the caller may not know, the same 404 page as an unknown address. Page controllers throw the refusal and never
 * translate it themselves. The API's refusals are {@link PrivacyProblemHandler}'s, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class RefusalPages {

  /** Always there in the application; absent only in a web-slice test that loads the advice without the module. */
  private final ObjectProvider<Refusals> refusals;

  RefusalPages(ObjectProvider<Refusals> refusals) {
    this.refusals = refusals;
  }

  @ExceptionHandler(CaseAccessDeniedException.class)
  void refused(CaseAccessDeniedException ex, HttpServletResponse response) throws IOException {
    refusals.ifAvailable(r -> r.record(ex));
    // The container renders templates/error/403.html or 404.html, with the layout and the signed-in person.
    response.sendError((ex.caseVisible() ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND).value());
  }
}
