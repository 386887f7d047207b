package nl.bluevitaal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The addressed resource does not exist (or the caller may not know it does). 404; the message becomes the
 * problem detail, so write it for the user and keep health data out of it.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
