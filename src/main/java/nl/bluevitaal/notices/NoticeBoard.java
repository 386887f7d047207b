package nl.bluevitaal.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.notices.internal.NoticeRepository;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CasePartiesLookup;
import nl.bluevitaal.privacy.Domain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person's own notices: what they see and marking one read. A notice is part of its case's administrative
 * data (domain A), so it shows only while its recipient may still read that of the case (a counsellor who handed the
 * case over no longer sees its notices); anyone else's notice does not exist for them.
 */
@Service
@Transactional
public class NoticeBoard {

  private final Notices notices;
  private final NoticeRepository repository;
  private final CasePartiesLookup parties;
  private final AccessPolicy policy;
  private final Clock clock;

  NoticeBoard(Notices notices, NoticeRepository repository, CasePartiesLookup parties, AccessPolicy policy,
      Clock clock) {
    this.notices = notices;
    this.repository = repository;
    this.parties = parties;
    this.policy = policy;
    this.clock = clock;
  }

  /** The caller's unread notices about cases they may read, newest first. */
  @Transactional(readOnly = true)
  public List<Notice.Stored> unread(Actor actor) {
    return notices.unread(actor.userId()).stream()
        .filter(stored -> parties.find(stored.notice().caseId())
            .map(p -> policy.permits(actor, p, Domain.ADMINISTRATIVE, Access.READ)).orElse(false))
        .toList();
  }

  /**
   * Marks one of the caller's notices read (again: nothing changes). Someone else's notice is refused exactly like
   * an unknown one, and the refusal is recorded where it is answered.
   */
  public void markRead(Actor actor, UUID noticeId) {
    NoticeRepository.Recipient notice = repository.recipient(noticeId)
        .orElseThrow(() -> new NoticeNotFoundException(noticeId));
    if (!notice.userId().equals(actor.userId())) {
      Optional<CaseParties> caseParties = parties.find(notice.caseId());
      if (caseParties.isEmpty()) {
        throw new NoticeNotFoundException(noticeId);
      }
      throw policy.hidden(actor, caseParties.get(), "notice " + noticeId);
    }
    repository.markRead(noticeId, OffsetDateTime.now(clock));
  }
}
