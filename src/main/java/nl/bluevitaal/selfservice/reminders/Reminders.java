package nl.bluevitaal.selfservice.reminders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.notices.MailConsents;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.selfservice.reminders.internal.ReminderRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders an employee opts into, and their consent to get notices by e-mail. Only the employee of the case
 * reads or changes them (the access policy's own-file rule; anyone else is refused and the refusal recorded where it
 * is answered); every change, and every consent given or withdrawn, is in the audit trail the employee reads. The
 * choice is kept per account: a new case after a relapse keeps the reminders the employee chose.
 */
@Service
@Transactional
public class Reminders {

  private final ReminderRepository repository;
  private final MailConsents consents;
  private final Accounts accounts;
  private final AccessPolicy policy;
  private final Clock clock;

  Reminders(ReminderRepository repository, MailConsents consents, Accounts accounts, AccessPolicy policy,
      Clock clock) {
    this.repository = repository;
    this.consents = consents;
    this.accounts = accounts;
    this.policy = policy;
    this.clock = clock;
  }

  /** The employee's reminders ({@link ReminderSettings#NONE} before their first choice). */
  @Transactional(readOnly = true)
  public ReminderSettings settings(Actor actor, UUID caseId) {
    policy.checkOwnFile(actor, caseId, Access.READ, "reminder settings");
    return read(actor.userId());
  }

  /**
   * Saves the employee's choice, based on the version they saw.
   *
   * @throws StaleReminderSettingsException when they were changed since (another device): nothing saved
   * @throws NoEmailAddressException when e-mail is asked for and the account has no address: nothing saved
   */
  public ReminderSettings save(Actor actor, UUID caseId, int basedOn, ReminderSettings.Choice choice) {
    CaseParties parties = policy.checkOwnFile(actor, caseId, Access.WRITE, "reminder settings");
    String userId = actor.userId();
    if (choice.byEmail() && accounts.emailOf(userId).isEmpty()) {
      throw new NoEmailAddressException();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean saved = basedOn == 0
        ? repository.insert(userId, choice.checkInDay(), choice.waitingSteps(), now)
        : repository.update(userId, basedOn, choice.checkInDay(), choice.waitingSteps(), now);
    if (!saved) {
      throw new StaleReminderSettingsException(basedOn);
    }
    boolean consented = consents.given(userId);
    if (choice.byEmail() && !consented) {
      consents.give(userId);
      policy.recordAction(actor, parties, Domain.SELF_REPORTS, "consent to notices by e-mail given");
    } else if (!choice.byEmail() && consented) {
      consents.withdraw(userId);
      policy.recordAction(actor, parties, Domain.SELF_REPORTS, "consent to notices by e-mail withdrawn");
    }
    policy.recordAction(actor, parties, Domain.SELF_REPORTS, "reminders: check-in "
        + (choice.checkInDay() == null ? "none" : choice.checkInDay().name()) + ", waiting steps "
        + (choice.waitingSteps() ? "on" : "off"));
    return read(userId);
  }

  private ReminderSettings read(String userId) {
    boolean byEmail = consents.given(userId);
    return repository.find(userId)
        .map(row -> new ReminderSettings(row.checkInDay(), row.waitingSteps(), byEmail, row.version()))
        .orElse(new ReminderSettings(null, false, byEmail, 0));
  }
}
