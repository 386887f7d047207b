package nl.bluevitaal.journey.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.journey.ContactNotRecordedException;
import nl.bluevitaal.journey.ContactWishAlreadyOpenException;
import nl.bluevitaal.journey.ContactWishNotSharedException;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The wishes for contact as the API answers their refusals: a second open wish with the same person is a conflict
 * (409); a wish nobody may see is not sent (422, the field {@code share} says what would send it); its step completed
 * like any other step is a conflict too (409, {@code recordContactAt} names where the contact is recorded instead).
 */
@Component
class ContactWishErrors implements ErrorTranslation {

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof ContactWishAlreadyOpenException open) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Conflict", open.getMessage()));
    }
    if (error instanceof ContactWishNotSharedException) {
      return Optional.of(new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "Not shared",
          "Nobody would see this request: share it for this request (share=true) or in the sharing settings",
          List.of(new Problem.FieldProblem("share", "Not shared with the person chosen")), Map.of()));
    }
    if (error instanceof ContactNotRecordedException notRecorded) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Contact not recorded", notRecorded.getMessage())
          .with("recordContactAt", ContactWishesApiController.contactPath(notRecorded.caseId(),
              notRecorded.taskId())));
    }
    return Optional.empty();
  }
}
