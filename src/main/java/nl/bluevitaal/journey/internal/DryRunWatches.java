package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * {@code journeyWatches} in a dry run: the same answers as {@link JourneyWatches} for the synthetic case, asked of the
 * dry run's own engine; the escalation ladder is the deployed decision, evaluated for real. Warnings and escalations
 * are counted, never sent. Public because the draft calls it through expressions.
 */
public final class DryRunWatches {

  private static final Set<String> IGNORED_AT_END = Set.of(Element.TASK_EVALUATION,
      Element.TASK_HANDLE_OVERDUE_DEADLINE, Element.TASK_CLOSE_OPEN_STEPS_AT_END);

  private final Function<String, DryRunCase> cases;
  private final Clock clock;
  private final JourneyProperties properties;
  private final DeadlineEngine engine;
  private ProcessEngine processEngine;
  private EscalationLadder ladder;
  private final Map<String, LocalDate> roundStarts = new HashMap<>();
  /** The day each case's last evaluation was held, as the dry run's clock had it. */
  private final Map<String, LocalDate> lastHeld = new HashMap<>();
  private int warnings;

  DryRunWatches(Function<String, DryRunCase> cases, Clock clock, JourneyProperties properties,
      DeadlineEngine engine) {
    this.cases = cases;
    this.clock = clock;
    this.properties = properties;
    this.engine = engine;
  }

  /** The dry run's engine, once built (the beans are handed to it before it exists). */
  void use(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    this.ladder = new EscalationLadder(processEngine);
  }

  int warnings() {
    return warnings;
  }

  public List<String> legalWatches() {
    return Watch.FROM_THE_START.stream().map(Watch::name).toList();
  }

  public boolean met(String caseId, String watch) {
    Watch kept = Watch.of(watch);
    if (kept.recurs()) {
      return false;
    }
    if (kept.milestone().isPresent()) {
      return cases.apply(caseId).metOn(kept.milestone().get()).isPresent();
    }
    return processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey(kept.step()).taskDeleteReason("completed").count() > 0;
  }

  public boolean recurs(String watch) {
    return Watch.of(watch).recurs();
  }

  public Date warningAt(DelegateExecution execution, int number) {
    return startOf(dueOn(execution).minusDays(properties.warningDays().get(number - 1)));
  }

  public Date due(DelegateExecution execution) {
    return startOf(dueOn(execution).plusDays(1));
  }

  public void warn(DelegateExecution execution, int number) {
    dueOn(execution);
    warnings++;
  }

  /**
   * Tells the watch of every deadline met, an evaluation held on time included (the journey's own watches look for a
   * later date themselves then, {@link JourneyWatches#reached}; both end in the same warnings and escalations, and a
   * dry run counts those, not the statements).
   */
  public void reached(String caseId, String watch) {
    Watch kept = Watch.of(watch);
    kept.milestone().ifPresent(milestone -> cases.apply(caseId).markMet(milestone, LocalDate.now(clock)));
    if (kept.recurs()) {
      lastHeld.put(caseId, LocalDate.now(clock));
    }
    processEngine.getRuntimeService().createMessageCorrelation(ReintegrationJourneyProcess.MESSAGE_DEADLINE_MET)
        .processInstanceBusinessKey(caseId).processInstanceVariableEquals(Var.MILESTONE, kept.name())
        .correlateAllWithResult();
  }

  /** As {@link JourneyWatches#movedLater}: a recurring deadline that now falls later plans its watch again. */
  public boolean movedLater(DelegateExecution execution, int number) {
    if (!watch(execution).recurs()) {
      return false;
    }
    Date moment = number == 0 ? due(execution) : warningAt(execution, number);
    return moment.toInstant().isAfter(clock.instant());
  }

  public void nameEscalation(DelegateTask task) {
    task.setName("Termijn verstreken: " + watch(task.getExecution()).name());
  }

  public boolean stepsOpenAtEnd(DelegateExecution execution) {
    return !openStepsAtEnd(execution.getProcessBusinessKey()).isEmpty();
  }

  List<String> openStepsAtEnd(String businessKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .filter(task -> !IGNORED_AT_END.contains(task.getTaskDefinitionKey())).map(task -> task.getName()).toList();
  }

  /** The ladder's rung, from the decision deployed with the dry run, read as the journey reads it. */
  JourneyWatches.Rung rungOf(String watch, int rung) {
    return ladder.rungOf(watch, rung);
  }

  LocalDate dueOn(DelegateExecution execution) {
    return dueOn((String) execution.getVariable(Var.CASE_ID), watch(execution),
        execution.getParentActivityInstanceId());
  }

  LocalDate dueOn(String caseId, Watch watch, String roundId) {
    DryRunCase sickCase = cases.apply(caseId);
    if (watch.milestone().isPresent()) {
      return sickCase.dueDate(watch.milestone().get())
          .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no " + watch + " deadline"));
    }
    return switch (watch) {
      case REPORT_TO_COMPANY_DOCTOR -> engine.dateOfCountedSickDay(sickCase.periods(), 7);
      case SPOOR_2_START -> sickCase.metOn(Milestone.FIRST_YEAR_EVALUATION).orElse(LocalDate.now(clock))
          .plusDays(properties.spoor2WindowDays());
      case EVALUATION -> {
        LocalDate roundStarted = roundStartedOn(roundId);
        LocalDate held = lastHeld.get(caseId);
        yield (held != null && held.isAfter(roundStarted) ? held : roundStarted)
            .plusDays(properties.evaluationIntervalDays());
      }
      default -> throw new IllegalStateException("No date for " + watch);
    };
  }

  /**
   * The day a round was first asked about, which is the day it was armed. The engine's history stamps the real time,
   * not the dry run's, so the dry run remembers the day itself.
   */
  private LocalDate roundStartedOn(String roundId) {
    return roundId == null ? LocalDate.now(clock) : roundStarts.computeIfAbsent(roundId, id -> LocalDate.now(clock));
  }

  private static Watch watch(DelegateExecution execution) {
    return Watch.of((String) execution.getVariable(Var.MILESTONE));
  }

  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }
}
