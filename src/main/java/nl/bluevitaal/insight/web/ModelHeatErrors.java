package nl.bluevitaal.insight.web;

import java.util.Optional;
import nl.bluevitaal.insight.UnknownInsightException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** A process or period of insight that does not exist is 404, like any unknown address. */
@Component
class ModelHeatErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof UnknownInsightException) {
      return Optional.of(Problem.of(HttpStatus.NOT_FOUND, "Not found", error.getMessage()));
    }
    return Optional.empty();
  }
}
