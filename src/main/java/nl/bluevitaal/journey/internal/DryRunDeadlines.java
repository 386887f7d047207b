package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.function.Function;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * {@code journeyDeadlines} in a dry run: the methods of {@link JourneyDeadlines} for the synthetic case, with the
 * same planning ({@link JourneyDeadlines#plannedDueOn}, {@link JourneyDeadlines#windowOpensOn}) on the real deadline
 * engine's dates. Public because the draft calls it through expressions.
 */
public final class DryRunDeadlines {

  private final Function<String, DryRunCase> cases;
  private final Clock clock;
  private final JourneyProperties properties;
  private final DeadlineEngine engine;
  private final DryRunWatches watches;

  DryRunDeadlines(Function<String, DryRunCase> cases, Clock clock, JourneyProperties properties,
      DeadlineEngine engine, DryRunWatches watches) {
    this.cases = cases;
    this.clock = clock;
    this.properties = properties;
    this.engine = engine;
    this.watches = watches;
  }

  public Date due(String caseId, String milestone) {
    return startOf(dueOn(caseId, Milestone.valueOf(milestone)).plusDays(1));
  }

  public Date stepDue(DelegateExecution execution) {
    Milestone milestone = StepModel.deadline((BaseElement) execution.getBpmnModelElementInstance())
        .orElseThrow(() -> new IllegalStateException(execution.getCurrentActivityId() + " has no deadline property"));
    String caseId = (String) execution.getVariable(ReintegrationJourneyProcess.Var.CASE_ID);
    LocalDate released = cases.apply(caseId).metOn(Milestone.PROBLEM_ANALYSIS).orElse(null);
    return endOf(JourneyDeadlines.plannedDueOn(properties, execution.getCurrentActivityId(), milestone,
        dueOn(caseId, milestone), released));
  }

  public Date evaluationDue(String caseId, String guidanceIntensity) {
    return daysFromNow(ReintegrationJourneyProcess.Intensity.INTENSIVE.equals(guidanceIntensity)
        ? properties.intensiveEvaluationIntervalDays() : properties.evaluationIntervalDays());
  }

  public Date watchDue(String caseId, String watch) {
    return endOf(watches.dueOn(caseId, Watch.of(watch), null));
  }

  public Date windowOpens(String caseId, String milestone) {
    Milestone deadline = Milestone.valueOf(milestone);
    return startOf(JourneyDeadlines.windowOpensOn(properties, engine, deadline, dueOn(caseId, deadline)));
  }

  public Date recoveryReportDue() {
    return daysFromNow(properties.recoveryReportDays());
  }

  public Date daysFromNow(long days) {
    return Date.from(clock.instant().plus(Duration.ofDays(days)));
  }

  public Date relapseWatchEnds(String caseId) {
    return startOf(cases.apply(caseId).relapseWindowEnd());
  }

  private LocalDate dueOn(String caseId, Milestone milestone) {
    return cases.apply(caseId).dueDate(milestone)
        .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no " + milestone + " deadline"));
  }

  private Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(clock.getZone()).toInstant());
  }

  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }
}
