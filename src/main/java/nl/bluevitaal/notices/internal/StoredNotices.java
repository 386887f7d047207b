package nl.bluevitaal.notices.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.privacy.CasePartiesLookup;
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
  /** Where the employee's own notices lead when their sender names no page (the employee's start of everything). */
  static final String OWN_PAGES = "/mijn-traject";

  private final CaseRegistry cases;
  private final CasePartiesLookup parties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StoredNotices(NoticeRepository repository, CaseRegistry cases, CasePartiesLookup parties,
      ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.cases = cases;
    this.parties = parties;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public boolean send(Notice given) {
    Notice notice = given.link() != null ? given : given.leadingTo(defaultLink(given));
    String caseNumber = cases.get(notice.caseId()).caseNumber();
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (repository.insertIfAbsent(id, notice, caseNumber, now)) {
      events.publishEvent(new NoticeStored(new Notice.Stored(id, notice, caseNumber, now)));
      return true;
    }
    return false;
  }

  private String defaultLink(Notice notice) {
    boolean toTheEmployee = parties.find(notice.caseId())
        .map(p -> notice.recipientUserId().equals(p.employeeUserId())).orElse(false);
    return toTheEmployee ? OWN_PAGES : "/dossiers/" + notice.caseId();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Notice.Stored> unread(String userId) {
    return repository.unread(userId);
  }
}
