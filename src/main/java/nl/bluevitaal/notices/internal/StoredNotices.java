package nl.bluevitaal.notices.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices kept in our own table, in the caller's transaction (the journey's job): a notice of a job that rolls back
 * was never sent. A notice stored now is published as {@link NoticeStored}, which the mailer hears only after the
 * commit. The case number is kept with the notice: it never changes, and lists and mails need no case lookup. So is
 * where it leads: given by its sender, else the case page for staff and Mijn traject for the case's own employee,
 * whom the staff pages refuse.
 */
@Service
@Transactional
class StoredNotices implements Notices {

  private final NoticeRepository repository;
  private final CaseRegistry cases;
  private final NoticeRecipients recipients;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StoredNotices(NoticeRepository repository, CaseRegistry cases, NoticeRecipients recipients,
      ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.cases = cases;
    this.recipients = recipients;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public boolean send(Notice given) {
    Notice notice = given.link() != null ? given : given.leadingTo(recipients.defaultLink(given));
    String caseNumber = cases.get(notice.caseId()).caseNumber();
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (repository.insertIfAbsent(id, notice, caseNumber, now)) {
      events.publishEvent(new NoticeStored(new Notice.Stored(id, notice, caseNumber, now)));
      return true;
    }
    return false;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Notice.Stored> unread(String userId) {
    return repository.unread(userId);
  }
}
