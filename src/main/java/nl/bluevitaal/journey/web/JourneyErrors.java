package nl.bluevitaal.journey.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.journey.InvalidOutcomeException;
import nl.bluevitaal.journey.NoSuchStepException;
import nl.bluevitaal.journey.StepDocumentMissingException;
import nl.bluevitaal.journey.StepNoLongerOpenException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The journey's exceptions as the API and the pages answer them: a step that is not the caller's does not exist for
 * them (404), one of theirs done meanwhile is a conflict (409), as is one whose document is not there yet in the
 * status it needs (409, the page says in Dutch what to do first), an outcome the step does not take is 400 with a
 * message per key ({@code outcome.<key>}, as the request body names it).
 */
@Component
class JourneyErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof NoSuchStepException) {
      return Optional.of(Problem.of(HttpStatus.NOT_FOUND, "Not found", "No open step of yours with this id in this case"));
    }
    if (error instanceof StepNoLongerOpenException gone) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Conflict", gone.getMessage()));
    }
    if (error instanceof StepDocumentMissingException missing) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Conflict", missing.getMessage()));
    }
    if (error instanceof InvalidOutcomeException invalid) {
      Map<String, String> fields = new LinkedHashMap<>();
      invalid.fieldErrors().forEach((key, message) -> fields.put("outcome." + key, message));
      return Optional.of(Problem.invalidFields(fields));
    }
    return Optional.empty();
  }
}
