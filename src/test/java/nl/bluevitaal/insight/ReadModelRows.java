package nl.bluevitaal.insight;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows straight into the read model's tables (V38): the figures' input, written as the read model's writer would. A
 * fixture, not a mock: the figures' SQL runs on them as on the real read model. Each test uses a unit of its own.
 */
public final class ReadModelRows {

  private final JdbcClient jdbc;

  public ReadModelRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** As the writer does after its transaction: figures kept for the version before are computed again. */
  private void changed() {
    jdbc.sql("update insight_version set version = version + 1 where id = 1").update();
    jdbc.sql("update insight_unit_version set version = version + 1").update();
  }

  /** One case of the read model; defaults: open, in the intake, nothing recorded yet. */
  public record CaseRow(UUID id, String unit, String team, LocalDate firstSickDay, LocalDate openedOn,
      LocalDate closedOn, String phase, String outcome, LocalDate firstReturnOn, String intensity,
      boolean buddyRecommended, boolean buddyInvolved, boolean agreedGoal, boolean relapsePlanShared,
      LocalDate lastEvaluationOn, boolean areaContent) {

    public static CaseRow opened(String unit, String team, LocalDate openedOn) {
      return new CaseRow(UUID.randomUUID(), unit, team, openedOn.minusDays(3), openedOn, null, "INTAKE", null, null,
          null, false, false, false, false, null, false);
    }

    public CaseRow closed(LocalDate on, String how) {
      return new CaseRow(id, unit, team, firstSickDay, openedOn, on, "CLOSED", how, firstReturnOn, intensity,
          buddyRecommended, buddyInvolved, agreedGoal, relapsePlanShared, lastEvaluationOn, areaContent);
    }

    public CaseRow in(String now) {
      return new CaseRow(id, unit, team, firstSickDay, openedOn, closedOn, now, outcome, firstReturnOn, intensity,
          buddyRecommended, buddyInvolved, agreedGoal, relapsePlanShared, lastEvaluationOn, areaContent);
    }

    public CaseRow returnedOn(LocalDate day) {
      return new CaseRow(id, unit, team, firstSickDay, openedOn, closedOn, phase, outcome, day, intensity,
          buddyRecommended, buddyInvolved, agreedGoal, relapsePlanShared, lastEvaluationOn, areaContent);
    }

    public CaseRow routed(String guidance, boolean buddy) {
      return new CaseRow(id, unit, team, firstSickDay, openedOn, closedOn, phase, outcome, firstReturnOn, guidance,
          buddy, buddyInvolved, agreedGoal, relapsePlanShared, lastEvaluationOn, areaContent);
    }

    public CaseRow planned(boolean goal, boolean relapsePlan, LocalDate lastEvaluation, boolean content) {
      return new CaseRow(id, unit, team, firstSickDay, openedOn, closedOn, phase, outcome, firstReturnOn, intensity,
          buddyRecommended, buddyInvolved, goal, relapsePlan, lastEvaluation, content);
    }
  }

  public UUID add(CaseRow row) {
    jdbc.sql("""
            insert into insight_case (case_id, unit, team, counsellor_user_id, first_sick_day, opened_on, closed_on,
                phase, phase_since, outcome, first_return_on, guidance_intensity, buddy_recommended, buddy_involved,
                has_agreed_goal, relapse_plan_shared, last_evaluation_on, area_content)
            values (:id, :unit, :team, 'counsellor-x', :sick, :opened, :closed, :phase, :opened, :outcome, :back,
                :intensity, :buddy, :involved, :goal, :plan, :evaluation, :content)""")
        .param("id", row.id()).param("unit", row.unit()).param("team", row.team()).param("sick", row.firstSickDay())
        .param("opened", row.openedOn()).param("closed", row.closedOn()).param("phase", row.phase())
        .param("outcome", row.outcome()).param("back", row.firstReturnOn()).param("intensity", row.intensity())
        .param("buddy", row.buddyRecommended()).param("involved", row.buddyInvolved())
        .param("goal", row.agreedGoal()).param("plan", row.relapsePlanShared())
        .param("evaluation", row.lastEvaluationOn()).param("content", row.areaContent())
        .update();
    changed();
    return row.id();
  }

  public void stay(UUID caseId, String phase, LocalDate entered, LocalDate left) {
    jdbc.sql("insert into insight_phase_stay (case_id, phase, entered_on, left_on) values (:c, :p, :e, :l)")
        .param("c", caseId).param("p", phase).param("e", entered).param("l", left).update();
    changed();
  }

  public void deadline(UUID caseId, String milestone, LocalDate due, LocalDate met) {
    jdbc.sql("""
            insert into insight_deadline (case_id, milestone, due_on, met_on, missed)
            values (:c, :m, :d, :met, :missed)""")
        .param("c", caseId).param("m", milestone).param("d", due).param("met", met)
        .param("missed", met == null || met.isAfter(due)).update();
    changed();
  }

  public void escalation(UUID caseId, int rung, LocalDate raised) {
    jdbc.sql("insert into insight_escalation (case_id, watch, rung, raised_on) values (:c, 'PROBLEM_ANALYSIS', :r, :d)")
        .param("c", caseId).param("r", rung).param("d", raised).update();
    changed();
  }

  /** A sick period of a case (V42): its first day and the first day of full work (null while it runs). */
  public void sickPeriod(UUID caseId, LocalDate from, LocalDate recoveredOn) {
    jdbc.sql("insert into insight_sick_period (case_id, sick_from, recovered_on) values (:c, :f, :r)")
        .param("c", caseId).param("f", from).param("r", recoveredOn).update();
    changed();
  }

  /** The work capacity recorded for a case from a day on. */
  public void capacity(UUID caseId, LocalDate from, int pct) {
    jdbc.sql("insert into insight_work_capacity (case_id, from_on, pct) values (:c, :f, :p)")
        .param("c", caseId).param("f", from).param("p", pct).update();
    changed();
  }

  /** A team's population in the months from {@code first} to {@code last}. */
  public void population(String unit, String team, java.time.YearMonth first, java.time.YearMonth last,
      int headcount, String fte) {
    for (java.time.YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      jdbc.sql("""
              insert into insight_population (unit, team, month_start, headcount, fte)
              values (:u, :t, :m, :h, :f)""")
          .param("u", unit).param("t", team).param("m", month.atDay(1)).param("h", headcount)
          .param("f", new java.math.BigDecimal(fte)).update();
      changed();
    }
  }
}
