package nl.bluevitaal.journey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseSummary;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to the employee outside the planned steps: full recovery, a relapse, partial return to work. Each
 * use case first records the fact in the case file, then tells the journey, in one transaction.
 */
@Service
@Transactional
public class JourneyEvents {

  private static final Logger log = LoggerFactory.getLogger(JourneyEvents.class);

  /** Steps whose due date is a legal deadline. */
  private static final Map<String, Milestone> STEP_DEADLINES = Map.of(
      Element.TASK_PROBLEM_ANALYSIS, Milestone.PROBLEM_ANALYSIS,
      Element.TASK_DRAFT_PLAN_OF_ACTION, Milestone.PLAN_OF_ACTION,
      Element.TASK_AGREE_PLAN_EMPLOYEE, Milestone.PLAN_OF_ACTION,
      Element.TASK_AGREE_PLAN_LINE_MANAGER, Milestone.PLAN_OF_ACTION,
      Element.TASK_UWV_NOTIFICATION, Milestone.UWV_NOTIFICATION,
      Element.TASK_FIRST_YEAR_EVALUATION, Milestone.FIRST_YEAR_EVALUATION,
      Element.TASK_CURRENT_OPINION, Milestone.FINAL_EVALUATION,
      Element.TASK_FINAL_EVALUATION, Milestone.FINAL_EVALUATION,
      Element.TASK_WIA_APPLICATION, Milestone.WIA_APPLICATION);

  private final CaseRegistry registry;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final Clock clock;

  JourneyEvents(CaseRegistry registry, RuntimeService runtimeService, ManagementService managementService,
      TaskService taskService, Clock clock) {
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.clock = clock;
  }

  /** Full recovery: the journey stops and a 28-day relapse watch starts. */
  public void fullRecovery(UUID caseId, LocalDate recoveredOn) {
    registry.reportFullRecovery(caseId, recoveredOn);
    correlate(caseId, ReintegrationJourneyProcess.MESSAGE_FULL_RECOVERY, true);
  }

  /**
   * The employee reports sick again. Still sick: the company doctor updates the analysis. Within 28 days of full
   * recovery: the same case resumes with its open deadlines moved. Later: a new case with a new journey.
   *
   * @return the case that holds the relapse
   */
  public UUID relapse(UUID employeeId, LocalDate sickFrom) {
    CaseSummary latest = registry.casesOfEmployee(employeeId).stream().findFirst().orElse(null);
    UUID caseId = registry.reportRelapse(employeeId, sickFrom);
    if (latest != null && latest.id().equals(caseId)) {
      correlate(caseId, ReintegrationJourneyProcess.MESSAGE_RELAPSE, true);
    }
    return caseId;
  }

  /** Partial return to work: the journey goes on, the counsellor adjusts the plan. */
  public void partialRecovery(UUID caseId, int workCapacityPct) {
    partialRecovery(caseId, workCapacityPct, registry.get(caseId).version());
  }

  /** As {@link #partialRecovery(UUID, int)}, refused with StaleCaseException when the case changed since read. */
  public void partialRecovery(UUID caseId, int workCapacityPct, int expectedVersion) {
    registry.recordWorkCapacity(caseId, workCapacityPct, expectedVersion);
    correlate(caseId, ReintegrationJourneyProcess.MESSAGE_PARTIAL_RECOVERY, false);
  }

  /**
   * Wage payment is extended: voluntarily (moves the final evaluation, the WIA application and the end of wage
   * payment) or by a UWV wage sanction (moves only the end). The case file recomputes the deadlines; every waiting
   * timer of the case re-reads its date from it and every open step tied to a moved deadline gets its new due date.
   */
  public void wagePaymentExtended(UUID caseId, int voluntaryExtensionWeeks, int wageSanctionWeeks,
      int expectedVersion) {
    registry.recordWagePaymentExtension(caseId, voluntaryExtensionWeeks, wageSanctionWeeks, expectedVersion);
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId.toString()).list()) {
      for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        // Re-evaluates the timer's own expression (journeyDeadlines.due(caseId, ...)) against the moved deadlines.
        managementService.recalculateJobDuedate(timer.getId(), false);
      }
      for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
        Milestone milestone = STEP_DEADLINES.get(task.getTaskDefinitionKey());
        if (milestone != null) {
          registry.dueDate(caseId, milestone).ifPresent(due -> {
            task.setDueDate(Date.from(due.atTime(LocalTime.of(23, 59)).atZone(clock.getZone()).toInstant()));
            taskService.saveTask(task);
          });
        }
      }
    }
  }

  private void correlate(UUID caseId, String message, boolean required) {
    int correlated = runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseId.toString())
        .correlateAllWithResult().size();
    if (correlated == 0) {
      if (required) {
        throw new IllegalStateException("The journey of case " + caseId + " does not wait for " + message);
      }
      log.info("Case {}: {} recorded, the journey is not in a state that reacts to it", caseId, message);
    }
  }
}
