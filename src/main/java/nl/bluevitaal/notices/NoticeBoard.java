package nl.bluevitaal.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.notices.internal.NoticeRepository;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CasePartiesLookup;
import nl.bluevitaal.privacy.Domain;
import org.springframework.beans.factory.annotation.Value;
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

  /** How many notices a page shows at most: the newest; the steps themselves wait in the task list. */
  static final int SHOWN = 10;

  private final int shownForDays;

  NoticeBoard(Notices notices, NoticeRepository repository, CasePartiesLookup parties, AccessPolicy policy,
      Clock clock, @Value("${bluevitaal.notices.shown-for-days:14}") int shownForDays) {
    this.shownForDays = shownForDays;
    this.notices = notices;
    this.repository = repository;
    this.parties = parties;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The caller's unread notices of the last days ({@code bluevitaal.notices.shown-for-days}, default 14) about cases
   * they may read, newest first, at most {@value #SHOWN}. Older ones have had their moment: a warning for a deadline
   * since met is moot, and an escalation still open is a step in the task list, where nothing gets lost.
   */
  @Transactional(readOnly = true)
  public List<Notice.Stored> unread(Actor actor) {
    OffsetDateTime since = OffsetDateTime.now(clock).minusDays(shownForDays);
    Map<UUID, Boolean> mayRead = new HashMap<>();
    return notices.unread(actor.userId()).stream()
        .filter(stored -> stored.createdAt().isAfter(since))
        .filter(stored -> mayRead.computeIfAbsent(stored.notice().caseId(), caseId -> parties.find(caseId)
            .map(p -> policy.permits(actor, p, Domain.ADMINISTRATIVE, Access.READ)).orElse(false)))
        .limit(SHOWN)
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
