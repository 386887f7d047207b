package nl.bluevitaal.modeling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.CaseMigrations.InstanceOutcome;
import nl.bluevitaal.journey.CaseMigrations.InstancePreview;
import nl.bluevitaal.journey.CaseMigrations.MigrationPlanView;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.ProcessVersion;
import nl.bluevitaal.journey.CaseMigrations.RunningInstance;
import nl.bluevitaal.modeling.internal.MigrationRuns;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import org.springframework.stereotype.Service;

/**
 * Moving running cases to another version, for process owners only: the plan, a dry run, the run itself with a result
 * per instance, and trying the failed ones again. Migrating back is a run from the target to the source. Every
 * dry run, run and retry is in the audit trail (who, which process and versions, how many instances); the process
 * owner sees case ids and counts, never case content.
 *
 * <p>Not transactional on purpose: the journey migrates each instance in a transaction of its own, so one failing
 * case leaves the others moved, and the run is stored once it is done.
 */
@Service
public class CaseMigrationDesk {

  /** An audit event about no single case: the refusal and the actions of a process owner on the whole caseload. */
  private static final CaseParties NO_CASE = new CaseParties(null, null, null, null, null, Set.of());

  private final CaseMigrations migrations;
  private final MigrationRuns runs;
  private final AccessPolicy policy;
  private final Clock clock;

  CaseMigrationDesk(CaseMigrations migrations, MigrationRuns runs, AccessPolicy policy, Clock clock) {
    this.migrations = migrations;
    this.runs = runs;
    this.policy = policy;
    this.clock = clock;
  }

  /** Throws the audited 403 for everyone but a process owner. */
  public void ensureProcessOwner(Actor actor, String what) {
    if (actor == null || !actor.isIn(Groups.PROCESS_OWNER)) {
      throw policy.roleRefusal(actor, null, what);
    }
  }

  public List<String> processKeys(Actor actor) {
    ensureProcessOwner(actor, "case migration");
    return migrations.processKeys();
  }

  public List<ProcessVersion> versions(Actor actor, String processKey) {
    ensureProcessOwner(actor, "case migration versions");
    return migrations.versions(processKey);
  }

  /** @throws IllegalArgumentException when the process or a version does not exist */
  public MigrationPlanView plan(Actor actor, MigrationRequest request) {
    ensureProcessOwner(actor, "case migration plan");
    return migrations.plan(request);
  }

  /** What moving every running instance of the source version would do, instance by instance. */
  public List<InstancePreview> dryRun(Actor actor, MigrationRequest request) {
    ensureProcessOwner(actor, "case migration dry run");
    List<String> instances = migrations.running(request.processKey(), request.sourceVersion()).stream()
        .map(RunningInstance::processInstanceId).toList();
    List<InstancePreview> previews = migrations.dryRun(request, instances);
    long failing = previews.stream().filter(p -> !p.succeeds()).count();
    audit(actor, "case migration dry run " + describe(request) + ": " + previews.size() + " instances, "
        + failing + " would fail");
    return previews;
  }

  /** Moves every running instance of the source version; the run and its results are kept. */
  public MigrationRun migrate(Actor actor, MigrationRequest request) {
    ensureProcessOwner(actor, "case migration");
    List<String> instances = migrations.running(request.processKey(), request.sourceVersion()).stream()
        .map(RunningInstance::processInstanceId).toList();
    return execute(actor, request, instances, null, "case migration ");
  }

  /**
   * Tries the failed instances of a run again, with mappings that may have been completed since ({@code mappings}
   * null: the run's own).
   */
  public MigrationRun retry(Actor actor, UUID runId, Map<String, String> mappings) {
    ensureProcessOwner(actor, "case migration retry");
    MigrationRun earlier = runs.find(runId).orElseThrow(() -> new MigrationRunNotFoundException(runId));
    MigrationRequest request = mappings == null ? earlier.request()
        : new MigrationRequest(earlier.request().processKey(), earlier.request().sourceVersion(),
            earlier.request().targetVersion(), mappings);
    List<String> failed = earlier.results().stream().filter(r -> !r.succeeded())
        .map(MigrationRun.Result::processInstanceId).toList();
    return execute(actor, request, failed, runId, "case migration retry of " + runId + " ");
  }

  public MigrationRun run(Actor actor, UUID runId) {
    ensureProcessOwner(actor, "case migration run");
    return runs.find(runId).orElseThrow(() -> new MigrationRunNotFoundException(runId));
  }

  /** The latest runs, newest first, without their results. */
  public List<MigrationRun> latestRuns(Actor actor, int limit) {
    ensureProcessOwner(actor, "case migration runs");
    return runs.latest(limit);
  }

  private MigrationRun execute(Actor actor, MigrationRequest request, List<String> instances, UUID retryOf,
      String what) {
    OffsetDateTime started = OffsetDateTime.now(clock);
    List<InstanceOutcome> outcomes = migrations.migrate(request, instances);
    List<MigrationRun.Result> results = outcomes.stream().map(o -> new MigrationRun.Result(o.processInstanceId(),
        o.caseId(), o.succeeded(), o.problem().map(p -> p.kind()).orElse(null),
        o.problem().map(p -> p.sourceActivityId()).orElse(null),
        o.problem().map(p -> p.engineText()).orElse(null))).toList();
    int succeeded = (int) outcomes.stream().filter(InstanceOutcome::succeeded).count();
    MigrationRun run = new MigrationRun(UUID.randomUUID(), request, retryOf, actor.userId(), started,
        OffsetDateTime.now(clock), succeeded, outcomes.size() - succeeded, results);
    runs.save(run);
    audit(actor, what + run.id() + " " + describe(request) + ": " + outcomes.size() + " instances, " + succeeded
        + " moved, " + run.failed() + " failed");
    return run;
  }

  private void audit(Actor actor, String what) {
    policy.recordAction(actor, NO_CASE, Domain.ADMINISTRATIVE, what.length() > 500 ? what.substring(0, 500) : what);
  }

  private static String describe(MigrationRequest request) {
    return request.processKey() + " v" + request.sourceVersion() + " to v" + request.targetVersion();
  }
}
