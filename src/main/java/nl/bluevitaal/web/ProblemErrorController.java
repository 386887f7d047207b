package nl.bluevitaal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page (what is answered when no controller did: an unknown address, a 401 from the login, a
 * failure before Spring MVC): the error templates for a browser, and for everyone else the same problem+json as the
 * API's own errors instead of Spring Boot's ad-hoc error JSON. Nothing about the failure's cause leaves the server.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

  ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties serverProperties,
      List<ErrorViewResolver> errorViewResolvers) {
    super(errorAttributes, serverProperties.getError(), errorViewResolvers);
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemResponses.problem(status, detail(status), null));
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> "Sign in first: this needs HTTP Basic (or the organisation's login).";
      case FORBIDDEN -> "You may not use this.";
      case NOT_FOUND -> "There is nothing at this address.";
      case METHOD_NOT_ALLOWED -> "This address does not take this method.";
      case INTERNAL_SERVER_ERROR -> "Something went wrong on our side. It has been logged; please try again later.";
      default -> status.getReasonPhrase() + ".";
    };
  }
}
