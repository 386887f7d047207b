package nl.bluevitaal.privacy.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.Domain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The only code that writes {@code audit_event}, and it only inserts. */
@Component
public class AuditWriter implements AuditRecorder {

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditWriter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordNow(String actorUserId, String actorRole, AuditAction action, Domain domain, UUID caseId,
      String what) {
    insert(actorUserId, actorRole, action, domain, caseId, what);
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordWithCaller(String actorUserId, String actorRole, AuditAction action, Domain domain, UUID caseId,
      String what) {
    insert(actorUserId, actorRole, action, domain, caseId, what);
  }

  private void insert(String actorUserId, String actorRole, AuditAction action, Domain domain, UUID caseId,
      String what) {
    jdbc.sql("""
            insert into audit_event (occurred_at, actor_user_id, actor_role, action, domain, case_id, what)
            values (:at, :user, :role, :action, :domain, :caseId, :what)""")
        .param("at", OffsetDateTime.now(clock))
        .param("user", truncate(actorUserId, 64))
        .param("role", truncate(actorRole, 200))
        .param("action", action.name())
        .param("domain", domain == null ? null : domain.name())
        .param("caseId", caseId)
        .param("what", truncate(what == null ? "" : what, 500))
        .update();
  }

  private static String truncate(String value, int max) {
    if (value == null) {
      return "";
    }
    return value.length() <= max ? value : value.substring(0, max);
  }
}
