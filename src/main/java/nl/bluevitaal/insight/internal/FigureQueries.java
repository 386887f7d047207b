package nl.bluevitaal.insight.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures' SQL over the read model (V38): set-based, one statement per figure and unit, grouped in the database,
 * in the SQL that both H2 and PostgreSQL understand (a date minus a date cast to an integer is a number of days there
 * both). Each answer is a list of tallies or statistics; the gate decides what of them may leave.
 */
@Component
public class FigureQueries {

  /** Phases after the plan of action: the method expects an evaluation at least every six weeks there. */
  private static final String EVALUATED_PHASES = "'SPOOR_1', 'FIRST_YEAR_EVALUATION', 'SPOOR_2', 'FINAL_EVALUATION',"
      + " 'WIA_APPLICATION'";
  /** Phases where a case has its plan of action (or is working on it): goals and a relapse plan are expected. */
  private static final String PLANNED_PHASES = "'PLAN_OF_ACTION', " + EVALUATED_PHASES;

  /** Per case and phase, its days in the phase in stays that ended in [from, to], and the last day it left. */
  private static final String STAYS = """
      select case_id, phase, sum(cast(left_on - entered_on as integer)) as days, max(left_on) as last_left
        from insight_phase_stay where left_on between :from and :to
       group by case_id, phase""";

  private final JdbcClient jdbc;

  FigureQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A number of cases (people) of a team in a column of a figure. */
  public record Tally(String team, String column, long count) {
  }

  /** Median and 75th/90th percentile (whole days, the observed value at that rank) over n people. */
  public record Spread(String group, String period, long n, Double median, Double p75, Double p90) {
  }

  public List<String> units() {
    return jdbc.sql("select unit from insight_case union select unit from insight_population order by unit")
        .query(String.class).list();
  }

  /** The unit's teams: those of its cases and those its population names (a team without cases is a row of zeros). */
  public List<String> teams(String unit) {
    return jdbc.sql("""
            select team from insight_case where unit = :u union select team from insight_population where unit = :u
             order by team""")
        .param("u", unit).query(String.class).list();
  }

  /** Cases opened (column "IN:month") and closed ("OUT:month") per month of [from, to]. */
  public List<Tally> flows(String unit, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select team, col, count(*) from (
              select team, 'IN:' || cast(extract(month from opened_on) as integer) as col
                from insight_case where unit = :u and opened_on between :from and :to
              union all
              select team, 'OUT:' || cast(extract(month from closed_on) as integer)
                from insight_case where unit = :u and closed_on between :from and :to) x
             group by team, col""")
        .param("u", unit).param("from", from).param("to", to)
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  /** Cases open at the start of the day (opened before it, not closed before it), per team. */
  public List<Tally> openAt(String unit, LocalDate day) {
    return jdbc.sql("""
            select team, count(*) from insight_case
             where unit = :u and opened_on < :d and (closed_on is null or closed_on >= :d)
             group by team""")
        .param("u", unit).param("d", day)
        .query((rs, i) -> new Tally(rs.getString(1), "OPEN", rs.getLong(2))).list();
  }

  /** Open cases per team and the phase they are in now. */
  public List<Tally> phasesNow(String unit) {
    return jdbc.sql("""
            select team, phase, count(*) from insight_case where unit = :u and closed_on is null
             group by team, phase""")
        .param("u", unit)
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  /**
   * The cases with a stay in a phase that ended in [from, to], per team and phase (column "PHASE"): every case counts
   * once per phase per period, the group of that phase's days.
   */
  public List<Tally> phaseStayCounts(String unit, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select c.team, s.phase, count(*)
              from (%s) s join insight_case c on c.case_id = s.case_id
             where c.unit = :u
             group by c.team, s.phase""".formatted(STAYS))
        .param("u", unit).param("from", from).param("to", to)
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  /**
   * Days per phase (median, p75, p90) of the unit or one team; per quarter ({@code byQuarter}) or over the whole
   * period (period "YEAR").
   */
  public List<Spread> phaseDays(String unit, String team, LocalDate from, LocalDate to, boolean byQuarter) {
    String quarter = byQuarter ? "cast((extract(month from s.last_left) + 2) / 3 as integer)" : "0";
    return jdbc.sql("""
            select phase, q, count(*),
                   percentile_disc(0.5) within group (order by days),
                   percentile_disc(0.75) within group (order by days),
                   percentile_disc(0.9) within group (order by days)
              from (select s.phase, %1$s as q, s.days
                      from (%2$s) s join insight_case c on c.case_id = s.case_id
                     where c.unit = :u and (cast(:t as varchar(120)) is null or c.team = :t)) x
             group by phase, q""".formatted(quarter, STAYS))
        .param("u", unit).param("t", team).param("from", from).param("to", to)
        .query((rs, i) -> new Spread(rs.getString(1), byQuarter ? "Q" + rs.getInt(2) : "YEAR", rs.getLong(3),
            number(rs.getObject(4)), number(rs.getObject(5)), number(rs.getObject(6)))).list();
  }

  /**
   * Legal deadlines due in [from, to] per team, milestone and how they were met (column "MILESTONE:STATUS"): on time,
   * late, missed and still open (due before {@code today}), or not yet due.
   */
  public List<Tally> deadlines(String unit, LocalDate from, LocalDate to, LocalDate today) {
    return jdbc.sql("""
            select team, col, count(*) from (
              select c.team, d.milestone || ':' || case
                       when d.met_on is not null and d.met_on <= d.due_on then 'ON_TIME'
                       when d.met_on is not null then 'LATE'
                       when d.due_on < :today then 'MISSED_OPEN'
                       else 'NOT_DUE' end as col
                from insight_deadline d join insight_case c on c.case_id = d.case_id
               where c.unit = :u and d.due_on between :from and :to) x
             group by team, col""")
        .param("u", unit).param("from", from).param("to", to).param("today", today)
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  /** Days late of the deadlines due in [from, to] that were met late, per milestone, for the unit or one team. */
  public List<Spread> daysLate(String unit, String team, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select d.milestone, count(*),
                   percentile_disc(0.5) within group (order by cast(d.met_on - d.due_on as integer))
              from insight_deadline d join insight_case c on c.case_id = d.case_id
             where c.unit = :u and (cast(:t as varchar(120)) is null or c.team = :t)
               and d.due_on between :from and :to and d.met_on > d.due_on
             group by d.milestone""")
        .param("u", unit).param("t", team).param("from", from).param("to", to)
        .query((rs, i) -> new Spread(rs.getString(1), "YEAR", rs.getLong(2), number(rs.getObject(3)), null, null))
        .list();
  }

  /** Cases with an escalation (or warning, rung 0) raised in [from, to], per team and rung (3 and up as "3"). */
  public List<Tally> escalations(String unit, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select team, rung, count(distinct case_id) from (
              select c.team, cast(case when e.rung > 3 then 3 else e.rung end as varchar(2)) as rung, e.case_id
                from insight_escalation e join insight_case c on c.case_id = e.case_id
               where c.unit = :u and e.raised_on between :from and :to) x
             group by team, rung""")
        .param("u", unit).param("from", from).param("to", to)
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  /**
   * Cases closed in [from, to] per team and outcome ("OTHER" when none was recorded), and those of them that returned
   * to work, partly or fully ("RETURNED").
   */
  public List<Tally> outcomes(String unit, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select team, coalesce(outcome, 'OTHER'), count(*) from insight_case
             where unit = :u and closed_on between :from and :to
             group by team, coalesce(outcome, 'OTHER')
            union all
            select team, 'RETURNED', count(*) from insight_case
             where unit = :u and closed_on between :from and :to and first_return_on is not null
             group by team""")
        .param("u", unit).param("from", from).param("to", to)
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  /** Days from the first sick day to the first (partial) return, of the cases closed in [from, to] that returned. */
  public Spread daysToReturn(String unit, String team, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select count(*),
                   percentile_disc(0.5) within group (order by cast(first_return_on - first_sick_day as integer))
              from insight_case
             where unit = :u and (cast(:t as varchar(120)) is null or team = :t)
               and closed_on between :from and :to and first_return_on is not null""")
        .param("u", unit).param("t", team).param("from", from).param("to", to)
        .query((rs, i) -> new Spread("RETURN", "YEAR", rs.getLong(1), number(rs.getObject(2)), null, null))
        .single();
  }

  /**
   * What the cases opened in [from, to] came with, per team and quarter of opening (column "CATEGORY:Qn"): the intake's
   * guidance intensity (UNKNOWN when not routed yet), a buddy recommended, and the 4 A's of the plan of action.
   */
  public List<Tally> helpDemand(String unit, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select team, col, count(*) from (
              select team, 'INTENSITY_' || coalesce(guidance_intensity, 'UNKNOWN') || ':Q' || q as col from opened
              union all select team, 'BUDDY_RECOMMENDED:Q' || q from opened where buddy_recommended
              union all select team, 'AREA_CONTENT:Q' || q from opened where area_content
              union all select team, 'AREA_RELATIONS:Q' || q from opened where area_relations
              union all select team, 'AREA_CONDITIONS:Q' || q from opened where area_conditions
              union all select team, 'AREA_TERMS:Q' || q from opened where area_terms) x
             group by team, col"""
            .replace("opened", """
                (select team, guidance_intensity, buddy_recommended, area_content, area_relations, area_conditions,
                        area_terms, cast((extract(month from opened_on) + 2) / 3 as integer) as q
                   from insight_case where unit = :u and opened_on between :from and :to) o"""))
        .param("u", unit).param("from", from).param("to", to)
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  /**
   * Open cases in guidance (not watching for a relapse) per team ("IN_GUIDANCE") and those of them that lack what the
   * method expects: an evaluation in the six weeks before {@code today} once past the plan of action, an agreed goal
   * and a shared relapse-prevention plan once the plan of action is being made, a buddy the intake recommended.
   */
  public List<Tally> missingAspects(String unit, LocalDate today) {
    return jdbc.sql("""
            select team, 'IN_GUIDANCE', count(*) from insight_case
             where unit = :u and closed_on is null and phase <> 'RELAPSE_WATCH' group by team
            union all
            select team, 'NO_RECENT_EVALUATION', count(*) from insight_case
             where unit = :u and closed_on is null and phase in (%1$s)
               and (last_evaluation_on is null or last_evaluation_on < :since) group by team
            union all
            select team, 'NO_AGREED_GOAL', count(*) from insight_case
             where unit = :u and closed_on is null and phase in (%2$s) and not has_agreed_goal group by team
            union all
            select team, 'NO_SHARED_RELAPSE_PLAN', count(*) from insight_case
             where unit = :u and closed_on is null and phase in (%2$s) and not relapse_plan_shared group by team
            union all
            select team, 'BUDDY_NOT_INVOLVED', count(*) from insight_case
             where unit = :u and closed_on is null and phase <> 'RELAPSE_WATCH' and buddy_recommended
               and not buddy_involved group by team""".formatted(EVALUATED_PHASES, PLANNED_PHASES))
        .param("u", unit).param("since", today.minusWeeks(6))
        .query((rs, i) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
  }

  private static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
