package nl.bluevitaal.insight.web;

import java.util.Optional;
import nl.bluevitaal.insight.RebuildRunningException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** A rebuild asked while another runs: 409, try again later. */
@Component
class ReadModelErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof RebuildRunningException running) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Rebuild running", running.getMessage()));
    }
    return Optional.empty();
  }
}
