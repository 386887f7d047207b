package nl.bluevitaal.journey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves running cases from one deployed version of a process to another (the process owners' migration page). Knows
 * no engine: versions, activity mappings, per-instance previews and outcomes as plain records, with ids and counts
 * only, never case content.
 *
 * <p>Timers and due dates are not recomputed: every timer of the models is an absolute date the deadline engine
 * gave when the waiting state was entered, and relative ones ({@code daysFromNow}) would drift to "now + n" if they
 * were. So a migrated case keeps its legal deadlines, its open steps their assignee, candidates and due date; only a
 * step's name follows the new model. A journey and its watches ({@code MilestoneWatch}, started by the journey's call
 * activities) are separate process instances: migrating the journey keeps each watch on its own version, linked to
 * its call activity; watches are moved by choosing {@link ReintegrationJourneyProcess#WATCH_PROCESS_KEY}.
 */
public interface CaseMigrations {

  /** The processes whose running instances may be moved: the journey and its watch. */
  List<String> processKeys();

  /** Every deployed version of the process, newest first, with its running-instance count. */
  List<ProcessVersion> versions(String processKey);

  /**
   * The plan for the request: the generated mapping (same ids map themselves), the request's own mappings, the
   * source's waiting activities left without one, and the engine's validation of the plan.
   *
   * @throws IllegalArgumentException when the process or a version does not exist
   */
  MigrationPlanView plan(MigrationRequest request);

  /** The running instances on the request's source version, oldest first. */
  List<RunningInstance> running(String processKey, int version);

  /**
   * What migrating each instance would do, found by migrating it in a transaction that is rolled back: which open
   * activities move where, and what fails and why.
   */
  List<InstancePreview> dryRun(MigrationRequest request, List<String> processInstanceIds);

  /** Migrates each instance in a transaction of its own, so one failure leaves the others moved. */
  List<InstanceOutcome> migrate(MigrationRequest request, List<String> processInstanceIds);

  /**
   * The same move as one engine batch ({@code executeAsync}): for comparing figures with the engine's own batch
   * execution; the job executor runs its jobs. Returns when the batch is done or {@code timeoutMillis} passed.
   */
  EngineBatchFigures migrateAsEngineBatch(MigrationRequest request, long timeoutMillis);

  /** One deployed version. {@code versionTag} may be null. */
  record ProcessVersion(String processKey, int version, String versionTag, String deploymentId, Instant deployedAt,
      long runningInstances) {
  }

  /**
   * What the process owner asks: move from source to target version, with mappings of their own (source activity id
   * to target activity id) for the activities whose ids differ.
   */
  record MigrationRequest(String processKey, int sourceVersion, int targetVersion, Map<String, String> mappings) {

    public MigrationRequest {
      mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
    }

    /** The way back: target to source, the own mappings reversed. */
    public MigrationRequest reversed() {
      Map<String, String> back = new java.util.LinkedHashMap<>();
      mappings.forEach((source, target) -> back.put(target, source));
      return new MigrationRequest(processKey, targetVersion, sourceVersion, back);
    }
  }

  /** The plan: its instructions, the waiting activities left unmapped, what the target offers, and the problems. */
  record MigrationPlanView(MigrationRequest request, List<ActivityMapping> mappings, List<Activity> unmapped,
      List<Activity> targetActivities, List<Problem> problems) {

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** One instruction: {@code generated} when the engine made it (equal ids), false when the process owner chose it. */
  record ActivityMapping(Activity source, Activity target, boolean generated) {
  }

  /**
   * An activity of a model. {@code waiting} counts the running instances of the source version that wait there
   * (only for unmapped source activities; 0 elsewhere).
   */
  record Activity(String id, String name, String type, long waiting) {
  }

  /**
   * What the engine's validation refused, as a kind the pages say in Dutch, with the activities concerned.
   * {@code engineText} is the engine's own (English) sentence, for the log and for kinds we have no words for.
   */
  record Problem(ProblemKind kind, String sourceActivityId, String targetActivityId, String engineText) {
  }

  /** The kinds of the engine's validation failures (plan and instance). */
  enum ProblemKind {
    INCOMPATIBLE_TYPES, EVENT_TYPE, MAPPED_TWICE, EVENT_SCOPE, MULTI_INSTANCE, FLOW_SCOPE, GATEWAY, EVENT_TRIGGER,
    NOT_MAPPED, UNSUPPORTED, VARIABLE_CONFLICT, ASYNC, UNKNOWN_ACTIVITY, NOT_ON_SOURCE, CONFLICT, DEADLINES_CHANGED,
    OTHER
  }

  /** A running instance: its id and the case (business key) it belongs to. */
  record RunningInstance(String processInstanceId, String caseId) {
  }

  /** What a migration would do to one instance: its open activities' moves, or why it fails. */
  record InstancePreview(String processInstanceId, String caseId, List<Move> moves, List<Problem> problems) {

    public boolean succeeds() {
      return problems.isEmpty();
    }
  }

  /** An open activity moving from a source activity to a target activity. */
  record Move(Activity from, Activity to) {
  }

  /** What a migration did to one instance. {@code problem} is empty when it succeeded. */
  record InstanceOutcome(String processInstanceId, String caseId, Optional<Problem> problem) {

    public boolean succeeded() {
      return problem.isEmpty();
    }
  }

  /** The engine's batch: how many jobs it made and how long they took; {@code completed} false on a timeout. */
  record EngineBatchFigures(String batchId, int instances, int batchJobs, long millis, boolean completed) {
  }
}
