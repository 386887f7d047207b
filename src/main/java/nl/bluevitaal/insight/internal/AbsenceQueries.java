package nl.bluevitaal.insight.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the standard absence figures are computed from: the sick periods of a unit's cases that touch a period, with
 * the work capacity recorded in them, and the teams' population per month. The counting itself is in
 * {@link nl.bluevitaal.insight.InsightFigures}, on these plain facts.
 */
@Component
public class AbsenceQueries {

  private final JdbcClient jdbc;

  AbsenceQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A sick period: its first day and the first day it no longer counts ({@code until}: the first day of full work,
   * or the day a case that never recovered closed; null while it runs), and the capacity changes recorded in it.
   */
  public record SickSpell(UUID caseId, String team, LocalDate from, LocalDate until, List<Capacity> capacity) {

    /** The share of incapacity (1 fully unfit, 0 fully at work) on a day of the spell. */
    public double incapacityOn(LocalDate day) {
      int pct = 0;
      for (Capacity change : capacity) {
        if (change.from().isAfter(day)) {
          break;
        }
        pct = change.pct();
      }
      return (100 - pct) / 100.0;
    }
  }

  /** Work capacity in percent from a day on. */
  public record Capacity(LocalDate from, int pct) {
  }

  /** A team's population in a month: its headcount and its contracted hours as full-time equivalents. */
  public record TeamMonth(String team, YearMonth month, int headcount, BigDecimal fte) {
  }

  /** The unit's sick periods that have a day in [from, to]; the capacity of each holds only its own changes. */
  public List<SickSpell> spells(String unit, LocalDate from, LocalDate to) {
    record Row(UUID caseId, String team, LocalDate from, LocalDate until) {
    }
    List<Row> rows = jdbc.sql("""
            select p.case_id, c.team, p.sick_from, coalesce(p.recovered_on, c.closed_on) as until_on
              from insight_sick_period p join insight_case c on c.case_id = p.case_id
             where c.unit = :u and p.sick_from <= :to
               and (coalesce(p.recovered_on, c.closed_on) is null or coalesce(p.recovered_on, c.closed_on) > :from)
             order by p.case_id, p.sick_from""")
        .param("u", unit).param("from", from).param("to", to)
        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class)))
        .list();
    Map<UUID, List<Capacity>> capacity = new HashMap<>();
    jdbc.sql("""
            select w.case_id, w.from_on, w.pct
              from insight_work_capacity w join insight_case c on c.case_id = w.case_id
             where c.unit = :u and w.from_on <= :to
             order by w.case_id, w.from_on""")
        .param("u", unit).param("to", to)
        .query((ResultSet rs) -> {
          capacity.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new Capacity(rs.getObject(2, LocalDate.class), rs.getInt(3)));
        });
    List<SickSpell> spells = new ArrayList<>(rows.size());
    for (Row row : rows) {
      // A capacity recorded before the spell began belongs to an earlier one: a relapse starts fully unfit.
      List<Capacity> own = capacity.getOrDefault(row.caseId(), List.of()).stream()
          .filter(c -> !c.from().isBefore(row.from()) && (row.until() == null || c.from().isBefore(row.until())))
          .toList();
      spells.add(new SickSpell(row.caseId(), row.team(), row.from(), row.until(), own));
    }
    return spells;
  }

  /** The population of the unit's teams in the months of [from, to]. */
  public List<TeamMonth> population(String unit, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            select team, month_start, headcount, fte from insight_population
             where unit = :u and month_start between :from and :to
             order by team, month_start""")
        .param("u", unit).param("from", from.withDayOfMonth(1)).param("to", to)
        .query((rs, n) -> new TeamMonth(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
            rs.getInt(3), rs.getBigDecimal(4)))
        .list();
  }
}
