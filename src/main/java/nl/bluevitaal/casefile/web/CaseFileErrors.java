package nl.bluevitaal.casefile.web;

import java.util.Optional;
import nl.bluevitaal.casefile.CaseNotFoundException;
import nl.bluevitaal.casefile.InvalidInputException;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The case file's exceptions as the API and the pages answer them: a stale edit and a change the record's state does
 * not allow are conflicts (409), input a rule refuses is 400 with a message per field, an unknown case 404.
 */
@Component
class CaseFileErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof StaleEditException stale) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Changed by someone else", stale.getMessage())
          .with("currentVersion", stale.currentVersion()));
    }
    if (error instanceof InvalidStateException state) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Conflict", state.getMessage()));
    }
    if (error instanceof InvalidInputException input) {
      return Optional.of(Problem.invalidFields(input.fieldErrors()));
    }
    if (error instanceof CaseNotFoundException) {
      return Optional.of(Problem.of(HttpStatus.NOT_FOUND, "Not found", "Case not found"));
    }
    return Optional.empty();
  }
}
