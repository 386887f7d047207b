package nl.bluevitaal.casefile.internal;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.RetentionRule;
import nl.bluevitaal.privacy.RetentionTargets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case file's expired data for the retention job. Reference dates: the end of employment (administrative data),
 * the closing of the case (the re-integration file: documents with their functional advice, contact moments, goals,
 * support network) and the last change of the medical file. The medical notes have no foreign key to the case, so
 * deleting a case row never takes them along.
 */
@Component
public class CaseFileRetention implements RetentionTargets {

  private final JdbcClient jdbc;

  public CaseFileRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<UUID> expiredCases(RetentionRule rule, OffsetDateTime cutoff, int limit) {
    return switch (rule) {
      case ADMINISTRATIVE -> jdbc.sql("""
              select c.id from reintegration_case c join employee e on e.id = c.employee_id
               where e.employment_ended_on < :cutoff
               order by e.employment_ended_on, c.id limit :n""")
          .param("cutoff", cutoff.toLocalDate()).param("n", limit).query(UUID.class).list();
      case REINTEGRATION_FILE -> jdbc.sql("""
              select c.id from reintegration_case c
               where c.closed_at < :cutoff
                 and (exists (select 1 from case_document d where d.case_id = c.id)
                   or exists (select 1 from contact_moment m where m.case_id = c.id)
                   or exists (select 1 from goal g where g.case_id = c.id)
                   or exists (select 1 from support_contact s where s.case_id = c.id))
               order by c.closed_at, c.id limit :n""")
          .param("cutoff", cutoff).param("n", limit).query(UUID.class).list();
      case MEDICAL_FILE -> jdbc.sql("""
              select case_id from medical_note group by case_id having max(last_changed_at) < :cutoff
               order by max(last_changed_at), case_id limit :n""")
          .param("cutoff", cutoff).param("n", limit).query(UUID.class).list();
    };
  }

  @Override
  public Map<Domain, Integer> delete(UUID caseId, RetentionRule rule) {
    Map<Domain, Integer> deleted = new EnumMap<>(Domain.class);
    switch (rule) {
      case MEDICAL_FILE -> deleted.put(Domain.MEDICAL, delete("delete from medical_note where case_id = :c", caseId));
      case REINTEGRATION_FILE -> {
        deleted.put(Domain.FUNCTIONAL, count("""
            select count(*) from case_document_version v join case_document d on d.id = v.document_id
             where d.case_id = :c and (v.functional_limitations is not null or v.remaining_abilities is not null
               or v.work_advice is not null or v.adjustments is not null or v.expected_duration is not null)""",
            caseId));
        int documents = delete("delete from case_document where case_id = :c", caseId);
        int moments = delete("delete from contact_moment where case_id = :c", caseId);
        int goals = delete("delete from goal where case_id = :c", caseId);
        deleted.put(Domain.REINTEGRATION, documents + moments + goals);
        deleted.put(Domain.SUPPORT_NETWORK, delete("delete from support_contact where case_id = :c", caseId));
      }
      case ADMINISTRATIVE -> {
        UUID employeeId = jdbc.sql("select employee_id from reintegration_case where id = :c").param("c", caseId)
            .query(UUID.class).optional().orElse(null);
        if (employeeId == null) {
          return deleted;
        }
        int rows = count("select count(*) from sick_period where case_id = :c", caseId)
            + count("select count(*) from case_deadline where case_id = :c", caseId)
            + count("select count(*) from work_capacity where case_id = :c", caseId)
            + count("select count(*) from case_leave where case_id = :c", caseId);
        // Whatever of the re-integration file is left goes with the case row (cascade); its own rule normally
        // deleted it already, as its period ends sooner.
        rows += delete("delete from reintegration_case where id = :c", caseId);
        boolean otherCases = jdbc.sql("select count(*) from reintegration_case where employee_id = :e")
            .param("e", employeeId).query(Integer.class).single() > 0;
        if (!otherCases) {
          rows += jdbc.sql("delete from employee where id = :e").param("e", employeeId).update();
        }
        deleted.put(Domain.ADMINISTRATIVE, rows);
      }
    }
    return deleted;
  }

  private int delete(String sql, UUID caseId) {
    return jdbc.sql(sql).param("c", caseId).update();
  }

  private int count(String sql, UUID caseId) {
    return jdbc.sql(sql).param("c", caseId).query(Integer.class).single();
  }
}
