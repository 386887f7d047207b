package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.journey.ContactNotRecordedException;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.InvalidOutcomeException;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.NoSuchStepException;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.StepCatalogue;
import nl.bluevitaal.journey.StepDocumentMissingException;
import nl.bluevitaal.journey.StepDocuments;
import nl.bluevitaal.journey.StepNoLongerOpenException;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's side of {@link JourneyTasks}: open steps read in a couple of statements from the engine's tables,
 * completion with the outcome checked against the step's form in the model ({@link StepCatalogue}), and the engine's
 * history to tell "done meanwhile" from "never yours".
 */
@Service
@Transactional
class CamundaJourneyTasks implements JourneyTasks {

  private static final Logger log = LoggerFactory.getLogger(CamundaJourneyTasks.class);

  private final TaskService taskService;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final AccessPolicy policy;
  private final TaskCandidates taskCandidates;
  private final OpenTasks openTasks;
  private final FormService formService;
  private final StepCatalogue catalogue;
  private final StepDocuments stepDocuments;

  CamundaJourneyTasks(TaskService taskService, HistoryService historyService, RuntimeService runtimeService,
      ManagementService managementService, AccessPolicy policy, TaskCandidates taskCandidates, OpenTasks openTasks,
      FormService formService, StepCatalogue catalogue, StepDocuments stepDocuments) {
    this.stepDocuments = stepDocuments;
    this.formService = formService;
    this.catalogue = catalogue;
    this.openTasks = openTasks;
    this.historyService = historyService;
    this.policy = policy;
    this.taskCandidates = taskCandidates;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /** The open steps of a case (its journey and its escalations), earliest due first. */
  @Transactional(readOnly = true)
  @Override
  public List<OpenStep> openSteps(UUID caseId) {
    return withCandidates(openTasks.ofCase(caseId.toString()));
  }

  /**
   * The open steps of one person over all their cases: steps assigned to them, offered to them, or offered to one of
   * their groups. Keyed by case id; the caller still filters on the cases the access policy lets them see. Two
   * statements whatever the number of steps (the steps with their cases, their candidates); reading candidates task by
   * task cost four statements per task, hundreds for a full caseload (the benchmark's task list).
   */
  @Transactional(readOnly = true)
  @Override
  public Map<UUID, List<OpenStep>> openStepsFor(String userId, Collection<String> groups) {
    List<OpenTasks.Row> found = openTasks.of(userId, groups);
    Map<String, TaskCandidates.Candidates> candidates =
        taskCandidates.of(found.stream().map(OpenTasks.Row::id).toList());
    Map<UUID, List<OpenStep>> steps = new LinkedHashMap<>();
    for (OpenTasks.Row task : found) {
      steps.computeIfAbsent(UUID.fromString(task.businessKey()), id -> new ArrayList<>())
          .add(step(task, candidates.get(task.id())));
    }
    return steps;
  }

  private List<OpenStep> withCandidates(List<OpenTasks.Row> tasks) {
    Map<String, TaskCandidates.Candidates> candidates =
        taskCandidates.of(tasks.stream().map(OpenTasks.Row::id).toList());
    return tasks.stream().map(task -> step(task, candidates.get(task.id()))).toList();
  }

  private static OpenStep step(OpenTasks.Row task, TaskCandidates.Candidates offered) {
    return new OpenStep(task.id(), task.stepKey(), task.name(), task.due(), task.assignee(), offered.users(),
        offered.groups(), task.modelVersion(), task.opened());
  }

  /**
   * A person completes a step of the case with its outcome (the API and the task forms), in one transaction: the
   * engine's completion with the journey's own writes to the case file (phase, deadlines met, due dates of the next
   * steps) and the audit event, so the employee can see who did what in their file. Only a step that is this person's
   * (assigned to them, or offered to them or their group) can be completed.
   *
   * @throws NoSuchStepException when the task is not an open step of this case for this person
   * @throws StepNoLongerOpenException when the step was this person's but was completed or withdrawn meanwhile
   * @throws InvalidOutcomeException when the outcome does not fit the step
   * @throws StepDocumentMissingException when the step's document is not there yet in the status it needs
   * @throws ContactNotRecordedException when the step answers a wish for contact, which closes by recording it
   */
  @Transactional
  @Override
  public void complete(Actor actor, UUID caseId, String taskId, Map<String, Object> outcome) {
    CaseParties parties = policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, "complete step");
    // Checked again inside the transaction: a colleague may have taken the step since the caller looked.
    OpenStep step = openTasks.one(taskId, caseId.toString()).map(task -> withCandidates(List.of(task)).get(0))
        .filter(open -> open.isFor(actor.userId(), actor.groups())).orElse(null);
    if (step == null) {
      if (wasStepOf(actor, caseId, taskId)) {
        throw new StepNoLongerOpenException(taskId, null);
      }
      throw new NoSuchStepException("Task " + taskId + " is not an open step of case " + caseId + " for "
          + actor.userId());
    }
    refuseContactStep(caseId, taskId, step.stepKey());
    // A step whose output is a document waits for it: a doctor cannot complete the analysis without writing it.
    stepDocuments.requireReady(actor, caseId, step, outcome == null ? Map.of() : outcome);
    try {
      complete(taskId, step.modelVersion(), step.stepKey(), outcome);
    } catch (OptimisticLockingException e) {
      // Someone changed the journey in the same moment (completed this step, or a deadline fired on the case): their
      // transaction won, this one rolls back whole, and the person looks at what is open now.
      throw new StepNoLongerOpenException(taskId, e);
    }
    policy.recordAction(actor, parties, Domain.ADMINISTRATIVE, "step " + step.stepKey() + " completed");
  }

  /**
   * Whether this step of the case was this person's (assigned to them, or offered to them or their group) and is no
   * longer open: completed by a colleague or by their own earlier submit, or withdrawn by the journey. Lets the
   * pages tell "done meanwhile" (409) from a step that was never theirs, which stays "not found". Reads the engine's
   * history of the step and who it was offered to: that needs history level full (set in application.properties),
   * and once the retention job has removed a case's history the answer is "not found" again, which is safe.
   */
  @Transactional(readOnly = true)
  @Override
  public boolean wasStepOf(Actor actor, UUID caseId, String taskId) {
    HistoricTaskInstance step = historyService.createHistoricTaskInstanceQuery().taskId(taskId)
        .processInstanceBusinessKey(caseId.toString()).finished().singleResult();
    if (step == null) {
      return false;
    }
    if (actor.userId().equals(step.getAssignee())) {
      return true;
    }
    return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE).list()
        .stream().anyMatch(link -> actor.userId().equals(link.getUserId())
            || link.getGroupId() != null && actor.groups().contains(link.getGroupId()));
  }

  /**
   * Completes a step of the case with its outcome, as the journey itself (tests of the flow). Returns the step. No
   * person completes it, so no document is asked: the flow's tests drive the model, people drive it through
   * {@link #complete(Actor, UUID, String, Map)}.
   *
   * @throws NoSuchStepException when the task is not an open step of this case
   * @throws InvalidOutcomeException when the outcome does not fit the step
   */
  @Transactional
  @Override
  public String complete(UUID caseId, String taskId, Map<String, Object> outcome) {
    OpenTasks.Row task = openTasks.one(taskId, caseId.toString()).orElseThrow(
        () -> new NoSuchStepException("Task " + taskId + " is not an open step of case " + caseId));
    refuseContactStep(caseId, taskId, task.stepKey());
    complete(taskId, task.modelVersion(), task.stepKey(), outcome);
    return task.stepKey();
  }

  /**
   * The step of a wish for contact is closed by recording the contact ({@code ContactWishes.close}): completed here
   * it would leave the wish open for the employee and the case file without the contact moment.
   */
  private static void refuseContactStep(UUID caseId, String taskId, String stepKey) {
    if (ContactWishProcess.TASK_CONTACT_EMPLOYEE.equals(stepKey)) {
      throw new ContactNotRecordedException(caseId, taskId);
    }
  }

  private void complete(String taskId, String modelVersion, String stepKey, Map<String, Object> outcome) {
    List<StepCatalogue.OutcomeKey> keys = catalogue.outcomeKeys(modelVersion, stepKey);
    Map<String, Object> variables = StepOutcomes.check(stepKey, keys, outcome == null ? Map.of() : outcome);
    for (StepCatalogue.OutcomeKey key : keys) {
      if (!variables.containsKey(key.name())) {
        // A key the person may leave out takes the default its form field gives (the current work capacity).
        defaultOf(taskId, key.name()).ifPresent(value -> variables.put(key.name(), value));
      }
    }
    taskService.complete(taskId, variables);
  }

  private java.util.Optional<Object> defaultOf(String taskId, String field) {
    return formService.getTaskFormData(taskId).getFormFields().stream().filter(f -> f.getId().equals(field))
        .findFirst().map(f -> f.getValue() == null ? null : f.getValue().getValue())
        .map(value -> value instanceof Long l ? (Object) Math.toIntExact(l) : value);
  }

  /**
   * Takes a step offered to this person (or their group): it becomes theirs, so colleagues see who is on it.
   *
   * @throws NoSuchStepException when the task is not an open step of this case
   * @throws IllegalStateException when someone else took it first
   */
  @Override
  public void claim(UUID caseId, String taskId, String userId) {
    openTask(caseId, taskId);
    try {
      taskService.claim(taskId, userId);
    } catch (TaskAlreadyClaimedException e) {
      throw new StepNoLongerOpenException(taskId, e);
    }
  }

  /** Gives a taken step back, so it is offered again to whom it was offered before. */
  @Override
  public void unclaim(UUID caseId, String taskId) {
    openTask(caseId, taskId);
    taskService.setAssignee(taskId, null);
  }

  private void openTask(UUID caseId, String taskId) {
    if (openTasks.one(taskId, caseId.toString()).isEmpty()) {
      throw new NoSuchStepException("Task " + taskId + " is not an open step of case " + caseId);
    }
  }

  /**
   * Runs the timers of this case that are already due, now, in the caller's thread. The job executor does the same
   * within seconds; demo data and tests that need the next step at once call this. Returns how many ran.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  @Override
  public int catchUp(UUID caseId) {
    int ran = 0;
    for (int round = 0; round < 50; round++) {
      List<String> instanceIds = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(caseId.toString()).list().stream().map(ProcessInstance::getId).toList();
      List<Job> due = new ArrayList<>();
      for (String id : instanceIds) {
        due.addAll(managementService.createJobQuery().processInstanceId(id).executable()
            .duedateLowerThan(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 1)).list());
      }
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        try {
          managementService.executeJob(job.getId());
          ran++;
        } catch (OptimisticLockingException e) {
          log.debug("Job {} ran elsewhere already", job.getId());
        }
      }
    }
    return ran;
  }
}
