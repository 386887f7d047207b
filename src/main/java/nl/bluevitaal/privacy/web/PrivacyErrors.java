package nl.bluevitaal.privacy.web;

import java.util.Optional;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.InvalidSharingException;
import nl.bluevitaal.privacy.StaleSharingException;
import nl.bluevitaal.privacy.internal.Refusals;
import nl.bluevitaal.web.ErrorTranslation;
import nl.bluevitaal.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The policy's refusals and stale sharing settings, for the API and the pages alike. A refusal is recorded in the
 * audit trail here, where it is answered; a case the caller may not know gets exactly the "not found" of an id that
 * does not exist (same status, title and detail, no case id), so nothing tells the two apart.
 */
@Component
class PrivacyErrors implements ErrorTranslation {

  /** The detail of every "no such case" answer, whether the case exists or not. */
  static final String CASE_NOT_FOUND = "Case not found";

  private static final Logger log = LoggerFactory.getLogger(PrivacyErrors.class);

  private final Refusals refusals;

  PrivacyErrors(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public Optional<Problem> translate(Throwable error) {
    if (error instanceof CaseAccessDeniedException refusal) {
      log.debug("Refused: {}", refusal.what());
      refusals.record(refusal);
      return Optional.of(refusal.caseVisible()
          ? Problem.of(HttpStatus.FORBIDDEN, "Forbidden", "You may not see or change this part of the case.")
          : Problem.of(HttpStatus.NOT_FOUND, "Not found", CASE_NOT_FOUND));
    }
    if (error instanceof InvalidSharingException invalid) {
      return Optional.of(Problem.invalidFields(invalid.fieldErrors()));
    }
    if (error instanceof StaleSharingException stale) {
      return Optional.of(Problem.of(HttpStatus.CONFLICT, "Changed by someone else", stale.getMessage())
          .with("currentVersion", stale.current().version()).with("current", stale.current())
          .with("submitted", stale.submitted()));
    }
    return Optional.empty();
  }
}
