package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.StepCatalogue;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The journey's answer to what the case file records outside the planned steps, in the recording's own transaction:
 * a full recovery stops the journey for the relapse watch, a relapse resumes it or asks for an updated analysis, a
 * partial return to work asks for an adjusted plan, and moved deadlines re-arm every waiting timer and move the due
 * dates of the open steps they bind.
 */
@Component
class JourneyReactions {

  private static final Logger log = LoggerFactory.getLogger(JourneyReactions.class);

  private final CaseRegistry registry;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final Clock clock;
  private final StepCatalogue catalogue;
  private final JourneyDeadlines deadlines;

  JourneyReactions(CaseRegistry registry, RuntimeService runtimeService, ManagementService managementService,
      TaskService taskService, Clock clock, StepCatalogue catalogue, JourneyDeadlines deadlines) {
    this.catalogue = catalogue;
    this.deadlines = deadlines;
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.clock = clock;
  }

  @EventListener
  void fullRecovery(CaseFileEvents.FullRecoveryReported event) {
    correlate(event.caseId(), ReintegrationJourneyProcess.MESSAGE_FULL_RECOVERY, true);
  }

  @EventListener
  void relapse(CaseFileEvents.RelapseJoined event) {
    correlate(event.caseId(), ReintegrationJourneyProcess.MESSAGE_RELAPSE, true);
  }

  @EventListener
  void partialRecovery(CaseFileEvents.WorkCapacityRecorded event) {
    correlate(event.caseId(), ReintegrationJourneyProcess.MESSAGE_PARTIAL_RECOVERY, false);
  }

  /**
   * The journey's timers re-read their dates and every open step tied to a moved deadline gets its new planned due
   * date. A watch whose deadline now lies ahead again arms itself anew (its warnings follow the new date, an
   * escalation of the old date ends); a watch whose deadline is still past keeps climbing its ladder.
   */
  @EventListener
  void deadlinesMoved(CaseFileEvents.DeadlinesMoved event) {
    UUID caseId = event.caseId();
    LocalDate today = LocalDate.now(clock);
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId.toString()).processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY)
        .list()) {
      for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        // Re-evaluates the timer's own expression (journeyDeadlines.windowOpens(caseId, ...)) against the moved dates.
        managementService.recalculateJobDuedate(timer.getId(), false);
      }
      for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
        catalogue.deadline(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
            .filter(milestone -> registry.dueDate(caseId, milestone).isPresent())
            .map(milestone -> deadlines.plannedDueOn(caseId, task.getTaskDefinitionKey(), milestone))
            .ifPresent(due -> {
              task.setDueDate(deadlines.endOf(due));
              taskService.saveTask(task);
            });
      }
    }
    for (ProcessInstance watch : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId.toString())
        .processDefinitionKey(ReintegrationJourneyProcess.WATCH_PROCESS_KEY).list()) {
      Watch kept = Watch.of((String) runtimeService.getVariable(watch.getId(), Var.MILESTONE));
      boolean armed = runtimeService.createEventSubscriptionQuery().processInstanceId(watch.getId())
          .eventName(ReintegrationJourneyProcess.MESSAGE_DEADLINE_MOVED).count() > 0;
      if (armed && !kept.recurs() && kept.milestone().flatMap(m -> registry.dueDate(caseId, m))
          .filter(due -> !due.isBefore(today)).isPresent()) {
        runtimeService.createMessageCorrelation(ReintegrationJourneyProcess.MESSAGE_DEADLINE_MOVED)
            .processInstanceId(watch.getId()).correlateWithResult();
      }
    }
  }

  private void correlate(UUID caseId, String message, boolean required) {
    int correlated = runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseId.toString())
        .correlateAllWithResult().size();
    if (correlated == 0) {
      if (required) {
        throw new InvalidStateException("The journey of this case does not take this now (" + message + ").");
      }
      log.info("Case {}: {} recorded, the journey is not in a state that reacts to it", caseId, message);
    }
  }
}
