package nl.bluevitaal.modeling.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.modeling.DraftNotFoundException;
import nl.bluevitaal.modeling.DraftRefusedException;
import nl.bluevitaal.modeling.StaleDraftException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The workbench's exceptions as its pages (and any API) answer them: an unknown model, version or draft is 404; a
 * save on a revision someone saved over is 409 with the latest revision; a step the draft's state does not allow is 409, approving
 * one's own proposal 403, a file that is no model of the draft's key 400 on the field {@code xml}. The detail is the
 * workbench's own sentence in the request's language.
 */
@Component
class ModelingErrors implements ErrorTranslation {

  private final MessageSource messages;

  ModelingErrors(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof DraftNotFoundException) {
      return Optional.of(Problem.of(HttpStatus.NOT_FOUND, "Not found", error.getMessage()));
    }
    if (error instanceof StaleDraftException stale) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Conflict", text("modeling.draft.error.stale"))
          .with("currentRevision", stale.currentRevision()));
    }
    if (error instanceof DraftRefusedException refused) {
      String detail = text(refused.messageKey());
      return Optional.of(switch (refused.kind()) {
        case STATE -> Problem.of(HttpStatus.CONFLICT, "Conflict", detail);
        case FOUR_EYES -> Problem.of(HttpStatus.FORBIDDEN, "Forbidden", detail);
        case INVALID_FILE -> new Problem(HttpStatus.BAD_REQUEST, "Invalid request", detail,
            List.of(new Problem.FieldProblem("xml", detail)), Map.of());
      });
    }
    return Optional.empty();
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
