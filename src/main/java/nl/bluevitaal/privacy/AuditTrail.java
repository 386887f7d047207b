package nl.bluevitaal.privacy;

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

  /** Every event of the case, oldest first. Callers check access first (the employee's own file only). */
  public List<AuditEvent> forCase(UUID caseId) {
    return jdbc.sql("""
            select id, occurred_at, actor_user_id, actor_role, action, domain, case_id, what from audit_event
            where case_id = :caseId order by occurred_at, id""")
        .param("caseId", caseId)
        .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", java.time.OffsetDateTime.class),
            rs.getString("actor_user_id"), rs.getString("actor_role"), AuditAction.valueOf(rs.getString("action")),
            rs.getString("domain") == null ? null : Domain.valueOf(rs.getString("domain")),
            rs.getObject("case_id", UUID.class), rs.getString("what")))
        .list();
  }
}
