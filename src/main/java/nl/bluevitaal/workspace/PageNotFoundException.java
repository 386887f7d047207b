package nl.bluevitaal.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page about something that does not exist or that the caller may not know exists. The container renders the
 * same 404 page for both, so nothing tells them apart.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PageNotFoundException extends RuntimeException {

  PageNotFoundException() {
    super("Not found");
  }
}
