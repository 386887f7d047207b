package nl.bluevitaal.insight;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of the read model (V38) written straight into its tables: the input of the heatmap and the work list in their
 * tests, as the read model's writer would leave them. Steps open and end at noon UTC, so a day boundary never
 * depends on the time zone.
 */
final class WorkRows {

  private final JdbcTemplate jdbc;

  WorkRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The tables empty: tests that count over all rows start from what they insert. */
  void clear() {
    jdbc.update("delete from insight_step");
    jdbc.update("delete from insight_deadline");
    jdbc.update("delete from insight_case");
    changed();
  }

  /** As the writer does after its transaction: figures kept for the version before are computed again. */
  private void changed() {
    jdbc.update("update insight_version set version = version + 1 where id = 1");
    jdbc.update("update insight_unit_version set version = version + 1");
  }

  static OffsetDateTime noon(LocalDate day) {
    return OffsetDateTime.of(day, LocalTime.NOON, ZoneOffset.UTC);
  }

  /** A step opened on {@code opened} at noon; ended on {@code ended} (null: open), completed or not. */
  void step(String processKey, String elementId, UUID caseId, LocalDate opened, LocalDate ended, Boolean completed,
      LocalDate dueOn) {
    jdbc.update("""
            insert into insight_step (task_id, case_id, process_key, element_id, opened_at, due_on, ended_at, completed)
            values (?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), caseId, processKey, elementId, Timestamp.from(noon(opened).toInstant()), dueOn,
        ended == null ? null : Timestamp.from(noon(ended).toInstant()), completed);
    changed();
  }

  void deadline(UUID caseId, String milestone, LocalDate dueOn, LocalDate metOn) {
    jdbc.update("insert into insight_deadline (case_id, milestone, due_on, met_on, missed) values (?, ?, ?, ?, ?)",
        caseId, milestone, dueOn, metOn, metOn == null || metOn.isAfter(dueOn));
    changed();
  }

  /** A case under guidance by {@code counsellor}, as {@link Case} describes it. */
  UUID insert(Case c) {
    jdbc.update("delete from insight_step where case_id = ?", c.caseId());
    jdbc.update("delete from insight_case where case_id = ?", c.caseId());
    jdbc.update("""
            insert into insight_case (case_id, unit, team, counsellor_user_id, first_sick_day, opened_on, closed_on,
                                      phase, phase_since, first_return_on, buddy_recommended, buddy_involved,
                                      has_agreed_goal, relapse_plan_shared, last_evaluation_on)
            values (?, 'Eenheid Test', 'Team Test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        c.caseId(), c.counsellor(), c.firstSickDay(), c.firstSickDay(), c.closedOn(), c.phase(), c.firstSickDay(),
        c.firstReturnOn(), c.buddyRecommended(), c.buddyInvolved(), c.agreedGoal(), c.relapsePlanShared(),
        c.lastEvaluationOn());
    changed();
    return c.caseId();
  }

  /** A case row; the {@code with...} methods change one thing. By default: open, in spoor 1, lacking nothing. */
  record Case(UUID caseId, String counsellor, LocalDate firstSickDay, LocalDate closedOn, String phase,
      LocalDate firstReturnOn, boolean buddyRecommended, boolean buddyInvolved, boolean agreedGoal,
      boolean relapsePlanShared, LocalDate lastEvaluationOn) {

    static Case of(UUID caseId, String counsellor, LocalDate firstSickDay, LocalDate lastEvaluationOn) {
      return new Case(caseId, counsellor, firstSickDay, null, "SPOOR_1", null, false, false, true, false,
          lastEvaluationOn);
    }

    Case closed(LocalDate on) {
      return new Case(caseId, counsellor, firstSickDay, on, "CLOSED", firstReturnOn, buddyRecommended,
          buddyInvolved, agreedGoal, relapsePlanShared, lastEvaluationOn);
    }

    Case phase(String phase) {
      return new Case(caseId, counsellor, firstSickDay, closedOn, phase, firstReturnOn, buddyRecommended,
          buddyInvolved, agreedGoal, relapsePlanShared, lastEvaluationOn);
    }

    Case returnedOn(LocalDate on, boolean planShared) {
      return new Case(caseId, counsellor, firstSickDay, closedOn, phase, on, buddyRecommended, buddyInvolved,
          agreedGoal, planShared, lastEvaluationOn);
    }

    Case buddy(boolean recommended, boolean involved) {
      return new Case(caseId, counsellor, firstSickDay, closedOn, phase, firstReturnOn, recommended, involved,
          agreedGoal, relapsePlanShared, lastEvaluationOn);
    }

    Case agreedGoal(boolean agreed) {
      return new Case(caseId, counsellor, firstSickDay, closedOn, phase, firstReturnOn, buddyRecommended,
          buddyInvolved, agreed, relapsePlanShared, lastEvaluationOn);
    }
  }
}
