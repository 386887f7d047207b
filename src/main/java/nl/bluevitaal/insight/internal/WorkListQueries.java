package nl.bluevitaal.insight.internal;

import static nl.bluevitaal.insight.internal.MissingAspects.ANY;
import static nl.bluevitaal.insight.internal.MissingAspects.NO_BUDDY;
import static nl.bluevitaal.insight.internal.MissingAspects.NO_EVALUATION;
import static nl.bluevitaal.insight.internal.MissingAspects.NO_GOAL;
import static nl.bluevitaal.insight.internal.MissingAspects.NO_RELAPSE_PLAN;
import static nl.bluevitaal.insight.internal.MissingAspects.UNDER_GUIDANCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * A counsellor's caseload from the read model (insight_case, insight_step, insight_deadline): their figures, their
 * work list (the cases that miss what the method expects) and, for the counsellors' lead, the balance over all
 * counsellors. Grouped SQL that H2 and PostgreSQL both run; the conditions are {@link MissingAspects}'.
 */
@Repository
public class WorkListQueries {

  /** Cases with a step open past its due date, once each. */
  private static final String OVERDUE = """
      left join (select distinct case_id from insight_step where ended_at is null and due_on < :today) o
             on o.case_id = c.case_id""";

  private final JdbcClient jdbc;

  WorkListQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One counsellor's open cases, those with an overdue step, and those missing each aspect (and any). */
  public Caseload caseload(String counsellorUserId, LocalDate today) {
    return jdbc.sql("""
            select count(*) as open_cases,
                   coalesce(sum(case when o.case_id is not null then 1 else 0 end), 0) as overdue,
                   coalesce(sum(case when %1$s and %2$s then 1 else 0 end), 0) as no_evaluation,
                   coalesce(sum(case when %1$s and %3$s then 1 else 0 end), 0) as no_goal,
                   coalesce(sum(case when %1$s and %4$s then 1 else 0 end), 0) as no_relapse_plan,
                   coalesce(sum(case when %1$s and %5$s then 1 else 0 end), 0) as no_buddy,
                   coalesce(sum(case when %1$s and %6$s then 1 else 0 end), 0) as missing_any
              from insight_case c
              %7$s
             where c.counsellor_user_id = :counsellor and c.closed_on is null"""
            .formatted(UNDER_GUIDANCE, NO_EVALUATION, NO_GOAL, NO_RELAPSE_PLAN, NO_BUDDY, ANY, OVERDUE))
        .param("counsellor", counsellorUserId)
        .param("today", today)
        .params(MissingAspects.parameters(today))
        .query((rs, n) -> new Caseload(rs.getLong("open_cases"), rs.getLong("overdue"), rs.getLong("no_evaluation"),
            rs.getLong("no_goal"), rs.getLong("no_relapse_plan"), rs.getLong("no_buddy"), rs.getLong("missing_any")))
        .single();
  }

  /**
   * The legal deadlines of the counsellor's cases that fell due in {@code [from, today)}: the cases they are of, how
   * many there were and how many were met on or before their day.
   */
  public Deadlines deadlines(String counsellorUserId, LocalDate from, LocalDate today) {
    return jdbc.sql("""
            select count(distinct d.case_id) as cases, count(*) as due,
                   coalesce(sum(case when d.met_on is not null and d.met_on <= d.due_on then 1 else 0 end), 0)
                     as on_time
              from insight_deadline d
              join insight_case c on c.case_id = d.case_id
             where c.counsellor_user_id = :counsellor and d.due_on >= :from and d.due_on < :today""")
        .param("counsellor", counsellorUserId)
        .param("from", from)
        .param("today", today)
        .query((rs, n) -> new Deadlines(rs.getLong("cases"), rs.getLong("due"), rs.getLong("on_time")))
        .single();
  }

  /** The counsellor's cases under guidance that miss at least one aspect, with what they miss. */
  public List<Missing> workList(String counsellorUserId, LocalDate today) {
    return jdbc.sql("""
            select c.case_id, c.last_evaluation_on,
                   case when %2$s then 1 else 0 end as no_evaluation,
                   case when %3$s then 1 else 0 end as no_goal,
                   case when %4$s then 1 else 0 end as no_relapse_plan,
                   case when %5$s then 1 else 0 end as no_buddy
              from insight_case c
             where c.counsellor_user_id = :counsellor and %1$s and %6$s"""
            .formatted(UNDER_GUIDANCE, NO_EVALUATION, NO_GOAL, NO_RELAPSE_PLAN, NO_BUDDY, ANY))
        .param("counsellor", counsellorUserId)
        .params(MissingAspects.parameters(today))
        .query((rs, n) -> new Missing(rs.getObject("case_id", UUID.class),
            rs.getObject("last_evaluation_on", LocalDate.class), rs.getInt("no_evaluation") == 1,
            rs.getInt("no_goal") == 1, rs.getInt("no_relapse_plan") == 1, rs.getInt("no_buddy") == 1))
        .list();
  }

  /** Per counsellor (null: cases without one) their open cases, those with an overdue step and those missing any. */
  public List<Balance> balance(LocalDate today) {
    List<Balance> rows = new ArrayList<>();
    jdbc.sql("""
            select c.counsellor_user_id, count(*) as open_cases,
                   coalesce(sum(case when o.case_id is not null then 1 else 0 end), 0) as overdue,
                   coalesce(sum(case when %1$s and %2$s then 1 else 0 end), 0) as missing_any
              from insight_case c
              %3$s
             where c.closed_on is null
             group by c.counsellor_user_id""".formatted(UNDER_GUIDANCE, ANY, OVERDUE))
        .param("today", today)
        .params(MissingAspects.parameters(today))
        .query(rs -> {
          rows.add(new Balance(rs.getString("counsellor_user_id"), rs.getLong("open_cases"), rs.getLong("overdue"),
              rs.getLong("missing_any")));
        });
    return rows;
  }

  public record Caseload(long openCases, long overdueCases, long noEvaluation, long noGoal, long noRelapsePlan,
      long noBuddy, long missingAny) {
  }

  public record Deadlines(long cases, long due, long onTime) {
  }

  public record Missing(UUID caseId, @Nullable LocalDate lastEvaluationOn, boolean noEvaluation, boolean noGoal,
      boolean noRelapsePlan, boolean noBuddy) {
  }

  public record Balance(@Nullable String counsellorUserId, long openCases, long overdueCases, long missingAny) {
  }
}
