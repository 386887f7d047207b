package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the application what its engine does, as {@link JourneyEvents}: every user task of every model opened and
 * ended, the intake's routing, how a case's journey ended. Listeners added when a model is parsed, so a model a
 * process owner deploys needs nothing of its own, and only on this engine: the dry run builds an engine of its own
 * without this plugin, and the decision bench evaluates decisions, not processes, so neither publishes. Published in
 * the engine's command, which runs in Spring's transaction: what the listeners do commits or rolls back with it.
 * Times are kept to the second: the engine's history (from which the read model is rebuilt) takes its own reading of
 * the clock.
 */
@Component
class JourneyEventsPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationEventPublisher events;
  private final Clock clock;

  JourneyEventsPlugin(ApplicationEventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener opened = this::opened;
    TaskListener completed = task -> ended(task, true);
    TaskListener cancelled = task -> ended(task, false);
    ExecutionListener routed = this::routed;
    ExecutionListener caseEnded = this::caseEnded;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, opened);
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_DELETE, cancelled);
        }
      }

      @Override
      public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (ReintegrationJourneyProcess.Element.TASK_ROUTE_INTAKE.equals(activity.getId()) && ofJourney(activity)) {
          activity.addListener(ExecutionListener.EVENTNAME_END, routed);
        }
      }

      @Override
      public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (JourneyOutcomes.endsCase(activity.getId()) && ofJourney(activity)
            && scope instanceof ProcessDefinitionEntity) {
          activity.addListener(ExecutionListener.EVENTNAME_END, caseEnded);
        }
      }
    });
  }

  private static boolean ofJourney(ActivityImpl activity) {
    return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
        && ReintegrationJourneyProcess.PROCESS_KEY.equals(definition.getKey());
  }

  private void opened(DelegateTask task) {
    UUID caseId = caseId(task.getExecution());
    if (caseId != null) {
      events.publishEvent(new JourneyEvents.StepOpened(task.getId(), caseId, processKey(task),
          task.getTaskDefinitionKey(), second(task.getCreateTime()), day(task.getDueDate())));
    }
  }

  private void ended(DelegateTask task, boolean completed) {
    UUID caseId = caseId(task.getExecution());
    if (caseId != null) {
      events.publishEvent(new JourneyEvents.StepEnded(task.getId(), caseId, processKey(task),
          task.getTaskDefinitionKey(), second(task.getCreateTime()), day(task.getDueDate()),
          second(ClockUtil.getCurrentTime()), completed));
    }
  }

  /** Only what insight may know: the urgent doctor contact, close to medical, stays in the engine. */
  private void routed(DelegateExecution execution) {
    UUID caseId = caseId(execution);
    Object intensity = execution.getVariable(Var.GUIDANCE_INTENSITY);
    if (caseId != null && intensity != null) {
      events.publishEvent(new JourneyEvents.IntakeRouted(caseId, intensity.toString(),
          Boolean.TRUE.equals(execution.getVariable(Var.OFFER_BUDDY))));
    }
  }

  private void caseEnded(DelegateExecution execution) {
    UUID caseId = caseId(execution);
    if (caseId == null) {
      return;
    }
    // The WIA application was completed in a command before this one (week 104 is a timer of its own), so the
    // engine's history holds it.
    boolean wiaApplied = execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ReintegrationJourneyProcess.Element.TASK_WIA_APPLICATION).taskDeleteReason("completed")
        .count() > 0;
    events.publishEvent(new JourneyEvents.CaseEnded(caseId, JourneyOutcomes.of(execution.getCurrentActivityId(),
        (String) execution.getVariable(Var.NEXT_TRACK), wiaApplied), LocalDate.now(clock)));
  }

  private static String processKey(DelegateTask task) {
    String definitionId = task.getProcessDefinitionId();
    return definitionId == null ? "" : definitionId.substring(0, definitionId.indexOf(':') < 0
        ? definitionId.length() : definitionId.indexOf(':'));
  }

  private static UUID caseId(DelegateExecution execution) {
    String key = execution == null ? null : execution.getProcessBusinessKey();
    try {
      return key == null ? null : UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Instant second(Date date) {
    return date.toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  private LocalDate day(Date date) {
    return date == null ? null : LocalDate.ofInstant(date.toInstant(), clock.getZone());
  }
}
