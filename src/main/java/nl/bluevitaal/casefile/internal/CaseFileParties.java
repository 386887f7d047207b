package nl.bluevitaal.casefile.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CasePartiesLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people of a case for the access policy. The line manager is the employee's own (their team); a buddy counts
 * only while the employee's consent for that buddy stands.
 */
@Component
public class CaseFileParties implements CasePartiesLookup {

  private final JdbcClient jdbc;

  public CaseFileParties(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<CaseParties> find(UUID caseId) {
    return jdbc.sql("""
            select e.user_id, e.line_manager_user_id, c.counsellor_user_id, c.company_doctor_user_id
              from reintegration_case c join employee e on e.id = c.employee_id
             where c.id = :c""")
        .param("c", caseId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
        .optional()
        .map(p -> new CaseParties(caseId, p[0], p[1], p[2], p[3], buddies(caseId)));
  }

  /**
   * The employee's name as the case file knows it: the name their documents and signatures carry, also while they
   * have no account of their own (an account's display name is not the only source of a name).
   */
  public Optional<String> employeeName(UUID caseId) {
    return jdbc.sql("select e.display_name from reintegration_case c join employee e on e.id = c.employee_id"
        + " where c.id = :c").param("c", caseId).query(String.class).optional();
  }

  /** The parties of several cases in two queries (a list page), keyed by case; unknown ids are left out. */
  public Map<UUID, CaseParties> findAll(Collection<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Set<String>> buddies = new HashMap<>();
    jdbc.sql("""
            select case_id, buddy_user_id from support_contact
             where case_id in (:ids) and kind = 'BUDDY' and buddy_user_id is not null and consent_revoked_at is null""")
        .param("ids", caseIds)
        .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
        .forEach(e -> buddies.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    Map<UUID, CaseParties> parties = new LinkedHashMap<>();
    jdbc.sql("""
            select c.id, e.user_id, e.line_manager_user_id, c.counsellor_user_id, c.company_doctor_user_id
              from reintegration_case c join employee e on e.id = c.employee_id
             where c.id in (:ids)""")
        .param("ids", caseIds)
        .query((rs, n) -> {
          UUID id = rs.getObject(1, UUID.class);
          return new CaseParties(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              buddies.getOrDefault(id, Set.of()));
        }).list()
        .forEach(p -> parties.put(p.caseId(), p));
    return parties;
  }

  private Set<String> buddies(UUID caseId) {
    return new HashSet<>(jdbc.sql("""
            select buddy_user_id from support_contact
             where case_id = :c and kind = 'BUDDY' and buddy_user_id is not null and consent_revoked_at is null""")
        .param("c", caseId).query(String.class).list());
  }
}
