package nl.bluevitaal.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.privacy.Actor;
import org.springframework.lang.Nullable;

/**
 * The employee's wish for contact ("Ik wil contact"): it becomes a step for the person they chose (the case's
 * counsellor or company doctor) with a due date, escalated like any deadline when missed, and closed by recording
 * the contact in the case file. The wish is the employee's own (domain E): only its addressee sees it, and only
 * because the employee shares it (their standing sharing choice, or their consent for this one wish).
 */
public interface ContactWishes {

  /** The longest explanation the employee may add. */
  int MAX_NOTE = 500;
  /** The longest note of the contact made, as its addressee records it. */
  int MAX_CONTACT_NOTE = 2000;

  /** Whom the employee wants to hear from. */
  enum With { COUNSELLOR, DOCTOR }

  /** What led to the wish: nothing in particular, a check-in, a document they have a question about. */
  enum Reason { ANYTIME, CHECK_IN, DOCUMENT }

  /** How the employee shared the wish with its addressee: their standing choice, or their consent for this wish. */
  enum Consent { STANDING, THIS_WISH }

  /**
   * The employee's wish as they send it.
   *
   * @param shareThisWish the employee's consent to share this wish with its addressee, asked when their standing
   *     sharing choice does not cover it
   * @param today whether the employee needs contact today (a red check-in), rather than by the next working day
   */
  record Ask(With with, Reason reason, @Nullable UUID documentId, @Nullable String note, boolean shareThisWish,
      boolean today) {
  }

  /**
   * Who would receive a wish of the employee: the person in the case, and whether the employee's standing sharing
   * choice covers the wish (otherwise the form asks consent for this wish).
   */
  record Addressee(With with, @Nullable String userId, @Nullable String name, boolean sharedStanding) {
  }

  /**
   * One wish. {@code contactedAt} and {@code closedBy} are set once the contact was made and recorded.
   *
   * @param stepId the open step of the addressee (null once closed)
   */
  record ContactWish(UUID id, UUID caseId, With with, @Nullable String addresseeUserId, @Nullable String addresseeName,
      Reason reason, @Nullable UUID documentId, @Nullable String note, Consent consent, Instant askedAt,
      LocalDate dueOn, @Nullable OffsetDateTime contactedAt, @Nullable String closedBy, @Nullable String stepId) {

    public boolean isOpen() {
      return contactedAt == null;
    }
  }

  /** Who would receive the employee's wish, per choice, as the form shows it. Only for the case's employee. */
  List<Addressee> addressees(Actor employee, UUID caseId);

  /** The employee's wishes of the case, newest first: the open ones and those closed. Only for the case's employee. */
  List<ContactWish> mine(Actor employee, UUID caseId);

  /**
   * Sends the wish: its step is open for the addressee when this returns, in one transaction with the wish and the
   * audit event of the consent.
   *
   * @throws ContactWishNotSharedException when neither the standing sharing choice nor consent for this wish shares it
   * @throws ContactWishAlreadyOpenException when a wish with the same person is still open
   * @throws nl.bluevitaal.privacy.CaseAccessDeniedException when the caller is not the case's employee
   */
  ContactWish ask(Actor employee, UUID caseId, Ask ask);

  /**
   * A wish as its addressee reads it (audited as a read of domain E), by its open or finished step. Anyone else is
   * refused like an unknown wish (404), and the refusal is recorded where it is answered.
   */
  ContactWish forStep(Actor addressee, UUID caseId, String stepId);

  /**
   * The addressee records the contact (a contact moment in the case file) and closes the wish and its step, in one
   * transaction. The only way to close it: the steps API refuses its step ({@link ContactNotRecordedException}). The
   * counsellor's moment is in the re-integration file; the company doctor's is confidential (the care professionals
   * and the employee see it, the employer side does not).
   *
   * @throws StepNoLongerOpenException when the wish was closed meanwhile
   */
  ContactWish close(Actor addressee, UUID caseId, String stepId, OffsetDateTime happenedAt, ContactMoment.Kind kind,
      @Nullable String summary);

  /** The open wishes addressed to this person, counted per case: the badge on their caseload and start page. */
  Map<UUID, Integer> openCounts(Actor addressee);

  /** An open wish of the case with this person, if there is one. */
  default Optional<ContactWish> openWith(Actor employee, UUID caseId, With with) {
    return mine(employee, caseId).stream().filter(w -> w.isOpen() && w.with() == with).findFirst();
  }
}
