package nl.bluevitaal.journey.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.journey.DecisionInputsInvalidException;
import nl.bluevitaal.journey.NoSuchDecisionException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The decision bench's exceptions: a decision that is not deployed is not found (404), inputs not of their type are
 * 400 with a message per input ({@code inputs[<name>]}).
 */
@Component
class DecisionBenchErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof NoSuchDecisionException) {
      return Optional.of(Problem.of(HttpStatus.NOT_FOUND, "Not found", "No deployed decision with this key"));
    }
    if (error instanceof DecisionInputsInvalidException invalid) {
      Map<String, String> fields = new LinkedHashMap<>();
      invalid.fieldErrors().forEach((input, message) -> fields.put("inputs[" + input + "]", message));
      return Optional.of(Problem.invalidFields(fields));
    }
    return Optional.empty();
  }
}
