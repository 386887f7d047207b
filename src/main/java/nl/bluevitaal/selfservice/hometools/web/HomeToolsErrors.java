package nl.bluevitaal.selfservice.hometools.web;

import java.util.Optional;
import nl.bluevitaal.selfservice.hometools.StaleHomeToolException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The home tools' exception as the pages answer it where no form catches it: a stale save is a conflict (409). */
@Component
class HomeToolsErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof StaleHomeToolException stale) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Changed in the meantime", stale.getMessage()));
    }
    return Optional.empty();
  }
}
