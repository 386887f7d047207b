package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What {@code MilestoneWatch} asks about the deadline it keeps, and how the journey's steps tell it the deadline was
 * met. A watch is armed from the first day of guidance, apart from the steps, so a late step never leaves a later
 * deadline unwatched; its warnings go to the person the decision {@code EscalationLadder} names for rung 0, its
 * escalations up the rungs of the same table. Public because the models call it through expressions.
 */
@Component("journeyWatches")
public class JourneyWatches {

  /** The rung of the ladder that names who is warned ahead of a deadline: the person responsible for the step. */
  static final int WARNING_RUNG = 0;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

  private final CaseRegistry registry;
  private final DeadlineEngine engine;
  private final JourneyProperties properties;
  private final JourneyPeople people;
  private final Notices notices;
  private final MessageSource messages;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final EscalationLadder ladder;
  private final ApplicationEventPublisher events;
  /** Per model version and waiting activity: whether it is a timer after which the watch looks for a later date. */
  private final Map<String, Boolean> plansAgain = new ConcurrentHashMap<>();

  JourneyWatches(CaseRegistry registry, DeadlineEngine engine, JourneyProperties properties, JourneyPeople people,
      Notices notices, MessageSource messages, Clock clock, RuntimeService runtimeService,
      RepositoryService repositoryService, HistoryService historyService, TaskService taskService,
      EscalationLadder ladder, ApplicationEventPublisher events) {
    this.repositoryService = repositoryService;
    this.events = events;
    this.registry = registry;
    this.engine = engine;
    this.properties = properties;
    this.people = people;
    this.notices = notices;
    this.messages = messages;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.ladder = ladder;
  }

  /** The watches of {@code CallActivity_WatchMilestones}, one per legal deadline, in legal order. */
  public List<String> legalWatches() {
    return Watch.FROM_THE_START.stream().map(Watch::name).toList();
  }

  /** Whether the deadline was already met (a watch armed after a relapse skips it). A recurring one never is. */
  public boolean met(String caseId, String watch) {
    Watch kept = Watch.of(watch);
    if (kept.recurs()) {
      return false;
    }
    UUID id = UUID.fromString(caseId);
    if (kept.milestone().isPresent()) {
      return registry.deadlines(id).stream().anyMatch(d -> d.milestone() == kept.milestone().get()
          && d.metOn() != null);
    }
    // Completed, not merely ended: a step cancelled by a recovery is still to be done after the relapse.
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(kept.step()).taskDeleteReason("completed").count() > 0;
  }

  public boolean recurs(String watch) {
    return Watch.of(watch).recurs();
  }

  /** When warning {@code number} (1 or 2) falls due: the configured days before the deadline, at the start of day. */
  public Date warningAt(DelegateExecution execution, int number) {
    LocalDate due = dueOn(execution);
    return startOf(due.minusDays(properties.warningDays().get(number - 1)));
  }

  /** The moment the deadline has passed: the start of the day after it. */
  public Date due(DelegateExecution execution) {
    return startOf(dueOn(execution).plusDays(1));
  }

  /**
   * Sends warning {@code number} to whom the ladder's rung 0 names, unless the deadline has passed already or the next
   * warning is due as well (a watch armed late sends one warning, not two at once).
   */
  public void warn(DelegateExecution execution, int number) {
    LocalDate due = dueOn(execution);
    LocalDate today = LocalDate.now(clock);
    long daysLeft = ChronoUnit.DAYS.between(today, due);
    List<Integer> leads = properties.warningDays();
    if (daysLeft < 0 || (number < leads.size() && daysLeft <= leads.get(number))) {
      return;
    }
    String caseId = caseId(execution);
    String title = messages.getMessage("journey.watch.warning", new Object[] {name(execution), daysLeft,
        DAY.format(due)}, Locale.forLanguageTag("nl"));
    for (String user : recipients(caseId, watch(execution).name(), WARNING_RUNG)) {
      notices.send(new Notice(user, UUID.fromString(caseId), Notice.Kind.DEADLINE_WARNING, title, due));
    }
    raised(caseId, watch(execution), WARNING_RUNG);
  }

  /** Insight hears of every warning sent (rung 0) and every rung climbed, on the day it happened. */
  void raised(String caseId, Watch watch, int rung) {
    events.publishEvent(new JourneyEvents.EscalationRaised(UUID.fromString(caseId), watch.name(),
        watch.milestone().map(Enum::name).orElse(null), rung, LocalDate.now(clock)));
  }

  /**
   * A step met its deadline: the case file records it (for a legal milestone) and the watch of the case that keeps it
   * ends, or, for evaluations, arms itself for the next one.
   */
  public void reached(String caseId, String watch) {
    Watch kept = Watch.of(watch);
    kept.milestone().ifPresent(milestone -> registry.markDeadlineMet(UUID.fromString(caseId), milestone));
    if (kept.recurs()) {
      reachedAgain(caseId, kept);
      return;
    }
    runtimeService.createMessageCorrelation(ReintegrationJourneyProcess.MESSAGE_DEADLINE_MET)
        .processInstanceBusinessKey(caseId).processInstanceVariableEquals(Var.MILESTONE, kept.name())
        .correlateAllWithResult();
  }

  /**
   * An evaluation held while its watch still waits for a warning or the deadline is not told to the watch: the watch
   * finds the later date itself when its timer goes off ({@link #movedLater}) and plans again. Telling it at every
   * evaluation tore the watch down and armed it anew, about a third of what a step's completion cost the database
   * (issue 13's measurements). A watch on its ladder (the evaluation came late) is told, and its escalation ends; so is
   * a watch whose model does not plan again by itself (a version deployed before, or a process owner's own), which
   * would otherwise warn on the old date.
   */
  private void reachedAgain(String caseId, Watch kept) {
    Map<String, List<ExecutionEntity>> watches = new HashMap<>();
    for (Execution execution : runtimeService.createExecutionQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey(ReintegrationJourneyProcess.WATCH_PROCESS_KEY)
        .processVariableValueEquals(Var.MILESTONE, kept.name()).list()) {
      watches.computeIfAbsent(execution.getProcessInstanceId(), id -> new ArrayList<>())
          .add((ExecutionEntity) execution);
    }
    watches.forEach((instanceId, executions) -> {
      // Where the watch waits: its executions that hold no other (a scope's own execution stands for the scope).
      Set<String> parents = executions.stream().map(ExecutionEntity::getParentId).filter(Objects::nonNull)
          .collect(Collectors.toSet());
      boolean plansAgain = executions.stream().filter(execution -> !parents.contains(execution.getId()))
          .allMatch(waiting -> waiting.getActivityId() != null
              && plansAgainAfter(waiting.getProcessDefinitionId(), waiting.getActivityId()));
      if (!plansAgain) {
        runtimeService.createMessageCorrelation(ReintegrationJourneyProcess.MESSAGE_DEADLINE_MET)
            .processInstanceId(instanceId).correlateWithResult();
      }
    });
  }

  /**
   * Whether the watch's timer {@code activityId} in this model version is followed by a gateway that plans again
   * when the deadline moved later ({@code journeyWatches.movedLater}). Read from the deployed model itself, so a
   * version without it is told of every evaluation as before.
   */
  private boolean plansAgainAfter(String definitionId, String activityId) {
    return plansAgain.computeIfAbsent(definitionId + "/" + activityId, key -> {
      ModelElementInstance element = repositoryService.getBpmnModelInstance(definitionId)
          .getModelElementById(activityId);
      if (!(element instanceof IntermediateCatchEvent timer)
          || timer.getEventDefinitions().stream().noneMatch(TimerEventDefinition.class::isInstance)) {
        return false;
      }
      return timer.getOutgoing().stream().map(SequenceFlow::getTarget)
          .filter(ExclusiveGateway.class::isInstance)
          .flatMap(gateway -> gateway.getOutgoing().stream())
          .map(SequenceFlow::getConditionExpression).filter(Objects::nonNull)
          .anyMatch(condition -> condition.getTextContent().replace(" ", "").contains("journeyWatches.movedLater("));
    });
  }

  /**
   * Whether the moment a watch's timer waited for (warning 1 or 2, or 0: the deadline passed) now falls later than
   * when it went off: then the watch plans again from the new date. Only a recurring deadline moves so, silently (an
   * evaluation held starts the next six weeks); a legal deadline that moves tells its watch ({@code
   * Message_DeadlineMoved}), and its dates are taken as they were armed.
   */
  public boolean movedLater(DelegateExecution execution, int number) {
    if (!watch(execution).recurs()) {
      return false;
    }
    Date moment = number == 0 ? due(execution) : warningAt(execution, number);
    return moment.toInstant().isAfter(clock.instant());
  }

  /** The recurring evaluation, the escalations of deadlines (their steps are listed themselves), the closing step. */
  private static final Set<String> IGNORED_AT_END = Set.of(Element.TASK_EVALUATION,
      Element.TASK_HANDLE_OVERDUE_DEADLINE, Element.TASK_CLOSE_OPEN_STEPS_AT_END);

  /**
   * Names an escalation step after the deadline it is about ("Termijn verstreken: Probleemanalyse (15 februari
   * 2026)"), so a task list with several escalations says which is which.
   */
  public void nameEscalation(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    task.setName(messages.getMessage("journey.watch.taskName", new Object[] {name(execution),
        DAY.format(dueOn(execution))}, Locale.forLanguageTag("nl")));
  }

  /** Whether steps other than the recurring evaluation are open when wage payment ends (week 104). */
  public boolean stepsOpenAtEnd(DelegateExecution execution) {
    return !openStepNamesAtEnd(execution.getProcessBusinessKey()).isEmpty();
  }

  /** The names of the steps still open at week 104, other than the evaluation and the closing step itself. */
  List<String> openStepNamesAtEnd(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .filter(task -> !IGNORED_AT_END.contains(task.getTaskDefinitionKey()))
        .map(task -> task.getName()).toList();
  }

  /** The users whom the ladder names for the rung: the people of the case in that role. */
  List<String> recipients(String caseId, String watch, int rung) {
    return people.escalationUsers(caseId, rungOf(watch, rung).escalateTo());
  }

  /** The ladder's answer for a watched deadline and a rung (0: the warning ahead; 1 and up: after a miss). */
  Rung rungOf(String watch, int rung) {
    return ladder.rungOf(watch, rung);
  }

  /** One rung of the ladder: the role that takes it and how long before the next rung takes over. */
  record Rung(String escalateTo, int daysToNextRung) {
  }

  /** The Dutch name of the watched deadline, as notices and escalation steps say it. */
  String name(DelegateExecution execution) {
    return name(watch(execution));
  }

  String name(Watch watch) {
    return messages.getMessage("journey.watch." + watch.name(), null, watch.name(), Locale.forLanguageTag("nl"));
  }

  /** The day the watched deadline falls on; the watch's timers and warnings are planned from it. */
  LocalDate dueOn(DelegateExecution execution) {
    String caseId = caseId(execution);
    Watch watch = watch(execution);
    String roundId = execution.getParentActivityInstanceId();
    // Arming a watch plans three timers from this day, and a missed deadline names it in its notice and its step: one
    // read per command (nothing in the journey's own commands moves a deadline's day).
    return CommandReads.once("due:" + caseId + ":" + watch + ":" + roundId, () -> dueOn(caseId, watch, roundId));
  }

  /**
   * @param roundId the activity instance of the watch's {@code SubProcess_Watch} asking (for a recurring watch, its
   *     current round), or null
   */
  LocalDate dueOn(String caseId, Watch watch, String roundId) {
    UUID id = UUID.fromString(caseId);
    if (watch.milestone().isPresent()) {
      return registry.dueDate(id, watch.milestone().get())
          .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no " + watch + " deadline"));
    }
    return switch (watch) {
      case REPORT_TO_COMPANY_DOCTOR -> engine.dateOfCountedSickDay(registry.sickPeriods(id), 7);
      case SPOOR_2_START -> registry.deadlines(id).stream()
          .filter(d -> d.milestone() == nl.bluevitaal.poortwachter.Milestone.FIRST_YEAR_EVALUATION)
          .map(CaseDeadline::metOn).filter(java.util.Objects::nonNull).findFirst()
          .orElse(LocalDate.now(clock)).plusDays(properties.spoor2WindowDays());
      case EVALUATION -> latest(roundStartedOn(roundId), lastEvaluationHeldOn(caseId))
          .plusDays(properties.evaluationIntervalDays());
      default -> throw new IllegalStateException("No date for " + watch);
    };
  }

  /**
   * The day the last evaluation of the case was held (completed), if any. Its watch is not told of an evaluation held
   * on time ({@link #reached}), so the next one counts from here. In the transaction that completes an evaluation its
   * row is not written yet; the watch then counts from the round it arms that day.
   */
  private LocalDate lastEvaluationHeldOn(String caseId) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(Element.TASK_EVALUATION).taskDeleteReason("completed")
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream().findFirst()
        .map(held -> held.getEndTime().toInstant().atZone(clock.getZone()).toLocalDate()).orElse(null);
  }

  private static LocalDate latest(LocalDate day, LocalDate other) {
    return other != null && other.isAfter(day) ? other : day;
  }

  /**
   * The day the current round of a recurring watch was armed: the last evaluation (or the start of spoor 1). Read
   * from the engine's history of the round; in the transaction that arms it that row is not written yet, and then the
   * round starts today.
   */
  private LocalDate roundStartedOn(String roundId) {
    HistoricActivityInstance round = roundId == null ? null
        : historyService.createHistoricActivityInstanceQuery().activityInstanceId(roundId).singleResult();
    return round == null ? LocalDate.now(clock)
        : round.getStartTime().toInstant().atZone(clock.getZone()).toLocalDate();
  }

  private static Watch watch(DelegateExecution execution) {
    return Watch.of((String) execution.getVariable(Var.MILESTONE));
  }

  private static String caseId(DelegateExecution execution) {
    return (String) execution.getVariable(Var.CASE_ID);
  }

  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }

}
