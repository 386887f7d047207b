package nl.bluevitaal.journey.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's migration API behind {@link CaseMigrations}. Plans map equal ids themselves; event triggers are never
 * updated, so timers keep the absolute dates the deadline engine gave them. A user task keeps its row (assignee,
 * candidates, due date); its name follows the target model unless the journey named it itself (an escalation step
 * named after its deadline).
 */
@Service
class CamundaCaseMigrations implements CaseMigrations {

  private static final int DETAIL_LIMIT = 900;
  /** The activities an instance can wait in: the only ones a mapping is asked for. */
  private static final List<Class<? extends FlowNode>> WAITING = List.of(UserTask.class, ReceiveTask.class,
      IntermediateCatchEvent.class, BoundaryEvent.class, SubProcess.class, CallActivity.class,
      EventBasedGateway.class);

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final TransactionTemplate ownTransaction;

  CamundaCaseMigrations(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
      HistoryService historyService, ManagementService managementService, PlatformTransactionManager transactions) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.managementService = managementService;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public List<String> processKeys() {
    return List.of(ReintegrationJourneyProcess.PROCESS_KEY, ReintegrationJourneyProcess.WATCH_PROCESS_KEY);
  }

  @Override
  public List<ProcessVersion> versions(String processKey) {
    if (!processKeys().contains(processKey)) {
      return List.of();
    }
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).orderByProcessDefinitionVersion().desc().list();
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    List<ProcessVersion> versions = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      Deployment deployment = deployments.computeIfAbsent(definition.getDeploymentId(),
          id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
      long running = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
      versions.add(new ProcessVersion(processKey, definition.getVersion(), definition.getVersionTag(),
          definition.getDeploymentId(), deployment == null || deployment.getDeploymentTime() == null ? null
              : deployment.getDeploymentTime().toInstant(), running));
    }
    return versions;
  }

  @Override
  public MigrationPlanView plan(MigrationRequest request) {
    ProcessDefinition source = definition(request.processKey(), request.sourceVersion());
    ProcessDefinition target = definition(request.processKey(), request.targetVersion());
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
    List<MigrationInstruction> generated;
    try {
      generated = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build()
          .getInstructions();
    } catch (MigrationPlanValidationException e) {
      generated = List.of();
    }
    List<ActivityMapping> mappings = new ArrayList<>();
    Set<String> mappedSources = new LinkedHashSet<>();
    for (MigrationInstruction instruction : generated) {
      if (instruction.getSourceActivityId().endsWith("#multiInstanceBody")) {
        continue;
      }
      mappedSources.add(instruction.getSourceActivityId());
      mappings.add(new ActivityMapping(activity(sourceModel, instruction.getSourceActivityId()),
          activity(targetModel, instruction.getTargetActivityId()), true));
    }
    request.mappings().forEach((from, to) -> {
      mappedSources.add(from);
      Activity own = activity(sourceModel, from);
      // The process owner's own mapping says how many cases it moves, as the choice before it did.
      mappings.add(new ActivityMapping(new Activity(own.id(), own.name(), own.type(), waiting(source, from)),
          activity(targetModel, to), false));
    });
    List<Activity> unmapped = waitingActivities(sourceModel).stream()
        .filter(node -> !mappedSources.contains(node.getId()))
        .map(node -> new Activity(node.getId(), node.getName(), node.getElementType().getTypeName(),
            waiting(source, node.getId())))
        .toList();
    List<Activity> targets = waitingActivities(targetModel).stream()
        .map(node -> new Activity(node.getId(), node.getName(), node.getElementType().getTypeName(), 0)).toList();
    List<Problem> problems = new ArrayList<>();
    try {
      build(request, source, target);
    } catch (MigrationPlanValidationException e) {
      problems.addAll(problems(e));
    }
    return new MigrationPlanView(request, mappings, unmapped, targets, problems);
  }

  @Override
  public List<RunningInstance> running(String processKey, int version) {
    ProcessDefinition definition = definition(processKey, version);
    return runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId())
        .orderByProcessInstanceId().asc().list().stream()
        .map(instance -> new RunningInstance(instance.getId(), instance.getBusinessKey())).toList();
  }

  @Override
  public List<InstancePreview> dryRun(MigrationRequest request, List<String> processInstanceIds) {
    Prepared prepared = prepare(request);
    List<InstancePreview> previews = new ArrayList<>();
    for (String instanceId : processInstanceIds) {
      previews.add(ownTransaction.execute(status -> {
        // Migrated for real, then rolled back: the engine's own per-instance validation and execution, no copy of it.
        status.setRollbackOnly();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
            .singleResult();
        if (instance == null || !prepared.source().getId().equals(instance.getProcessDefinitionId())) {
          return new InstancePreview(instanceId, instance == null ? null : instance.getBusinessKey(), List.of(),
              List.of(notOnSource(instanceId)));
        }
        List<Move> moves = moves(prepared, instanceId);
        List<Problem> problems = new ArrayList<>();
        try {
          prepared.plan().ifPresentOrElse(plan -> migrateOne(prepared, plan, instanceId),
              () -> problems.addAll(prepared.planProblems()));
        } catch (RuntimeException e) {
          problems.addAll(problems(e, instanceId));
        }
        return new InstancePreview(instanceId, instance.getBusinessKey(), moves, problems);
      }));
    }
    return previews;
  }

  @Override
  public List<InstanceOutcome> migrate(MigrationRequest request, List<String> processInstanceIds) {
    Prepared prepared = prepare(request);
    List<InstanceOutcome> outcomes = new ArrayList<>();
    for (String instanceId : processInstanceIds) {
      String caseId = null;
      try {
        caseId = ownTransaction.execute(status -> {
          ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
              .singleResult();
          if (instance == null || !prepared.source().getId().equals(instance.getProcessDefinitionId())) {
            throw new NotOnSource(instance == null ? null : instance.getBusinessKey());
          }
          MigrationPlan plan = prepared.plan().orElseThrow(() -> new PlanInvalid(prepared.planProblems()));
          migrateOne(prepared, plan, instanceId);
          return instance.getBusinessKey();
        });
        outcomes.add(new InstanceOutcome(instanceId, caseId, Optional.empty()));
      } catch (NotOnSource e) {
        outcomes.add(new InstanceOutcome(instanceId, e.caseId, Optional.of(notOnSource(instanceId))));
      } catch (PlanInvalid e) {
        outcomes.add(new InstanceOutcome(instanceId, businessKey(instanceId), e.problems.stream().findFirst()));
      } catch (RuntimeException e) {
        outcomes.add(new InstanceOutcome(instanceId, businessKey(instanceId),
            problems(e, instanceId).stream().findFirst()));
      }
    }
    return outcomes;
  }

  @Override
  public EngineBatchFigures migrateAsEngineBatch(MigrationRequest request, long timeoutMillis) {
    Prepared prepared = prepare(request);
    MigrationPlan plan = prepared.plan().orElseThrow(() -> new IllegalArgumentException(
        "The plan is not valid: " + prepared.planProblems()));
    int instances = (int) runtimeService.createProcessInstanceQuery()
        .processDefinitionId(prepared.source().getId()).count();
    long started = System.nanoTime();
    Batch batch = runtimeService.newMigration(plan)
        .processInstanceQuery(runtimeService.createProcessInstanceQuery()
            .processDefinitionId(prepared.source().getId()))
        .executeAsync();
    Set<String> definitions = Set.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    long deadline = started + timeoutMillis * 1_000_000L;
    boolean completed = false;
    while (System.nanoTime() < deadline) {
      if (managementService.createBatchQuery().batchId(batch.getId()).count() == 0) {
        completed = true;
        break;
      }
      // With the job executor off (tests) nobody else runs the batch's jobs; with it on, this only helps it along.
      List<String> jobs = definitions.stream().flatMap(def -> managementService.createJobQuery()
          .jobDefinitionId(def).executable().list().stream()).map(job -> job.getId()).toList();
      for (String job : jobs) {
        try {
          managementService.executeJob(job);
        } catch (RuntimeException e) {
          // the job executor took it first, or it failed and the engine keeps its retries: the batch says
        }
      }
      if (jobs.isEmpty()) {
        sleep();
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000L;
    HistoricBatch history = historyService.createHistoricBatchQuery().batchId(batch.getId()).singleResult();
    if (history != null && history.getStartTime() != null && history.getEndTime() != null) {
      millis = history.getEndTime().getTime() - history.getStartTime().getTime();
    }
    return new EngineBatchFigures(batch.getId(), instances, batch.getTotalJobs(), millis, completed);
  }

  // --- the engine's plan ---

  private record Prepared(ProcessDefinition source, ProcessDefinition target, BpmnModelInstance sourceModel,
      BpmnModelInstance targetModel, Optional<MigrationPlan> plan, List<Problem> planProblems) {
  }

  private Prepared prepare(MigrationRequest request) {
    ProcessDefinition source = definition(request.processKey(), request.sourceVersion());
    ProcessDefinition target = definition(request.processKey(), request.targetVersion());
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
    try {
      return new Prepared(source, target, sourceModel, targetModel, Optional.of(build(request, source, target)),
          List.of());
    } catch (MigrationPlanValidationException e) {
      return new Prepared(source, target, sourceModel, targetModel, Optional.empty(), problems(e));
    }
  }

  private MigrationPlan build(MigrationRequest request, ProcessDefinition source, ProcessDefinition target) {
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities();
    request.mappings().forEach(builder::mapActivities);
    return builder.build();
  }

  /** How many running instances of the version wait at the activity. */
  private long waiting(ProcessDefinition source, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().processDefinitionId(source.getId())
        .activityId(activityId).unfinished().count();
  }

  private void migrateOne(Prepared prepared, MigrationPlan plan, String instanceId) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instanceId).list();
    List<Instant> timersBefore = timers(instanceId);
    Set<String> jobsBefore = managementService.createJobQuery().processInstanceId(instanceId).timers().list().stream()
        .map(Job::getId).collect(Collectors.toSet());
    runtimeService.newMigration(plan).processInstanceIds(instanceId).execute();
    // A non-interrupting timer that fired already (week 104 passed: "Einde loondoorbetaling" runs beside the rest) has
    // no job left, and the engine arms its event again on the new version, at its date in the past: it would fire a
    // second time. A timer the move made that is already due is such an event: it goes.
    Date now = ClockUtil.getCurrentTime();
    managementService.createJobQuery().processInstanceId(instanceId).timers().list().stream()
        .filter(job -> !jobsBefore.contains(job.getId()) && job.getDuedate() != null && job.getDuedate().before(now))
        .forEach(job -> managementService.deleteJob(job.getId()));
    // Legal deadlines are kept, or the case does not move: a timer whose event got another id (and no mapping) is
    // dropped or armed anew by the engine, its date computed on the day of the move.
    List<Instant> timersAfter = timers(instanceId);
    if (!timersBefore.equals(timersAfter)) {
      throw new DeadlinesChanged(timersBefore, timersAfter);
    }
    for (Task before : tasks) {
      Task after = taskService.createTaskQuery().taskId(before.getId()).singleResult();
      if (after != null && !Objects.equals(before.getDueDate(), after.getDueDate())) {
        throw new DeadlinesChanged(instants(before.getDueDate()), instants(after.getDueDate()));
      }
    }
    for (Task before : tasks) {
      String sourceName = name(prepared.sourceModel(), before.getTaskDefinitionKey());
      Task after = taskService.createTaskQuery().taskId(before.getId()).singleResult();
      String targetName = after == null ? null : name(prepared.targetModel(), after.getTaskDefinitionKey());
      // Only a name the model gave: a step the journey named itself (an escalation) keeps its name.
      if (after != null && targetName != null && sourceName != null && sourceName.equals(after.getName())
          && !targetName.equals(after.getName())) {
        after.setName(targetName);
        taskService.saveTask(after);
      }
    }
  }

  private List<Move> moves(Prepared prepared, String instanceId) {
    Map<String, String> targets = new LinkedHashMap<>();
    prepared.plan().ifPresent(plan -> plan.getInstructions()
        .forEach(i -> targets.put(i.getSourceActivityId(), i.getTargetActivityId())));
    List<Move> moves = new ArrayList<>();
    ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
    if (tree != null) {
      collectLeaves(tree, prepared, targets, moves);
    }
    return moves;
  }

  private void collectLeaves(ActivityInstance instance, Prepared prepared, Map<String, String> targets,
      List<Move> moves) {
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      moves.add(move(prepared, targets, transition.getActivityId()));
    }
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
      moves.add(move(prepared, targets, instance.getActivityId()));
      return;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collectLeaves(child, prepared, targets, moves);
    }
  }

  private Move move(Prepared prepared, Map<String, String> targets, String activityId) {
    String target = targets.get(activityId);
    return new Move(activity(prepared.sourceModel(), activityId),
        target == null ? null : activity(prepared.targetModel(), target));
  }

  // --- the engine's reports as problems ---

  private static List<Problem> problems(MigrationPlanValidationException e) {
    List<Problem> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
      for (String failure : report.getFailures()) {
        problems.add(new Problem(kindOf(failure), report.getMigrationInstruction().getSourceActivityId(),
            report.getMigrationInstruction().getTargetActivityId(), failure));
      }
    }
    if (problems.isEmpty()) {
      problems.add(new Problem(ProblemKind.OTHER, null, null, limit(e.getMessage())));
    }
    return problems;
  }

  private List<Problem> problems(RuntimeException e, String instanceId) {
    if (e instanceof MigratingProcessInstanceValidationException invalid) {
      MigratingProcessInstanceValidationReport report = invalid.getValidationReport();
      List<Problem> problems = new ArrayList<>();
      report.getFailures().forEach(f -> problems.add(new Problem(kindOf(f), null, null, f)));
      for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
        activity.getFailures().forEach(f -> problems.add(new Problem(kindOf(f), activity.getSourceScopeId(), null,
            f)));
      }
      for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
        transition.getFailures().forEach(f -> problems.add(new Problem(kindOf(f), transition.getSourceScopeId(),
            null, f)));
      }
      return problems.isEmpty() ? List.of(new Problem(ProblemKind.OTHER, null, null, limit(e.getMessage())))
          : problems;
    }
    if (e instanceof MigrationPlanValidationException invalid) {
      return problems(invalid);
    }
    if (e instanceof OptimisticLockingException) {
      return List.of(new Problem(ProblemKind.CONFLICT, null, null, limit(e.getMessage())));
    }
    if (e instanceof PlanInvalid invalid) {
      return invalid.problems;
    }
    if (e instanceof DeadlinesChanged changed) {
      return List.of(new Problem(ProblemKind.DEADLINES_CHANGED, null, null, changed.detail));
    }
    return List.of(new Problem(ProblemKind.OTHER, null, null, limit(e.getClass().getSimpleName() + ": "
        + e.getMessage())));
  }

  /** The engine's sentences (validators of 7.24) by what they are about; anything else is OTHER. */
  static ProblemKind kindOf(String failure) {
    String f = failure == null ? "" : failure;
    if (f.contains("incompatible types")) {
      return ProblemKind.INCOMPATIBLE_TYPES;
    } else if (f.contains("not of the same type")) {
      return ProblemKind.EVENT_TYPE;
    } else if (f.contains("multiple mappings")) {
      return ProblemKind.MAPPED_TWICE;
    } else if (f.contains("event scope")) {
      return ProblemKind.EVENT_SCOPE;
    } else if (f.contains("multi-instance")) {
      return ProblemKind.MULTI_INSTANCE;
    } else if (f.contains("closest mapped ancestor")) {
      return ProblemKind.FLOW_SCOPE;
    } else if (f.toLowerCase().contains("gateway")) {
      return ProblemKind.GATEWAY;
    } else if (f.contains("event trigger")) {
      return ProblemKind.EVENT_TRIGGER;
    } else if (f.contains("no migration instruction")) {
      return ProblemKind.NOT_MAPPED;
    } else if (f.contains("does not exist") || f.contains("id is null")) {
      return ProblemKind.UNKNOWN_ACTIVITY;
    } else if (f.contains("not supported")) {
      return ProblemKind.UNSUPPORTED;
    } else if (f.contains("variable")) {
      return ProblemKind.VARIABLE_CONFLICT;
    } else if (f.contains("async") || f.contains("transition instance") || f.contains("sequence flow")) {
      return ProblemKind.ASYNC;
    }
    return ProblemKind.OTHER;
  }

  private static Problem notOnSource(String instanceId) {
    return new Problem(ProblemKind.NOT_ON_SOURCE, null, null, "Process instance " + instanceId
        + " is no longer on the source version");
  }

  private static String limit(String text) {
    return text == null || text.length() <= DETAIL_LIMIT ? text : text.substring(0, DETAIL_LIMIT);
  }

  /** Carries the case of an instance that moved away (or ended) out of the transaction. */
  private static List<Instant> instants(Date date) {
    return date == null ? List.of() : List.of(date.toInstant());
  }

  private List<Instant> timers(String instanceId) {
    return managementService.createJobQuery().processInstanceId(instanceId).timers().list().stream()
        .map(job -> job.getDuedate().toInstant()).sorted().toList();
  }

  /** A move that would change a timer's or a step's date: refused for that case, and rolled back. */
  private static final class DeadlinesChanged extends RuntimeException {
    private final String detail;

    DeadlinesChanged(List<Instant> before, List<Instant> after) {
      super("deadlines changed");
      List<Instant> gone = new ArrayList<>(before);
      after.forEach(gone::remove);
      List<Instant> added = new ArrayList<>(after);
      before.forEach(added::remove);
      this.detail = "weg: " + (gone.isEmpty() ? "–" : gone) + "; nieuw: " + (added.isEmpty() ? "–" : added);
    }
  }

  private static final class NotOnSource extends RuntimeException {
    private final String caseId;

    NotOnSource(String caseId) {
      super(null, null, false, false);
      this.caseId = caseId;
    }
  }

  private static final class PlanInvalid extends RuntimeException {
    private final List<Problem> problems;

    PlanInvalid(List<Problem> problems) {
      super(null, null, false, false);
      this.problems = problems;
    }
  }

  // --- models ---

  private ProcessDefinition definition(String processKey, int version) {
    if (!processKeys().contains(processKey)) {
      throw new IllegalArgumentException("No migratable process " + processKey);
    }
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new IllegalArgumentException("No version " + version + " of " + processKey);
    }
    return definition;
  }

  private String businessKey(String instanceId) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private static List<FlowNode> waitingActivities(BpmnModelInstance model) {
    Set<FlowNode> nodes = new LinkedHashSet<>();
    for (Class<? extends FlowNode> type : WAITING) {
      Collection<? extends FlowNode> found = model.getModelElementsByType(type);
      nodes.addAll(found);
    }
    return nodes.stream().sorted(java.util.Comparator.comparing(FlowNode::getId)).toList();
  }

  private static Activity activity(BpmnModelInstance model, String id) {
    String elementId = id.replace("#multiInstanceBody", "");
    ModelElementInstance element = model.getModelElementById(elementId);
    if (element instanceof FlowNode node) {
      return new Activity(id, node.getName(), node.getElementType().getTypeName(), 0);
    }
    return new Activity(id, null, null, 0);
  }

  private static String name(BpmnModelInstance model, String id) {
    ModelElementInstance element = id == null ? null : model.getModelElementById(id);
    return element instanceof FlowNode node ? node.getName() : null;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
