package nl.bluevitaal.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-integration goals (domain C): agreed with the employee, recorded and updated by the counsellor of the case. The
 * employee takes part from their side: they propose a goal, update its progress and comment, and the counsellor
 * comments back. The matrix gives the employee only R on C; these writes are the employee's part in their own goals,
 * as co-signing is for documents, so they are allowed to the case's employee alone and recorded in the audit trail.
 * Comments are part of the goal (domain C), read by those who read the goals except the line manager (see
 * {@link #comments}).
 */
@Service
@Transactional
public class Goals {

  private final JdbcClient jdbc;
  private final CaseFileAccess access;
  private final Accounts accounts;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Goals(JdbcClient jdbc, CaseFileAccess access, Accounts accounts, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.access = access;
    this.accounts = accounts;
    this.clock = clock;
    this.events = events;
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
    events.publishEvent(new CaseFileEvents.GoalAgreed(caseId, id));
    return find(caseId, id).orElseThrow();
  }

  public Goal update(Actor actor, UUID caseId, UUID goalId, int expectedVersion, String title, String description,
      int progress, Goal.Status status, LocalDate agreedWithEmployeeOn) {
    // Only to keep the date aimed for; the update itself checks (and records) the write.
    CaseParties parties = access.parties(actor, caseId, "goal " + goalId);
    Goal goal = find(caseId, goalId).orElseThrow(() -> access.notFound(actor, parties, "goal " + goalId));
    return update(actor, caseId, goalId, expectedVersion, title, description, progress, status, agreedWithEmployeeOn,
        goal.targetDate());
  }

  /** The counsellor's update, with the date aimed for (which the employee may have proposed). */
  public Goal update(Actor actor, UUID caseId, UUID goalId, int expectedVersion, String title, String description,
      int progress, Goal.Status status, LocalDate agreedWithEmployeeOn, LocalDate targetDate) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.WRITE, "goal " + goalId);
    access.requireKeeper(actor, parties, "goal " + goalId);
    find(caseId, goalId).orElseThrow(() -> access.notFound(actor, parties, "goal " + goalId));
    boolean updated = jdbc.sql("""
            update goal set title = :t, description = :d, progress = :p, status = :s,
                   agreed_with_employee_on = :agreed, target_date = :target, updated_at = :now,
                   version = version + 1
             where id = :id and case_id = :c and version = :v""")
        .param("t", title).param("d", description).param("p", progress).param("s", status.name())
        .param("agreed", agreedWithEmployeeOn).param("target", targetDate).param("now", OffsetDateTime.now(clock))
        .param("id", goalId).param("c", caseId).param("v", expectedVersion).update() == 1;
    if (!updated) {
      throw new StaleEditException("goal", goalId, expectedVersion,
          find(caseId, goalId).map(Goal::version).orElse(-1));
    }
    // The counsellor's update of a goal that is no longer a proposal: it is agreed (achieved and dropped ones too).
    if (status != Goal.Status.PROPOSED) {
      events.publishEvent(new CaseFileEvents.GoalAgreed(caseId, goalId));
    }
    return find(caseId, goalId).orElseThrow();
  }

  /** The employee proposes a goal of their own; it waits for the counsellor to agree it. */
  public Goal propose(Actor actor, UUID caseId, String title, String success, LocalDate targetDate) {
    CaseParties parties = requireEmployee(actor, caseId, "goal proposal");
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
            insert into goal (id, case_id, title, success, target_date, progress, status, created_by, created_at,
                updated_at, version)
            values (:id, :c, :t, :s, :target, 0, 'PROPOSED', :by, :now, :now, 0)""")
        .param("id", id).param("c", caseId).param("t", title).param("s", success).param("target", targetDate)
        .param("by", actor.userId()).param("now", now).update();
    access.policy().recordAction(actor, parties, Domain.REINTEGRATION, "goal proposal " + id);
    return find(caseId, id).orElseThrow();
  }

  /**
   * The employee updates the progress of one of their goals while it is worked on; a goal reached or dropped stays
   * as the counsellor closed it ({@link InvalidStateException}).
   */
  public Goal updateProgress(Actor actor, UUID caseId, UUID goalId, int expectedVersion, int progress) {
    CaseParties parties = requireEmployee(actor, caseId, "goal progress " + goalId);
    Goal goal = find(caseId, goalId).orElseThrow(() -> access.notFound(actor, parties, "goal " + goalId));
    if (!goal.active()) {
      throw new InvalidStateException("goal " + goalId + " is " + goal.status());
    }
    boolean updated = jdbc.sql("""
            update goal set progress = :p, updated_at = :now, version = version + 1
             where id = :id and case_id = :c and version = :v""")
        .param("p", progress).param("now", OffsetDateTime.now(clock)).param("id", goalId).param("c", caseId)
        .param("v", expectedVersion).update() == 1;
    if (!updated) {
      throw new StaleEditException("goal", goalId, expectedVersion, goal.version());
    }
    access.policy().recordAction(actor, parties, Domain.REINTEGRATION, "goal progress " + goalId);
    return find(caseId, goalId).orElseThrow();
  }

  /** A comment on a goal: by the case's employee, or by the counsellor who keeps the file. */
  public GoalComment comment(Actor actor, UUID caseId, UUID goalId, String text) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "goal comment " + goalId);
    boolean employee = access.policy().isOwnFile(actor, parties);
    if (!employee) {
      access.requireKeeper(actor, parties, "goal comment " + goalId);
    }
    find(caseId, goalId).orElseThrow(() -> access.notFound(actor, parties, "goal " + goalId));
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into goal_comment (id, goal_id, author, body, created_at) values (:id, :g, :a, :b, :now)")
        .param("id", id).param("g", goalId).param("a", actor.userId()).param("b", text)
        .param("now", OffsetDateTime.now(clock)).update();
    access.policy().recordAction(actor, parties, Domain.REINTEGRATION, "goal comment " + goalId);
    return comments(actor, caseId).getOrDefault(goalId, List.of()).stream().filter(c -> c.id().equals(id))
        .findFirst().orElseThrow();
  }

  /**
   * The comments on the case's goals, oldest first, by goal. Part of the goal (domain C), but free text like a
   * conversation note, where health observations slip in easily: the line manager reads the goals, not the comments
   * (as with {@link ContactMoments#list}).
   */
  @Transactional(readOnly = true)
  public Map<UUID, List<GoalComment>> comments(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "goal comments");
    Set<CaseRelation> relations = access.relations(actor, parties);
    if (relations.contains(CaseRelation.LINE_MANAGER) && !access.keepsFile(actor, parties)
        && !relations.contains(CaseRelation.EMPLOYEE) && !relations.contains(CaseRelation.COMPANY_DOCTOR)
        && !relations.contains(CaseRelation.CARE_PROFESSIONAL)) {
      throw access.refuse(actor, parties, Domain.REINTEGRATION, "goal comments are not for the line manager");
    }
    record Row(UUID id, UUID goalId, String author, String text, OffsetDateTime createdAt) {
    }
    List<Row> rows = jdbc.sql("""
            select c.id, c.goal_id, c.author, c.body, c.created_at from goal_comment c join goal g on g.id = c.goal_id
             where g.case_id = :c order by c.created_at, c.id""")
        .param("c", caseId)
        .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("goal_id", UUID.class),
            rs.getString("author"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class)))
        .list();
    Map<String, String> names = accounts.displayNames(rows.stream().map(Row::author).distinct().toList());
    return rows.stream().collect(Collectors.groupingBy(Row::goalId, LinkedHashMap::new, Collectors.mapping(
        r -> new GoalComment(r.id(), r.goalId(), r.author(), names.getOrDefault(r.author(), r.author()),
            r.author().equals(parties.employeeUserId()), r.text(), r.createdAt()),
        Collectors.toList())));
  }

  /** The case's employee, for their own part in the goals (see the class comment); anyone else is refused. */
  private CaseParties requireEmployee(Actor actor, UUID caseId, String what) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, what);
    if (!access.policy().isOwnFile(actor, parties)) {
      throw access.refuse(actor, parties, Domain.REINTEGRATION, what);
    }
    return parties;
  }

  private Optional<Goal> find(UUID caseId, UUID goalId) {
    return jdbc.sql("select * from goal where id = :id and case_id = :c").param("id", goalId).param("c", caseId)
        .query(Goals::goal).optional();
  }


  private static Goal goal(ResultSet rs, int n) throws SQLException {
    return new Goal(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("title"),
        rs.getString("description"), rs.getInt("progress"), Goal.Status.valueOf(rs.getString("status")),
        rs.getObject("agreed_with_employee_on", LocalDate.class), rs.getString("success"),
        rs.getObject("target_date", LocalDate.class), rs.getString("created_by"),
        rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
  }
}
