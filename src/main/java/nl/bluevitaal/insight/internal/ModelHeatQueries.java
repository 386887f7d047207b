package nl.bluevitaal.insight.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The heatmap's figures per element of one process, read from the read model's steps (insight_step), never from the
 * engine's history: one grouped query for the cases waiting now, one for the time spent and the lateness of the steps
 * completed in a period. Plain SQL that H2 and PostgreSQL both run (ordered-set percentiles, epoch seconds).
 */
@Repository
public class ModelHeatQueries {

  private static final double SECONDS_PER_DAY = 86_400d;

  private final JdbcClient jdbc;

  ModelHeatQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Per element the number of cases with an open step there now. */
  public Map<String, Long> waiting(String processKey) {
    Map<String, Long> waiting = new LinkedHashMap<>();
    jdbc.sql("""
            select element_id, count(distinct case_id) as cases
              from insight_step
             where process_key = :process and ended_at is null
             group by element_id""")
        .param("process", processKey)
        .query(rs -> {
          waiting.put(rs.getString("element_id"), rs.getLong("cases"));
        });
    return waiting;
  }

  /**
   * The steps completed in {@code [from, to)} per element: the cases they are of, median and 90th percentile of the
   * time spent in days, and of those with a due date the cases and the steps ended after it.
   */
  public Map<String, Spent> spent(String processKey, OffsetDateTime from, OffsetDateTime to) {
    Map<String, Spent> spent = new LinkedHashMap<>();
    jdbc.sql("""
            select element_id,
                   count(distinct case_id) as cases,
                   percentile_cont(0.5) within group (order by %1$s) as median_seconds,
                   percentile_cont(0.9) within group (order by %1$s) as p90_seconds,
                   count(distinct case when due_on is not null then case_id end) as due_cases,
                   count(due_on) as due_steps,
                   sum(case when due_on is not null and cast(ended_at as date) > due_on then 1 else 0 end) as late_steps
              from insight_step
             where process_key = :process and completed = true and ended_at >= :from and ended_at < :to
             group by element_id""".formatted(
            // Numeric, not double: H2 2.3 fails to interpolate a percentile between doubles of 10^7 and more (a step
            // of over 116 days, spoor 1 often) with "scale -2".
            "cast(extract(epoch from ended_at) - extract(epoch from opened_at) as numeric(18, 3))"))
        .param("process", processKey)
        .param("from", from)
        .param("to", to)
        .query(rs -> {
          spent.put(rs.getString("element_id"), new Spent(rs.getLong("cases"),
              rs.getDouble("median_seconds") / SECONDS_PER_DAY, rs.getDouble("p90_seconds") / SECONDS_PER_DAY,
              rs.getLong("due_cases"), rs.getLong("due_steps"), rs.getLong("late_steps")));
        });
    return spent;
  }

  /** What the completed steps of one element in a period come to. */
  public record Spent(long cases, double medianDays, double p90Days, long dueCases, long dueSteps, long lateSteps) {
  }
}
