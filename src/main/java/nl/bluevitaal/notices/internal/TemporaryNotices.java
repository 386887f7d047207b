package nl.bluevitaal.notices.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import org.springframework.stereotype.Component;

/** TEMPORARY until the notices module lands (issue13-13c): keeps notices in memory. */
@Component
class TemporaryNotices implements Notices {
  private final List<Notice.Stored> sent = new ArrayList<>();
  private final Clock clock;

  TemporaryNotices(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void send(Notice notice) {
    if (sent.stream().noneMatch(s -> s.notice().equals(notice))) {
      sent.add(new Notice.Stored(UUID.randomUUID(), notice, "?", OffsetDateTime.now(clock)));
    }
  }

  @Override
  public synchronized List<Notice.Stored> unread(String userId) {
    return sent.stream().filter(s -> s.notice().recipientUserId().equals(userId))
        .sorted(Comparator.comparing(Notice.Stored::createdAt).reversed()).toList();
  }
}
