package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Dates for the models' timers and due dates, read from the case file (which the deadline engine filled). The model
 * never holds a date or a P6W-style duration: a timer that reads the case file is right again after a relapse moved
 * the deadlines, as soon as the waiting state is entered anew.
 *
 * <p>A deadline is the LAST day of week N, so a step is late only once that day has passed: {@link #due} is the
 * start of the next day (local time of the {@link Clock}), and a step's due date ({@link #endOf}) is the last minute of
 * its due day.
 * Public because the models call it through expressions.
 */
@Component("journeyDeadlines")
public class JourneyDeadlines {

  private final CaseRegistry registry;
  private final Clock clock;
  private final JourneyProperties properties;
  private final DeadlineEngine engine;
  private final JourneyWatches watches;

  JourneyDeadlines(CaseRegistry registry, Clock clock, JourneyProperties properties, DeadlineEngine engine,
      @Lazy JourneyWatches watches) {
    this.registry = registry;
    this.clock = clock;
    this.properties = properties;
    this.engine = engine;
    this.watches = watches;
  }

  /** The moment the deadline has passed: the start of the day after the due day. */
  public Date due(String caseId, String milestone) {
    return startOf(dueOn(caseId, milestone).plusDays(1));
  }

  /** The end of a due day, as a task's due date. */
  Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(clock.getZone()).toInstant());
  }

  /**
   * The due date of the step the execution is at, planned back from the legal deadline its {@code deadline} property
   * names (the model states it once; the catalogue reads the same property) so that what follows the step still fits
   * before the deadline: see {@link #plannedDueOn}.
   */
  public Date stepDue(DelegateExecution execution) {
    Milestone milestone = StepModel.deadline((BaseElement) execution.getBpmnModelElementInstance())
        .orElseThrow(() -> new IllegalStateException(execution.getCurrentActivityId() + " has no deadline property"));
    UUID caseId = UUID.fromString((String) execution.getVariable(ReintegrationJourneyProcess.Var.CASE_ID));
    return endOf(plannedDueOn(caseId, execution.getCurrentActivityId(), milestone));
  }

  /**
   * The day a step is due, planned back from its legal deadline (offsets in {@link JourneyProperties}): the doctor's
   * analysis leaves the employee's review before week 6; the plan of action is due within two weeks of the released
   * analysis and by week 8, its draft early enough for both signatures; the doctor's advice comes before the
   * first-year evaluation, the current opinion before the final evaluation, the parts of the re-integration report
   * before the WIA application. A step without an offset is due on the deadline itself.
   */
  LocalDate plannedDueOn(UUID caseId, String stepKey, Milestone milestone) {
    LocalDate deadline = registry.dueDate(caseId, milestone)
        .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no " + milestone + " deadline"));
    LocalDate analysisReleased = milestone != Milestone.PLAN_OF_ACTION ? null : registry.deadlines(caseId).stream()
        .filter(d -> d.milestone() == Milestone.PROBLEM_ANALYSIS).map(CaseDeadline::metOn).filter(Objects::nonNull)
        .findFirst().orElse(null);
    return plannedDueOn(properties, stepKey, milestone, deadline, analysisReleased);
  }

  /** The planning of {@link #plannedDueOn(UUID, String, Milestone)} for a case known by its dates (a dry run's). */
  static LocalDate plannedDueOn(JourneyProperties properties, String stepKey, Milestone milestone, LocalDate deadline,
      LocalDate analysisReleased) {
    if (milestone == Milestone.PLAN_OF_ACTION && analysisReleased != null
        && analysisReleased.plusDays(properties.planWithinDaysOfAnalysis()).isBefore(deadline)) {
      deadline = analysisReleased.plusDays(properties.planWithinDaysOfAnalysis());
    }
    int before = switch (stepKey) {
      case Element.TASK_PROBLEM_ANALYSIS -> properties.analysisReviewDays();
      case Element.TASK_DRAFT_PLAN_OF_ACTION -> properties.planSigningDays();
      case Element.TASK_DOCTOR_FIRST_YEAR_ADVICE -> properties.doctorAdviceDaysBeforeFirstYearEvaluation();
      case Element.TASK_CURRENT_OPINION -> properties.currentOpinionDaysBeforeFinalEvaluation();
      case Element.TASK_COMPILE_REINTEGRATION_REPORT, Element.TASK_WRITE_EMPLOYEE_VIEW,
          Element.TASK_GIVE_MEDICAL_INFORMATION -> properties.reintegrationReportDaysBeforeWiaApplication();
      default -> 0;
    };
    return deadline.minusDays(before);
  }

  /** The evaluation step's due date: sooner under intensive guidance; the watch keeps the legal interval. */
  public Date evaluationDue(String caseId, String guidanceIntensity) {
    return daysFromNow(ReintegrationJourneyProcess.Intensity.INTENSIVE.equals(guidanceIntensity)
        ? properties.intensiveEvaluationIntervalDays() : properties.evaluationIntervalDays());
  }

  /** The due date of a step whose deadline the law counts from an event (report to the doctor, spoor-2 start). */
  public Date watchDue(String caseId, String watch) {
    return endOf(watches.dueOn(caseId, Watch.of(watch), null));
  }

  /**
   * The start of the first day of the week in which a window opens: week 46 for the first-year evaluation, week 88
   * for the final stage (configuration), counted back from the deadline so that extensions and relapses move it too.
   */
  public Date windowOpens(String caseId, String milestone) {
    return startOf(windowOpensOn(properties, engine, Milestone.valueOf(milestone), dueOn(caseId, milestone)));
  }

  /** The first day of the week in which the window before {@code deadline} (falling on {@code dueOn}) opens. */
  static LocalDate windowOpensOn(JourneyProperties properties, DeadlineEngine engine, Milestone deadline,
      LocalDate dueOn) {
    int opensWeek = switch (deadline) {
      case FIRST_YEAR_EVALUATION -> properties.firstYearEvaluationOpensWeek();
      case FINAL_EVALUATION -> properties.finalStageOpensWeek();
      default -> throw new IllegalArgumentException("No window before " + deadline);
    };
    int deadlineWeek = engine.weeks().weeksFor(deadline);
    // The deadline is the last day of its week, the window opens on the first day of its own week.
    return dueOn.minusDays(7L * (deadlineWeek - opensWeek) + 6);
  }

  /** The recovery report to UWV after full recovery. */
  public Date recoveryReportDue() {
    return daysFromNow(properties.recoveryReportDays());
  }

  /** Now plus a number of days (P{days}D, never weeks: P6W is not 42 days in Camunda 7). */
  public Date daysFromNow(long days) {
    return Date.from(clock.instant().plus(Duration.ofDays(days)));
  }

  /**
   * The end of the relapse watch: a relapse from this day on starts a new case (the case file says when: 28 days
   * after recovery, longer when pregnancy and birth leave began on the day of recovery).
   */
  public Date relapseWatchEnds(String caseId) {
    return startOf(registry.relapseWindowEnd(UUID.fromString(caseId)));
  }

  private LocalDate dueOn(String caseId, String milestone) {
    return registry.dueDate(UUID.fromString(caseId), Milestone.valueOf(milestone))
        .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no " + milestone + " deadline"));
  }

  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }
}
