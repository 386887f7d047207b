package nl.bluevitaal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request clashes with the current state, e.g. an edit based on a stale version. 409 instead of a silent
 * overwrite; the message becomes the problem detail, so tell the user what to do (reload, then retry).
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
