package nl.bluevitaal.journey.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/**
 * The deadlines a {@code MilestoneWatch} keeps, by the name the model and the decision {@code EscalationLadder} use:
 * the legal milestones of the deadline engine, plus the ones the law counts from an event (the report to the company
 * doctor in week 1, an evaluation at least every six weeks, the start of spoor 2 after the first-year evaluation).
 */
enum Watch {
  REPORT_TO_COMPANY_DOCTOR(null, Element.TASK_REPORT_TO_COMPANY_DOCTOR),
  PROBLEM_ANALYSIS(Milestone.PROBLEM_ANALYSIS, null),
  PLAN_OF_ACTION(Milestone.PLAN_OF_ACTION, null),
  EVALUATION(null, Element.TASK_EVALUATION),
  UWV_NOTIFICATION(Milestone.UWV_NOTIFICATION, null),
  FIRST_YEAR_EVALUATION(Milestone.FIRST_YEAR_EVALUATION, null),
  SPOOR_2_START(null, Element.TASK_START_SPOOR_2),
  FINAL_EVALUATION(Milestone.FINAL_EVALUATION, null),
  WIA_APPLICATION(Milestone.WIA_APPLICATION, null);

  /** Watched from the first day of guidance, whatever the state of the steps. */
  static final List<Watch> FROM_THE_START = List.of(REPORT_TO_COMPANY_DOCTOR, PROBLEM_ANALYSIS, PLAN_OF_ACTION,
      UWV_NOTIFICATION, FIRST_YEAR_EVALUATION, FINAL_EVALUATION, WIA_APPLICATION);

  private final Milestone milestone;
  private final String step;

  Watch(@Nullable Milestone milestone, @Nullable String step) {
    this.milestone = milestone;
    this.step = step;
  }

  /** The legal milestone of the deadline engine, for the watches the case file dates. */
  Optional<Milestone> milestone() {
    return Optional.ofNullable(milestone);
  }

  /** The step whose completion meets a watch the case file does not date. */
  @Nullable
  String step() {
    return step;
  }

  /** Evaluations recur: the watch arms itself anew each time one is held. */
  boolean recurs() {
    return this == EVALUATION;
  }

  static Watch of(String name) {
    return Arrays.stream(values()).filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No watched deadline " + name));
  }
}
