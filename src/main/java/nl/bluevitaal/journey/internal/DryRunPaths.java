package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.poortwachter.Milestone;

/**
 * The journey's paths, as the scenario tests ({@code ReintegrationJourneyScenarioTest}) walk them: what the people of
 * a case do, in order, and when. Each path ends with the journey ended; a draft that keeps a path from it is reported.
 */
final class DryRunPaths {

  /** One thing that happens to the case. */
  sealed interface Action permits Complete, Day, DeadlineDay, Recover, Relapse {
  }

  /** The named step is open and its person completes it with these answers. */
  record Complete(String step, Map<String, Object> outcome) implements Action {
  }

  /** Time passes to this many days after the first sick day. */
  record Day(int afterFirstSickDay) implements Action {
  }

  /** Time passes to this many days after (negative: before) a legal deadline of the case. */
  record DeadlineDay(Milestone milestone, int offset) implements Action {
  }

  /** The employee is fully recovered today. */
  record Recover() implements Action {
  }

  /** The employee is sick again today (within the relapse window, or while still sick). */
  record Relapse() implements Action {
  }

  record Path(String key, List<Action> actions) {
  }

  private static final Map<String, Object> NO_CONFLICT = Map.of(Var.WORK_CONFLICT, false,
      Var.EXPECTED_ABSENCE_WEEKS, 2L);

  private DryRunPaths() {
  }

  static List<Path> all() {
    return List.of(
        new Path("recoveryBeforeWeekSix", join(start(NO_CONFLICT), List.of(new Day(20), new Recover(), new Day(48)))),
        new Path("urgentIntakeAndCorrections", join(start(Map.of(Var.WORK_CONFLICT, true,
            Var.EXPECTED_ABSENCE_WEEKS, 20L)), List.of(
                complete(Element.TASK_URGENT_DOCTOR_CONTACT), complete(Element.TASK_OFFER_BUDDY),
                complete(Element.TASK_PROBLEM_ANALYSIS),
                complete(Element.TASK_REVIEW_PROBLEM_ANALYSIS, Var.CORRECTION_REQUESTED, true),
                complete(Element.TASK_PROBLEM_ANALYSIS),
                complete(Element.TASK_REVIEW_PROBLEM_ANALYSIS, Var.CORRECTION_REQUESTED, false),
                complete(Element.TASK_DRAFT_PLAN_OF_ACTION),
                complete(Element.TASK_AGREE_PLAN_EMPLOYEE, Var.PLAN_AGREED_BY_EMPLOYEE, true),
                complete(Element.TASK_AGREE_PLAN_LINE_MANAGER, Var.PLAN_AGREED_BY_LINE_MANAGER, false),
                complete(Element.TASK_DRAFT_PLAN_OF_ACTION),
                complete(Element.TASK_AGREE_PLAN_EMPLOYEE, Var.PLAN_AGREED_BY_EMPLOYEE, true),
                complete(Element.TASK_AGREE_PLAN_LINE_MANAGER, Var.PLAN_AGREED_BY_LINE_MANAGER, true),
                new Day(60), new Recover(), new Day(90)))),
        new Path("relapseWithinFourWeeks", join(toPlanOfAction(), List.of(new Day(40), new Recover(), new Day(50),
            new Relapse(), complete(Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE), planOfAction().get(0),
            planOfAction().get(1), planOfAction().get(2), new Day(80), new Recover(), new Day(110)))),
        new Path("relapseWhileSick", join(toSpoor1(), List.of(new Day(75), new Relapse(),
            complete(Element.TASK_UPDATE_ANALYSIS_WHILE_SICK), new Day(80), new Recover(), new Day(110)))),
        new Path("spoor1ToTheEnd", join(toFirstYearEvaluation(), List.of(
            complete(Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Var.DURABLE_FULL_INCAPACITY_EXPECTED, false),
            new Complete(Element.TASK_FIRST_YEAR_EVALUATION, Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, true,
                Var.WORK_CAPACITY_PCT, 60L))), finalStageToTheEnd())),
        new Path("spoor2AndWia", join(toFirstYearEvaluation(), List.of(
            complete(Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Var.DURABLE_FULL_INCAPACITY_EXPECTED, false),
            new Complete(Element.TASK_FIRST_YEAR_EVALUATION, Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, false,
                Var.WORK_CAPACITY_PCT, 0L)), complete(Element.TASK_START_SPOOR_2)), finalStageToTheEnd())),
        new Path("earlyIva", join(toFirstYearEvaluation(), List.of(
            complete(Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Var.DURABLE_FULL_INCAPACITY_EXPECTED, true),
            new Complete(Element.TASK_FIRST_YEAR_EVALUATION, Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, false,
                Var.WORK_CAPACITY_PCT, 0L)), complete(Element.TASK_DISCUSS_EARLY_IVA)), finalStageToTheEnd())));
  }

  /** The sick report passed on to the doctor, and the intake held. */
  private static List<Action> start(Map<String, Object> intake) {
    return List.of(complete(Element.TASK_REPORT_TO_COMPANY_DOCTOR), new Complete(Element.TASK_INTAKE, intake));
  }

  private static List<Action> toPlanOfAction() {
    return join(start(NO_CONFLICT), List.of(complete(Element.TASK_PROBLEM_ANALYSIS),
        complete(Element.TASK_REVIEW_PROBLEM_ANALYSIS, Var.CORRECTION_REQUESTED, false)));
  }

  private static List<Action> planOfAction() {
    return List.of(complete(Element.TASK_DRAFT_PLAN_OF_ACTION),
        complete(Element.TASK_AGREE_PLAN_EMPLOYEE, Var.PLAN_AGREED_BY_EMPLOYEE, true),
        complete(Element.TASK_AGREE_PLAN_LINE_MANAGER, Var.PLAN_AGREED_BY_LINE_MANAGER, true));
  }

  private static List<Action> toSpoor1() {
    return join(toPlanOfAction(), planOfAction());
  }

  private static List<Action> toFirstYearEvaluation() {
    return join(toSpoor1(), List.of(complete(Element.TASK_UWV_NOTIFICATION),
        new DeadlineDay(Milestone.FIRST_YEAR_EVALUATION, -48)));
  }

  /** Week 88 to week 104: the final stage, the WIA application, the end of wage payment. */
  private static List<Action> finalStageToTheEnd() {
    return List.of(new DeadlineDay(Milestone.FINAL_EVALUATION, -27), complete(Element.TASK_CURRENT_OPINION),
        complete(Element.TASK_FINAL_EVALUATION), complete(Element.TASK_COMPILE_REINTEGRATION_REPORT),
        complete(Element.TASK_WRITE_EMPLOYEE_VIEW), complete(Element.TASK_GIVE_MEDICAL_INFORMATION),
        complete(Element.TASK_WIA_APPLICATION), new DeadlineDay(Milestone.END_OF_WAGE_PAYMENT, 1));
  }

  private static Complete complete(String step) {
    return new Complete(step, Map.of());
  }

  private static Complete complete(String step, String variable, Object value) {
    return new Complete(step, Map.of(variable, value));
  }

  @SafeVarargs
  private static List<Action> join(List<? extends Action>... parts) {
    List<Action> all = new ArrayList<>();
    for (List<? extends Action> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
