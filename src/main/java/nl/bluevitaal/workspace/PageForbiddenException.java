package nl.bluevitaal.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page or action the caller may see exists but may not open or take: the 403 page. */
@ResponseStatus(HttpStatus.FORBIDDEN)
class PageForbiddenException extends RuntimeException {

  PageForbiddenException() {
    super("Forbidden");
  }
}
