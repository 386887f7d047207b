package nl.bluevitaal.selfservice.reminders.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.selfservice.reminders.NoEmailAddressException;
import nl.bluevitaal.selfservice.reminders.StaleReminderSettingsException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The reminders' exceptions where no form catches them (the API): a save based on an older version is a conflict
 * (409); e-mail without an address is 400 on its field, in Dutch like the page says it.
 */
@Component
class RemindersErrors implements ErrorTranslation {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final MessageSource messages;

  RemindersErrors(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof StaleReminderSettingsException stale) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Changed in the meantime", stale.getMessage()));
    }
    if (error instanceof NoEmailAddressException) {
      return Optional.of(Problem.invalidFields(Map.of("byEmail",
          messages.getMessage("reminders.error.no-address", null, DUTCH))));
    }
    return Optional.empty();
  }
}
