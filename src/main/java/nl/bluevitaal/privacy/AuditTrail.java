package nl.bluevitaal.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail. There is deliberately no method to change or remove an event: the trail is append-only
 * (on PostgreSQL also enforced by a trigger, see {@code V11__audit_append_only}).
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

  private final JdbcClient jdbc;

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String EVENT = """
      select id, occurred_at, actor_user_id, actor_role, action, domain, case_id, what from audit_event""";

  /** How much one person did in a case: how many events, and when the latest was. */
  public record PersonCount(String userId, int count, OffsetDateTime last) {
  }

  /** Every event of the case, oldest first. Callers check access first (the employee's own file only). */
  public List<AuditEvent> forCase(UUID caseId) {
    return jdbc.sql(EVENT + " where case_id = :caseId order by occurred_at, id")
        .param("caseId", caseId).query(AuditTrail::event).list();
  }

  /**
   * Per person other than {@code ownUserId}, how many events of the case they caused and when the latest was, the
   * most recent first: counted by the database, since the employee's own reads alone add events at every visit and a
   * long case holds thousands. Callers check access first.
   */
  public List<PersonCount> othersOfCase(UUID caseId, String ownUserId) {
    return jdbc.sql("""
            select actor_user_id, count(*) as events, max(occurred_at) as last from audit_event
             where case_id = :caseId and actor_user_id <> :own
             group by actor_user_id order by last desc, actor_user_id""")
        .param("caseId", caseId).param("own", ownUserId)
        .query((rs, n) -> new PersonCount(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class)))
        .list();
  }

  /** How many events of the case this person caused. Callers check access first. */
  public int countBy(UUID caseId, String userId) {
    return jdbc.sql("select count(*) from audit_event where case_id = :caseId and actor_user_id = :user")
        .param("caseId", caseId).param("user", userId).query(Integer.class).single();
  }

  /**
   * The latest event of each kind (action and domain) this person caused in the case, newest first, at most
   * {@code limit}. Callers check access first.
   */
  public List<AuditEvent> latestKindsBy(UUID caseId, String userId, int limit) {
    return jdbc.sql(EVENT + " " + """
             where id in (select max(id) from audit_event where case_id = :caseId and actor_user_id = :user
                          group by action, domain)
             order by occurred_at desc, id desc fetch first :limit rows only""")
        .param("caseId", caseId).param("user", userId).param("limit", limit).query(AuditTrail::event).list();
  }

  private static AuditEvent event(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("actor_user_id"), rs.getString("actor_role"), AuditAction.valueOf(rs.getString("action")),
        rs.getString("domain") == null ? null : Domain.valueOf(rs.getString("domain")),
        rs.getObject("case_id", UUID.class), rs.getString("what"));
  }
}
