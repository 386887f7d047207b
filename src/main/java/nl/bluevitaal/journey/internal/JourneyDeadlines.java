package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;

/**
 * Dates for the models' timers and due dates, read from the case file (which the deadline engine filled). The model
 * never holds a date or a P6W-style duration: a timer that reads the case file is right again after a relapse moved
 * the deadlines, as soon as the waiting state is entered anew.
 *
 * <p>A deadline is the LAST day of week N, so a step is late only once that day has passed: {@link #due} is the
 * start of the next day (local time of the {@link Clock}), and {@link #taskDue} is the last minute of the deadline day.
 * Public because the models call it through expressions.
 */
@Component("journeyDeadlines")
public class JourneyDeadlines {

  private final CaseRegistry registry;
  private final Clock clock;

  JourneyDeadlines(CaseRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** The moment the deadline has passed: the start of the day after the due day. */
  public Date due(String caseId, String milestone) {
    return startOf(dueOn(caseId, milestone).plusDays(1));
  }

  /** The due date shown on a task: the end of the due day. */
  public Date taskDue(String caseId, String milestone) {
    return Date.from(dueOn(caseId, milestone).atTime(LocalTime.of(23, 59)).atZone(clock.getZone()).toInstant());
  }

  /**
   * The due date of the step the execution is at: the end of the day of the legal deadline its {@code deadline}
   * property names (the model states it once; the catalogue reads the same property).
   */
  public Date stepDue(DelegateExecution execution) {
    Milestone milestone = StepModel.deadline((BaseElement) execution.getBpmnModelElementInstance())
        .orElseThrow(() -> new IllegalStateException(execution.getCurrentActivityId() + " has no deadline property"));
    return taskDue((String) execution.getVariable(ReintegrationJourneyProcess.Var.CASE_ID), milestone.name());
  }

  /** The start of the day {@code days} before the due day: opens the window in which a step may be taken. */
  public Date before(String caseId, String milestone, long days) {
    return startOf(dueOn(caseId, milestone).minusDays(days));
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
