package nl.bluevitaal.privacy.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.ConsentLookup;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of the sharing settings; also answers the policy's question "is this shared now?". */
@Repository
public class SharingRepository implements ConsentLookup {

  private final JdbcClient jdbc;

  public SharingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean isShared(UUID caseId, Domain domain, Audience audience) {
    return jdbc.sql("""
            select count(*) from sharing_setting
            where case_id = :caseId and domain = :domain and audience = :audience and granted = true""")
        .param("caseId", caseId).param("domain", domain.name()).param("audience", audience.name())
        .query(Integer.class).single() > 0;
  }

  public int version(UUID caseId) {
    return jdbc.sql("select version from sharing_consent where case_id = :caseId").param("caseId", caseId)
        .query(Integer.class).optional().orElse(0);
  }

  public List<SharingSetting> current(UUID caseId) {
    return jdbc.sql("""
            select domain, audience, granted, changed_at, changed_by from sharing_setting where case_id = :caseId""")
        .param("caseId", caseId).query((rs, n) -> setting(rs)).list();
  }

  public List<SharingSetting> history(UUID caseId) {
    return jdbc.sql("""
            select domain, audience, granted, changed_at, changed_by from sharing_setting_event
            where case_id = :caseId order by changed_at, id""")
        .param("caseId", caseId).query((rs, n) -> setting(rs)).list();
  }

  /** Moves the version from {@code expected} to {@code expected + 1}; false when someone else moved it first. */
  public boolean bumpVersion(UUID caseId, int expected, String userId, OffsetDateTime now) {
    if (expected == 0) {
      // No exception on a race: a failed insert would abort the whole transaction on PostgreSQL.
      return jdbc.sql("""
              insert into sharing_consent (case_id, version, changed_at, changed_by)
              select :caseId, 1, :now, :userId
              where not exists (select 1 from sharing_consent where case_id = :caseId)""")
          .param("caseId", caseId).param("now", now).param("userId", userId).update() == 1;
    }
    return jdbc.sql("""
            update sharing_consent set version = version + 1, changed_at = :now, changed_by = :userId
            where case_id = :caseId and version = :expected""")
        .param("caseId", caseId).param("expected", expected).param("now", now).param("userId", userId)
        .update() == 1;
  }

  public void set(UUID caseId, SharingChange change, String userId, OffsetDateTime now) {
    int updated = jdbc.sql("""
            update sharing_setting set granted = :granted, changed_at = :now, changed_by = :userId
            where case_id = :caseId and domain = :domain and audience = :audience""")
        .param("granted", change.granted()).param("now", now).param("userId", userId).param("caseId", caseId)
        .param("domain", change.domain().name()).param("audience", change.audience().name()).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into sharing_setting (case_id, domain, audience, granted, changed_at, changed_by)
              values (:caseId, :domain, :audience, :granted, :now, :userId)""")
          .param("granted", change.granted()).param("now", now).param("userId", userId).param("caseId", caseId)
          .param("domain", change.domain().name()).param("audience", change.audience().name()).update();
    }
    jdbc.sql("""
            insert into sharing_setting_event (case_id, domain, audience, granted, changed_at, changed_by)
            values (:caseId, :domain, :audience, :granted, :now, :userId)""")
        .param("granted", change.granted()).param("now", now).param("userId", userId).param("caseId", caseId)
        .param("domain", change.domain().name()).param("audience", change.audience().name()).update();
  }

  /** Retention: the consent goes with the data it was about; returns the rows deleted. */
  public int deleteCase(UUID caseId) {
    int rows = jdbc.sql("delete from sharing_setting where case_id = :caseId").param("caseId", caseId).update();
    rows += jdbc.sql("delete from sharing_setting_event where case_id = :caseId").param("caseId", caseId).update();
    rows += jdbc.sql("delete from sharing_consent where case_id = :caseId").param("caseId", caseId).update();
    return rows;
  }

  private static SharingSetting setting(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SharingSetting(Domain.valueOf(rs.getString("domain")), Audience.valueOf(rs.getString("audience")),
        rs.getBoolean("granted"), rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"));
  }
}
