package nl.bluevitaal.modeling.web;

import java.util.Optional;
import nl.bluevitaal.modeling.MigrationRunNotFoundException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The migration page's exceptions: an unknown run is 404. */
@Component
class MigrationErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof MigrationRunNotFoundException) {
      return Optional.of(Problem.of(HttpStatus.NOT_FOUND, "Not found", "No such migration run"));
    }
    return Optional.empty();
  }
}
