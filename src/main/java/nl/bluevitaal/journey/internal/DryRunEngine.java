package nl.bluevitaal.journey.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.ModelDryRun.Outcome;
import nl.bluevitaal.journey.ModelDryRun.PathResult;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.UnreadableModelException;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.Milestone;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * One dry run's engine: in memory (its own H2 database), no job executor, its own clock, the journey's beans answered
 * for synthetic cases ({@link DryRunCase}). Built for one run and closed after it; it never sees the application's
 * engine, database or clock.
 */
final class DryRunEngine implements AutoCloseable {

  /** Enough rounds for two years of watches and their ladders; more means a timer that re-arms itself for ever. */
  private static final int MAX_JOB_ROUNDS = 400;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final Set<String> CONTAINERS = Set.of("subProcess", "callActivity", "multiInstanceBody",
      "processDefinition");

  private final ZoneId zone;
  private final LocalDate firstSickDay;
  private final DeadlineEngine deadlines;
  private final DryRunCase.DryRunClock clock;
  /** The synthetic cases by id, in the order their paths ran. */
  private final Map<String, DryRunCase> cases = new LinkedHashMap<>();
  private final Map<String, BpmnModelInstance> models = new HashMap<>();
  /** The BPMN files deployed, the draft first. */
  private final Map<String, byte[]> processModels = new LinkedHashMap<>();
  private final DryRunWatches watches;
  private final ProcessEngine engine;
  private final String dataSourceName;
  private String lastActivityId;
  private String lastDefinitionId;

  DryRunEngine(ZoneId zone, LocalDate firstSickDay, DeadlineEngine deadlines, JourneyProperties properties,
      JavaDelegate routeIntake) {
    this.zone = zone;
    this.firstSickDay = firstSickDay;
    this.deadlines = deadlines;
    this.clock = new DryRunCase.DryRunClock(zone, firstSickDay.atTime(9, 0).atZone(zone).toInstant());
    this.watches = new DryRunWatches(this::sickCase, clock, properties, deadlines);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("journeyDeadlines", new DryRunDeadlines(this::sickCase, clock, properties, deadlines, watches));
    beans.put("journeyPeople", new DryRunPeople());
    beans.put("journeyWatches", watches);
    beans.put("journeyCaseFile", new DryRunCaseFile(this::sickCase, clock));
    // The real delegate: it only evaluates the decision deployed with the dry run.
    beans.put("routeIntake", routeIntake);
    // The journey's own ladder steps; only the case file's record of the miss and the notices are left out.
    beans.put("markDeadlineOverdue", (JavaDelegate) JourneyDelegates::restartLadder);
    beans.put("decideEscalation", (JavaDelegate) execution -> JourneyDelegates.climbOneRung(execution,
        watches::rungOf));
    beans.put("listOpenStepsAtEnd", (JavaDelegate) execution -> sickCase(caseId(execution))
        .markMet(Milestone.END_OF_WAGE_PAYMENT, today()));
    beans.put("startRelapseWatch", (JavaDelegate) execution -> {
      DryRunCase sickCase = sickCase(caseId(execution));
      Set<Milestone> met = EnumSet.noneOf(Milestone.class);
      met.addAll(sickCase.met().keySet());
      execution.setVariable(Var.RESUME_AT, ResumePoint.of(sickCase.phase(), met,
          (String) execution.getVariable(Var.NEXT_TRACK)));
      sickCase.enterPhase(Phase.RELAPSE_WATCH);
    });
    beans.put("endWagePayment", (JavaDelegate) execution -> {
      DryRunCase sickCase = sickCase(caseId(execution));
      sickCase.markMet(Milestone.END_OF_WAGE_PAYMENT, today());
      sickCase.enterPhase(Phase.CLOSED);
    });

    dataSourceName = "proefrit-" + UUID.randomUUID();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(dataSourceName);
    configuration.setJdbcUrl("jdbc:h2:mem:" + dataSourceName);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setCmmnEnabled(false);
    configuration.setDbIdentityUsed(false);
    configuration.setBeans(beans);
    configuration.setCustomPreBPMNParseListeners(List.of(new Tracking()));
    engine = configuration.buildProcessEngine();
    watches.use(engine);
  }

  /** Deploys the models of the run (resource name to content); a model the engine refuses is unreadable. */
  void deploy(Map<String, byte[]> resources) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("proefrit");
    resources.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
    resources.forEach((name, content) -> {
      if (name.endsWith(".bpmn")) {
        processModels.put(name, content);
      }
    });
    try {
      deployment.deploy();
    } catch (RuntimeException e) {
      throw new UnreadableModelException("De engine kan het model niet laden: " + e.getMessage(), e);
    }
  }

  /** Runs one path on a fresh synthetic case; what the path leaves running is removed after it. */
  PathResult run(DryRunPaths.Path path) {
    PathResult result = walk(path);
    String caseId = cases.keySet().stream().reduce((a, b) -> b).orElseThrow();
    // Deleting the journey deletes the watches it called.
    List<String> left = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .rootProcessInstances().list().stream().map(ProcessInstance::getId).toList();
    if (!left.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(left, "dry run path done", true, true);
    }
    return result;
  }

  private PathResult walk(DryRunPaths.Path path) {
    DryRunCase sickCase = new DryRunCase(deadlines, firstSickDay);
    cases.put(sickCase.id(), sickCase);
    clock.set(firstSickDay.atTime(9, 0).atZone(zone).toInstant());
    List<String> done = new ArrayList<>();
    String caseId = sickCase.id();
    try {
      track(ReintegrationJourneyProcess.Element.START_SICK_REPORTED, null);
      engine.getRuntimeService().createProcessInstanceByKey(ReintegrationJourneyProcess.PROCESS_KEY)
          .businessKey(caseId).setVariable(Var.CASE_ID, caseId).setVariable(Var.RESUME_AT, ResumePoint.INTAKE)
          .execute();
      runDueJobs(caseId);
      for (DryRunPaths.Action action : path.actions()) {
        if (action instanceof DryRunPaths.Complete complete) {
          Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
              .taskDefinitionKey(complete.step()).listPage(0, 1).stream().findFirst().orElse(null);
          if (task == null) {
            return stuck(path, caseId, complete.step(), done);
          }
          track(task.getTaskDefinitionKey(), task.getProcessDefinitionId());
          engine.getTaskService().complete(task.getId(), new HashMap<>(complete.outcome()));
          done.add(complete.step());
          runDueJobs(caseId);
        } else if (action instanceof DryRunPaths.Day day) {
          travel(caseId, firstSickDay.plusDays(day.afterFirstSickDay()));
        } else if (action instanceof DryRunPaths.DeadlineDay deadline) {
          LocalDate due = sickCase.dueDate(deadline.milestone()).orElse(null);
          if (due == null) {
            return stuck(path, caseId, deadline.milestone().name(), done);
          }
          travel(caseId, due.plusDays(deadline.offset()));
        } else if (action instanceof DryRunPaths.Recover) {
          sickCase.recover(today());
          if (correlate(caseId, ReintegrationJourneyProcess.MESSAGE_FULL_RECOVERY) == 0) {
            return stuck(path, caseId, ReintegrationJourneyProcess.MESSAGE_FULL_RECOVERY, done);
          }
          done.add(ReintegrationJourneyProcess.MESSAGE_FULL_RECOVERY);
        } else if (action instanceof DryRunPaths.Relapse) {
          boolean joined = sickCase.recovered();
          if (joined) {
            sickCase.relapse(today());
          }
          if (correlate(caseId, ReintegrationJourneyProcess.MESSAGE_RELAPSE) == 0) {
            return stuck(path, caseId, ReintegrationJourneyProcess.MESSAGE_RELAPSE, done);
          }
          done.add(ReintegrationJourneyProcess.MESSAGE_RELAPSE);
          if (joined) {
            deadlinesMoved(caseId);
          }
          runDueJobs(caseId);
        }
      }
      return journey(caseId) == null ? new PathResult(path.key(), Outcome.REACHED_END, null, null, null, null, done)
          : stuck(path, caseId, null, done);
    } catch (RuntimeException e) {
      return failed(path, e, done);
    }
  }

  /**
   * Where the path failed: the element holding the expression the engine names in its error, else the element the
   * path last entered (a listener or condition failing there).
   */
  private PathResult failed(DryRunPaths.Path path, RuntimeException e, List<String> done) {
    String error = message(e);
    Matcher expression = EXPRESSION.matcher(error);
    if (expression.find()) {
      for (byte[] model : processModels.values()) {
        BpmnDiff.Located located = BpmnDiff.elementContaining(model, expression.group());
        if (located != null) {
          return new PathResult(path.key(), Outcome.FAILED, located.id(), located.name(), null, error, done);
        }
      }
    }
    String activityId = lastActivityId == null ? null : lastActivityId.replace("#multiInstanceBody", "");
    return new PathResult(path.key(), Outcome.FAILED, activityId, name(lastDefinitionId, activityId), null, error,
        done);
  }

  @Override
  public void close() {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    engine.close();
    if (dataSource instanceof PooledDataSource pooled) {
      // The last connection closed drops the in-memory database.
      pooled.forceCloseAll();
    }
  }

  private DryRunCase sickCase(String caseId) {
    DryRunCase sickCase = cases.get(caseId);
    if (sickCase == null) {
      throw new IllegalStateException("No case " + caseId + " in this dry run");
    }
    return sickCase;
  }

  private static String caseId(DelegateExecution execution) {
    return (String) execution.getVariable(Var.CASE_ID);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Time passes: the clock moves to 09:00 of the day, then the timers due by then run, oldest first. */
  private void travel(String caseId, LocalDate day) {
    if (day.isAfter(today())) {
      clock.set(day.atTime(9, 0).atZone(zone).toInstant());
    }
    runDueJobs(caseId);
  }

  /**
   * Runs the case's jobs that are due by the dry run's clock, earliest first, one at a time (a job may create the
   * next). Two queries a round: the case's instances and the engine's jobs, which are few in a dry run.
   */
  private void runDueJobs(String caseId) {
    for (int round = 0; round < MAX_JOB_ROUNDS; round++) {
      Date now = Date.from(clock.instant().plusMillis(1));
      Set<String> instances = Set.copyOf(instances(caseId));
      Job next = engine.getManagementService().createJobQuery().list().stream()
          .filter(job -> instances.contains(job.getProcessInstanceId()))
          .filter(job -> job.getDuedate() == null || job.getDuedate().before(now))
          .min(Comparator.comparing(job -> job.getDuedate() == null ? new Date(0) : job.getDuedate()))
          .orElse(null);
      if (next == null) {
        return;
      }
      track(activityOf(next), next.getProcessDefinitionId());
      engine.getManagementService().executeJob(next.getId());
    }
    throw new IllegalStateException("Timers keep firing without end (more than " + MAX_JOB_ROUNDS + " in a row)");
  }

  /** What the journey does when the case file moves deadlines (a relapse joined): its timers read the dates anew. */
  private void deadlinesMoved(String caseId) {
    ProcessInstance journey = journey(caseId);
    if (journey == null) {
      return;
    }
    for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).timers()
        .list()) {
      track(activityOf(timer), timer.getProcessDefinitionId());
      engine.getManagementService().recalculateJobDuedate(timer.getId(), false);
    }
  }

  private String activityOf(Job job) {
    var definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult();
    return definition == null ? null : definition.getActivityId();
  }

  private int correlate(String caseId, String message) {
    lastActivityId = null;
    return engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(caseId)
        .correlateAllWithResult().size();
  }

  private List<String> instances(String caseId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  private ProcessInstance journey(String caseId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).processInstanceBusinessKey(caseId)
        .singleResult();
  }

  /**
   * The path waited for {@code expected} (a step, a message, a deadline; null: the journey's end) in vain. Where the
   * journey waits instead: its innermost open elements, or the last element it passed when it ended early.
   */
  private PathResult stuck(DryRunPaths.Path path, String caseId, String expected, List<String> done) {
    ProcessInstance journey = journey(caseId);
    String definitionId;
    String elementId;
    if (journey != null) {
      definitionId = journey.getProcessDefinitionId();
      List<HistoricActivityInstance> open = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(journey.getId()).unfinished().orderPartiallyByOccurrence().asc().list();
      elementId = open.stream().filter(a -> !CONTAINERS.contains(a.getActivityType()))
          .map(HistoricActivityInstance::getActivityId).findFirst()
          .orElse(open.isEmpty() ? null : open.get(open.size() - 1).getActivityId());
    } else {
      var ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).processInstanceBusinessKey(caseId)
          .singleResult();
      definitionId = ended.getProcessDefinitionId();
      elementId = ended.getEndActivityId();
    }
    return new PathResult(path.key(), Outcome.STUCK, elementId, name(definitionId, elementId), expected, null, done);
  }

  private String name(String definitionId, String elementId) {
    if (definitionId == null || elementId == null) {
      return null;
    }
    BpmnModelInstance model = models.computeIfAbsent(definitionId,
        id -> engine.getRepositoryService().getBpmnModelInstance(id));
    ModelElementInstance element = model.getModelElementById(elementId);
    return element instanceof FlowElement flowElement ? flowElement.getName() : null;
  }

  private void track(String activityId, String definitionId) {
    lastActivityId = activityId;
    lastDefinitionId = definitionId != null ? definitionId : latestJourney();
  }

  private String latestJourney() {
    ProcessDefinition journey = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).latestVersion().singleResult();
    return journey == null ? null : journey.getId();
  }

  /** The engine's message, without the stack of causes that repeat it. */
  private static String message(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 500 ? message.substring(0, 500) + "…" : message;
  }

  /** Remembers the element each execution enters, so a failure can name where it happened. */
  private final class Tracking extends AbstractBpmnParseListener {

    private final ExecutionListener entered = execution -> track(execution.getCurrentActivityId(),
        execution.getProcessDefinitionId());

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      listen(processDefinition);
    }

    private void listen(ScopeImpl scope) {
      for (ActivityImpl activity : scope.getActivities()) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, entered, 0);
        listen(activity);
      }
    }
  }
}
