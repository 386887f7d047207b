package nl.bluevitaal.journey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open user tasks of cases and of people, read from the engine's runtime tables (ACT_RU_TASK with its process
 * instance in ACT_RU_EXECUTION and its candidates in ACT_RU_IDENTITYLINK: the engine's documented schema, the same on
 * H2 and PostgreSQL), read-only.
 *
 * <p>Why not the engine's TaskQuery: the benchmark's profile of a step completion at national scale put 44 % of the
 * CPU in building TaskQuery's SQL (MyBatis evaluates hundreds of OGNL conditions of the query mapping per call, and a
 * candidate-user query also reads the user's groups), for queries that are one indexed join here. The rules are the
 * engine's: a task assigned to someone is theirs alone; an unassigned one is for its candidate users and the members of
 * its candidate groups. The engine checks no authorizations in our calls (no engine user is authenticated there), so
 * both return the same tasks; the access policy stays in front of either.
 */
@Component
public class OpenTasks {

  /**
   * One open task, the business key (the case id) of its process instance, and the deployed model version (process
   * definition id) the task belongs to.
   */
  public record Row(String id, String stepKey, String name, Instant due, String assignee, String businessKey,
      String modelVersion, Instant opened) {
  }

  private static final String SELECT = """
      select t.id_, t.task_def_key_, t.name_, t.due_date_, t.assignee_, p.business_key_, t.create_time_, t.proc_def_id_
        from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
      """;
  // Deadline-bound steps first, earliest due first. Explicit, so H2 and PostgreSQL agree: the engine's query left the
  // place of steps without a due date to the database (first on H2, last on PostgreSQL).
  private static final String ORDER = " order by t.due_date_ asc nulls last, t.create_time_ asc, t.id_ asc";

  private final JdbcClient jdbc;

  OpenTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The open tasks of every process instance of this case (its journey and its escalations). */
  @Transactional(readOnly = true)
  public List<Row> ofCase(String businessKey) {
    return jdbc.sql(SELECT + " where p.business_key_ = :key" + ORDER).param("key", businessKey)
        .query(OpenTasks::row).list();
  }

  /** The open task with this id, when it belongs to this case. */
  @Transactional(readOnly = true)
  public Optional<Row> one(String taskId, String businessKey) {
    return jdbc.sql(SELECT + " where t.id_ = :task and p.business_key_ = :key").param("task", taskId)
        .param("key", businessKey).query(OpenTasks::row).optional();
  }

  /**
   * The open tasks of one person over all cases: assigned to them, or unassigned and offered to them or to one of
   * their groups. Only tasks of process instances with a business key (every case's). Two branches, each starting
   * from an index (the assignee; the candidate's user or group): one statement with an OR over both let PostgreSQL
   * scan every case's execution, 76 ms for a counsellor at the benchmark's national scale against 5 ms.
   */
  @Transactional(readOnly = true)
  public List<Row> of(String userId, Collection<String> groups) {
    String offered = groups.isEmpty() ? "l.user_id_ = :user" : "(l.user_id_ = :user or l.group_id_ in (:groups))";
    JdbcClient.StatementSpec statement = jdbc.sql("""
        select t.id_, t.task_def_key_, t.name_, t.due_date_, t.assignee_, p.business_key_, t.create_time_,
               t.proc_def_id_
          from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
         where t.assignee_ = :user and p.business_key_ is not null
        union
        select t.id_, t.task_def_key_, t.name_, t.due_date_, t.assignee_, p.business_key_, t.create_time_,
               t.proc_def_id_
          from act_ru_identitylink l
          join act_ru_task t on t.id_ = l.task_id_
          join act_ru_execution p on p.id_ = t.proc_inst_id_
         where l.type_ = 'candidate' and %s and t.assignee_ is null and p.business_key_ is not null
         order by 4 asc nulls last, 7 asc, 1 asc""".formatted(offered))
        .param("user", userId);
    if (!groups.isEmpty()) {
      statement = statement.param("groups", List.copyOf(groups));
    }
    return statement.query(OpenTasks::row).list();
  }

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    Timestamp due = rs.getTimestamp(4);
    Timestamp opened = rs.getTimestamp(7);
    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), due == null ? null : due.toInstant(),
        rs.getString(5), rs.getString(6), rs.getString(8), opened == null ? null : opened.toInstant());
  }
}
