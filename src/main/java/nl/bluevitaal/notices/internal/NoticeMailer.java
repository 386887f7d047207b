package nl.bluevitaal.notices.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.notices.MailConsents;
import nl.bluevitaal.notices.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails a notice to its recipient, only where {@code spring.mail.host} is set, and only once the transaction that
 * stored it has committed: the journey's job may roll back and be retried, and a mail cannot be called back.
 *
 * <p>A mail leaves our systems, so it says no more than it must: the title, the case number (never the employee's
 * name), the due date and a link to the case page, where the access policy decides what the reader sees. A mail that
 * fails is logged and the notice stays in the app: it never fails the journey.
 *
 * <p>A notice to the case's own employee is mailed only with their consent ({@link MailConsents}): their address is
 * their own, and a mail from a reintegration system is itself something they may not want at home. Its text speaks
 * to them and leads to their own pages.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class NoticeMailer {

  /** Mails go out in Dutch: they are composed in a job, not for a request with a language. */
  static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

  private final JavaMailSender sender;
  private final Accounts accounts;
  private final MessageSource messages;
  private final NoticesProperties properties;
  private final NoticeRecipients recipients;
  private final MailConsents consents;

  NoticeMailer(JavaMailSender sender, Accounts accounts, MessageSource messages, NoticesProperties properties,
      NoticeRecipients recipients, MailConsents consents) {
    this.sender = sender;
    this.accounts = accounts;
    this.messages = messages;
    this.properties = properties;
    this.recipients = recipients;
    this.consents = consents;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void mail(NoticeStored stored) {
    Notice notice = stored.notice().notice();
    try {
      boolean toTheEmployee = recipients.isTheEmployee(notice);
      if (toTheEmployee && !consents.given(notice.recipientUserId())) {
        log.debug("Notice {} not mailed: the employee has not asked for e-mail", stored.notice().id());
        return;
      }
      accounts.emailOf(notice.recipientUserId()).ifPresentOrElse(
          address -> sender.send(message(address, stored.notice(), toTheEmployee)),
          () -> log.debug("Notice {} not mailed: {} has no e-mail address", stored.notice().id(),
              notice.recipientUserId()));
    } catch (RuntimeException e) {
      log.warn("Notice {} to {} could not be mailed; it is in the app: {}", stored.notice().id(),
          notice.recipientUserId(), e.toString());
    }
  }

  private SimpleMailMessage message(String address, Notice.Stored stored, boolean toTheEmployee) {
    Notice notice = stored.notice();
    // Every stored notice has its link (StoredNotices gives one where the sender named none).
    String link = properties.baseUrl().toString().replaceAll("/+$", "") + notice.link();
    String due = notice.dueOn() == null ? ""
        : messages.getMessage("notices.mail.due", new Object[] {DATE.format(notice.dueOn())}, DUTCH) + "\n";
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(address);
    message.setSubject(messages.getMessage("notices.mail.subject",
        new Object[] {notice.title(), stored.caseNumber()}, DUTCH));
    message.setText(messages.getMessage(toTheEmployee ? "notices.mail.text.own" : "notices.mail.text",
        new Object[] {notice.title(), stored.caseNumber(), due, link}, DUTCH));
    return message;
  }
}
