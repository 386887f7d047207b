package nl.bluevitaal.notices.web;

import java.util.Optional;
import nl.bluevitaal.notices.NoticeNotFoundException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The notices' exceptions for the API and the pages: an unknown notice is 404, with the very answer the access
 * policy gives for someone else's notice, so nothing tells the two apart.
 */
@Component
class NoticesErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof NoticeNotFoundException) {
      return Optional.of(Problem.of(HttpStatus.NOT_FOUND, "Not found", "Case not found"));
    }
    return Optional.empty();
  }
}
