package nl.bluevitaal.notices.internal;

import nl.bluevitaal.notices.DirectMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@link DirectMail} through the same mail server and sender as the notices. The mail waits for the commit like a
 * notice's: a rolled-back invitation must not have been mailed.
 */
@Component
class DirectMailer implements DirectMail {

  private static final Logger log = LoggerFactory.getLogger(DirectMailer.class);

  /** A mail waiting for its transaction to commit. */
  record Queued(String address, String subject, String text) {
  }

  private final ObjectProvider<JavaMailSender> sender;
  private final ApplicationEventPublisher events;
  private final NoticesProperties properties;

  DirectMailer(ObjectProvider<JavaMailSender> sender, ApplicationEventPublisher events,
      NoticesProperties properties) {
    this.sender = sender;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public boolean configured() {
    return sender.getIfAvailable() != null;
  }

  @Override
  public void send(String address, String subject, String text) {
    events.publishEvent(new Queued(address, subject, text));
  }

  @Override
  public String link(String path) {
    return properties.baseUrl().toString().replaceAll("/+$", "") + path;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void mail(Queued queued) {
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      return;
    }
    try {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(properties.from());
      message.setTo(queued.address());
      message.setSubject(queued.subject());
      message.setText(queued.text());
      mailSender.send(message);
    } catch (RuntimeException e) {
      // The address is the invitee's; the log says only that a mail failed.
      log.warn("A direct mail could not be sent: {}", e.toString());
    }
  }
}
