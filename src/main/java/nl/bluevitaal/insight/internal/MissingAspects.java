package nl.bluevitaal.insight.internal;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the method expects of a case under guidance and a case can lack (insight.md, "missing aspects"), as SQL
 * conditions on the read model's case row {@code c}, stated once for every query that counts or lists them. Only a
 * case still under guidance is judged: open, and not recovered and watching for a relapse.
 *
 * <ul>
 *   <li>no evaluation in the last 6 weeks: the last evaluation (or the plan of action before the first one) lies more
 *       than 6 weeks back, or there is none while the employee is sick longer than the plan's 8 weeks and 6 more;</li>
 *   <li>no agreed goal: sick longer than the plan of action's 8 weeks and no goal agreed;</li>
 *   <li>no relapse-prevention plan shared: the (partial) return to work has begun and the employee shared none;</li>
 *   <li>no buddy: the intake recommended one and none is involved.</li>
 * </ul>
 */
public final class MissingAspects {

  /** A case the method still expects these of. */
  public static final String UNDER_GUIDANCE = "(c.closed_on is null and c.phase <> 'RELAPSE_WATCH')";
  public static final String NO_EVALUATION = "(c.last_evaluation_on < :evaluationCutoff"
      + " or (c.last_evaluation_on is null and c.first_sick_day < :firstEvaluationCutoff))";
  public static final String NO_GOAL = "(c.has_agreed_goal = false and c.first_sick_day < :planCutoff)";
  public static final String NO_RELAPSE_PLAN = "(c.relapse_plan_shared = false and c.first_return_on is not null)";
  public static final String NO_BUDDY = "(c.buddy_recommended = true and c.buddy_involved = false)";
  public static final String ANY = "(" + NO_EVALUATION + " or " + NO_GOAL + " or " + NO_RELAPSE_PLAN + " or "
      + NO_BUDDY + ")";

  static final int EVALUATION_DAYS = 42;
  static final int PLAN_DAYS = 56;

  private MissingAspects() {
  }

  /** The day parameters the conditions use, for a count made on {@code today}. */
  public static Map<String, Object> parameters(LocalDate today) {
    return Map.of(
        "evaluationCutoff", today.minusDays(EVALUATION_DAYS),
        "firstEvaluationCutoff", today.minusDays(PLAN_DAYS + EVALUATION_DAYS),
        "planCutoff", today.minusDays(PLAN_DAYS));
  }
}
