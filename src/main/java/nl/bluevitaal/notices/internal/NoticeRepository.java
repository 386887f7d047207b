package nl.bluevitaal.notices.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.notices.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the notices' own table. */
@Repository
public class NoticeRepository {

  /** Whom a notice is for, and about which case. */
  public record Recipient(String userId, UUID caseId) { }

  private static final String STORED_SELECT = """
      select id, recipient_user_id, case_id, kind, title, due_on, link, case_number, created_at
        from notice
      """;

  private final JdbcClient jdbc;

  NoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the notice unless the same one is there; true when it was stored now. The unique key is the last guard
   * against two senders at the same moment (the loser's transaction fails and its job is retried).
   */
  boolean insertIfAbsent(UUID id, Notice notice, String caseNumber, OffsetDateTime createdAt) {
    String key = key(notice);
    return jdbc.sql("""
            insert into notice (id, notice_key, recipient_user_id, case_id, case_number, kind, title, due_on, link,
                                created_at)
            select :id, :key, :recipient, :caseId, :caseNumber, :kind, :title, :dueOn, :link, :createdAt
              from (values (1)) as one(x)
             where not exists (select 1 from notice where notice_key = :key)
            """)
        .param("id", id).param("key", key).param("recipient", notice.recipientUserId())
        .param("caseId", notice.caseId()).param("caseNumber", caseNumber).param("kind", notice.kind().name())
        .param("title", notice.title()).param("dueOn", notice.dueOn()).param("link", notice.link())
        .param("createdAt", createdAt)
        .update() == 1;
  }

  List<Notice.Stored> unread(String userId) {
    return jdbc.sql(STORED_SELECT + " where recipient_user_id = :userId and read_at is null"
            + " order by created_at desc, id")
        .param("userId", userId).query(NoticeRepository::stored).list();
  }

  public Optional<Recipient> recipient(UUID noticeId) {
    return jdbc.sql("select recipient_user_id, case_id from notice where id = :id").param("id", noticeId)
        .query((rs, n) -> new Recipient(rs.getString(1), rs.getObject(2, UUID.class))).optional();
  }

  /** Marks it read unless it already is (the first moment stays). */
  public void markRead(UUID noticeId, OffsetDateTime at) {
    jdbc.sql("update notice set read_at = :at where id = :id and read_at is null")
        .param("at", at).param("id", noticeId).update();
  }

  private static Notice.Stored stored(ResultSet rs, int row) throws SQLException {
    UUID caseId = rs.getObject("case_id", UUID.class);
    // Notices stored before they had a link led to the case page.
    String link = rs.getString("link");
    Notice notice = new Notice(rs.getString("recipient_user_id"), caseId, Notice.Kind.valueOf(rs.getString("kind")),
        rs.getString("title"), rs.getObject("due_on", LocalDate.class), link != null ? link : NoticeRecipients.casePage(caseId));
    return new Notice.Stored(rs.getObject("id", UUID.class), notice, rs.getString("case_number"),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  /** What makes a notice the same one, hashed: the title may be long and the due date absent. */
  private static String key(Notice notice) {
    String identity = String.join("\u001f", notice.recipientUserId(), notice.caseId().toString(),
        notice.kind().name(), notice.title(), String.valueOf(notice.dueOn()));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
