package nl.bluevitaal.selfservice.checkin.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.selfservice.checkin.InstrumentNotUsableException;
import nl.bluevitaal.selfservice.checkin.InvalidCheckInException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The check-ins' exceptions for the API and the pages: a check-in that breaks a rule is 400 with a Dutch message per
 * field (the employee's app shows it as it is); an instrument that may not be used is 400 on its field.
 */
@Component
class CheckInErrors implements ErrorTranslation {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final MessageSource messages;

  CheckInErrors(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof InvalidCheckInException invalid) {
      Map<String, String> fields = new LinkedHashMap<>();
      invalid.fields().forEach((field, key) -> fields.put(field, messages.getMessage(key, null, key, DUTCH)));
      return Optional.of(Problem.invalidFields(fields));
    }
    if (error instanceof InstrumentNotUsableException) {
      return Optional.of(Problem.invalidFields(Map.of("instrument",
          messages.getMessage("checkin.error.instrument", null, DUTCH))));
    }
    return Optional.empty();
  }
}
