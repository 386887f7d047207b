package nl.bluevitaal.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-integration goals (domain C): agreed with the employee, recorded and updated by the counsellor of the case. */
@Service
@Transactional
public class Goals {

  private final JdbcClient jdbc;
  private final CaseFileAccess access;
  private final Clock clock;

  Goals(JdbcClient jdbc, CaseFileAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Goal> list(Actor actor, UUID caseId) {
    access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "goals");
    return jdbc.sql("select * from goal where case_id = :c order by created_at, id").param("c", caseId)
        .query(Goals::goal).list();
  }

  public Goal add(Actor actor, UUID caseId, String title, String description, int progress,
      LocalDate agreedWithEmployeeOn) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.WRITE, "new goal");
    access.requireKeeper(actor, parties, "new goal");
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
            insert into goal (id, case_id, title, description, progress, status, agreed_with_employee_on, created_by,
                created_at, updated_at, version)
            values (:id, :c, :t, :d, :p, 'OPEN', :agreed, :by, :now, :now, 0)""")
        .param("id", id).param("c", caseId).param("t", title).param("d", description).param("p", progress)
        .param("agreed", agreedWithEmployeeOn).param("by", actor.userId()).param("now", now).update();
    return find(caseId, id).orElseThrow();
  }

  public Goal update(Actor actor, UUID caseId, UUID goalId, int expectedVersion, String title, String description,
      int progress, Goal.Status status, LocalDate agreedWithEmployeeOn) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.WRITE, "goal " + goalId);
    access.requireKeeper(actor, parties, "goal " + goalId);
    find(caseId, goalId).orElseThrow(() -> access.notFound(actor, parties, "goal " + goalId));
    boolean updated = jdbc.sql("""
            update goal set title = :t, description = :d, progress = :p, status = :s,
                   agreed_with_employee_on = :agreed, updated_at = :now, version = version + 1
             where id = :id and case_id = :c and version = :v""")
        .param("t", title).param("d", description).param("p", progress).param("s", status.name())
        .param("agreed", agreedWithEmployeeOn).param("now", OffsetDateTime.now(clock)).param("id", goalId)
        .param("c", caseId).param("v", expectedVersion).update() == 1;
    if (!updated) {
      throw new StaleEditException("goal", goalId, expectedVersion,
          find(caseId, goalId).map(Goal::version).orElse(-1));
    }
    return find(caseId, goalId).orElseThrow();
  }

  private Optional<Goal> find(UUID caseId, UUID goalId) {
    return jdbc.sql("select * from goal where id = :id and case_id = :c").param("id", goalId).param("c", caseId)
        .query(Goals::goal).optional();
  }


  private static Goal goal(ResultSet rs, int n) throws SQLException {
    return new Goal(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("title"),
        rs.getString("description"), rs.getInt("progress"), Goal.Status.valueOf(rs.getString("status")),
        rs.getObject("agreed_with_employee_on", LocalDate.class), rs.getString("created_by"),
        rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
  }
}
