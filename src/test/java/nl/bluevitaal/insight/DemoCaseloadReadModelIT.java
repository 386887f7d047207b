package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Insight's read model on the demo caseload as the app makes it (every case lived through the real services and the
 * engine, the read model kept by their events): spread so that the insight pages have groups of ten to show, and
 * rebuilt from scratch to the very same rows.
 */
@DemoAppTest
class DemoCaseloadReadModelIT {

  private static final Logger log = LoggerFactory.getLogger(DemoCaseloadReadModelIT.class);
  private static final int GROUP = 10;

  @Autowired JdbcTemplate jdbc;
  @Autowired ReadModelRebuild rebuild;

  @Test
  void theDemoCaseloadGivesTheInsightPagesGroupsToShow() {
    assertThat(count("select count(*) from insight_case")).isEqualTo(count("select count(*) from reintegration_case"));
    // Several counsellors, each with a caseload of open cases of group size.
    assertThat(jdbc.queryForList("select counsellor_user_id from insight_case where closed_on is null"
        + " group by counsellor_user_id having count(*) >= ?", String.class, GROUP)).hasSizeGreaterThanOrEqualTo(4);
    // Cases opened and closed over two years, with outcomes.
    assertThat(count("select count(*) from insight_case where opened_on < dateadd(day, -600, current_date)"))
        .isGreaterThanOrEqualTo(GROUP);
    assertThat(count("select count(*) from insight_case where closed_on is not null")).isGreaterThanOrEqualTo(50);
    assertThat(count("select count(*) from insight_case where outcome = 'OWN_WORK'")).isGreaterThanOrEqualTo(GROUP);
    assertThat(count("select count(*) from insight_case where outcome = 'WIA'")).isPositive();
    assertThat(count("select count(*) from insight_case where outcome = 'OTHER_WORK'")).isPositive();
    assertThat(count("select count(*) from insight_case where first_return_on is not null"))
        .isGreaterThanOrEqualTo(GROUP);
    // Eva's team, the line manager's page, at group size.
    assertThat(count("select count(*) from insight_case where team = 'Team Noord'")).isGreaterThanOrEqualTo(GROUP);
    // Deadlines met on time and late, escalations, the 4 A's not all alike, goals and buddies not everywhere.
    assertThat(count("select count(*) from insight_deadline where met_on <= due_on")).isGreaterThanOrEqualTo(GROUP);
    assertThat(count("select count(*) from insight_deadline where missed")).isPositive();
    assertThat(count("select count(*) from insight_escalation where rung >= 1")).isPositive();
    assertThat(jdbc.queryForList("select distinct area_relations from insight_case"
        + " where last_evaluation_on is not null", Boolean.class)).containsExactlyInAnyOrder(true, false);
    assertThat(count("select count(*) from insight_case where buddy_recommended and not buddy_involved")).isPositive();
    assertThat(count("select count(*) from insight_case where buddy_involved")).isPositive();
    assertThat(count("select count(*) from insight_step where completed")).isGreaterThan(1000);
  }

  @Test
  void theRebuildFromScratchGivesTheRowsTheEventsKept() {
    // Only cases the case file still holds: other tests on this shared demo delete cases (retention), whose rows the
    // events kept and a rebuild cannot make again.
    Map<String, List<String>> kept = snapshot();
    Map<String, Instant> keptOpened = stepsOpened();
    ReadModelRebuild.Result result = rebuild.rebuild(new Actor("demo", java.util.Set.of("administrator"), false));
    log.info("Demo read model rebuilt: {} cases, {} steps, {} deadlines in {} ms", result.cases(), result.steps(),
        result.deadlines(), result.duration().toMillis());

    assertThat(result.cases()).isEqualTo(kept.get("insight_case").size());
    Map<String, List<String>> rebuilt = snapshot();
    for (String table : kept.keySet()) {
      List<String> missing = new ArrayList<>(kept.get(table));
      missing.removeAll(rebuilt.get(table));
      List<String> extra = new ArrayList<>(rebuilt.get(table));
      extra.removeAll(kept.get(table));
      assertThat(missing).as(table + ": kept by the events, not rebuilt (rebuilt instead: " + extra + ")").isEmpty();
      assertThat(extra).as(table + ": rebuilt, not kept by the events").isEmpty();
    }
    // The engine reads its clock twice for a new step: the task's creation time (the event) and its history's start
    // (the rebuild) may lie across a second's boundary. Within the second they are the same moment.
    Map<String, Instant> rebuiltOpened = stepsOpened();
    assertThat(rebuiltOpened.keySet()).isEqualTo(keptOpened.keySet());
    keptOpened.forEach((task, opened) -> assertThat(Duration.between(opened, rebuiltOpened.get(task)).abs())
        .as("step %s opened", task).isLessThanOrEqualTo(Duration.ofSeconds(1)));
  }

  private Map<String, Instant> stepsOpened() {
    Map<String, Instant> opened = new TreeMap<>();
    jdbc.queryForList("select task_id, opened_at from insight_step where case_id in (select id from reintegration_case)")
        .forEach(row -> opened.put((String) row.get("TASK_ID"), (Instant) normal(row.get("OPENED_AT"))));
    return opened;
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  private Map<String, List<String>> snapshot() {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : List.of("insight_case", "insight_phase_stay", "insight_deadline", "insight_step",
        "insight_escalation", "insight_relapse", "insight_sick_period", "insight_work_capacity")) {
      tables.put(table, jdbc.queryForList("select * from " + table
              + " where case_id in (select id from reintegration_case)").stream()
          .map(row -> new TreeMap<>(row.entrySet().stream()
              .filter(e -> !(table.equals("insight_step") && e.getKey().equalsIgnoreCase("opened_at")))
              .collect(Collectors.toMap(e -> e.getKey().toUpperCase(),
              e -> String.valueOf(normal(e.getValue()))))).toString())
          .sorted().toList());
    }
    return tables;
  }

  private static Object normal(Object value) {
    if (value instanceof OffsetDateTime at) {
      return at.toInstant();
    }
    if (value instanceof Timestamp at) {
      return at.toInstant();
    }
    return value;
  }
}
