package nl.bluevitaal.modeling;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations.InstanceOutcome;
import nl.bluevitaal.journey.CaseMigrations.InstancePreview;
import nl.bluevitaal.journey.CaseMigrations.MigrationPlanView;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.ProcessVersion;
import nl.bluevitaal.journey.CaseMigrations.RunningInstance;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.modeling.internal.MigrationRuns;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Moving running cases to another version, for process owners only: the plan, a dry run, the run itself with a result
 * per instance, and trying the failed ones again. A dry run is a run too, one that moves nothing. Migrating back is a
 * run from the target to the source. Every dry run, run and retry is in the audit trail (who, which process and
 * versions, how many instances); the process owner sees case ids and counts, never case content.
 *
 * <p>A run goes on in the background ({@code caseMigrationExecutor}), one per process at a time over all nodes (a lock
 * row); the request that starts it returns at once. Not transactional on purpose: the journey migrates each instance
 * in a transaction of its own, so one failing case leaves the others moved, and the run's outcomes are stored a chunk
 * at a time as it goes.
 */
@Service
public class CaseMigrationDesk {

  /** An audit event about no single case: the refusal and the actions of a process owner on the whole caseload. */
  private static final CaseParties NO_CASE = new CaseParties(null, null, null, null, null, Set.of());

  /** How many instances a run moves between two reports of its progress. */
  static final int CHUNK = 25;

  private static final Logger log = LoggerFactory.getLogger(CaseMigrationDesk.class);

  private final CaseMigrations migrations;
  private final MigrationRuns runs;
  private final AccessPolicy policy;
  private final Executor background;
  private final Duration staleAfter;
  private final Clock clock;

  CaseMigrationDesk(CaseMigrations migrations, MigrationRuns runs, AccessPolicy policy,
      @Qualifier("caseMigrationExecutor") Executor background,
      @Value("${bluevitaal.modeling.migration.stale-after:PT2M}") Duration staleAfter, Clock clock) {
    this.migrations = migrations;
    this.runs = runs;
    this.policy = policy;
    this.background = background;
    this.staleAfter = staleAfter;
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

  /**
   * Starts, in the background, a dry run: what moving every running instance of the source version would do, instance
   * by instance, nothing moved. At the national count of running journeys it takes minutes, so it is a run like the
   * move (stored, followed on its page, holding the process's lock: a dry run beside a move would measure nothing).
   *
   * @throws MigrationAlreadyRunningException when a run of the process is going on (on any node)
   */
  public MigrationRun startDryRun(Actor actor, MigrationRequest request) {
    ensureProcessOwner(actor, "case migration dry run");
    List<String> instances = onSource(request);
    MigrationRun run = begin(actor, request, instances, null, true);
    background.execute(() -> execute(actor, run, instances, "case migration dry run ", this::tryChunk));
    return run;
  }

  /**
   * The same dry run as {@link #startDryRun} in the caller's thread, returned finished: for the benchmark, which
   * measures it.
   */
  public MigrationRun dryRun(Actor actor, MigrationRequest request) {
    ensureProcessOwner(actor, "case migration dry run");
    List<String> instances = onSource(request);
    MigrationRun run = begin(actor, request, instances, null, true);
    execute(actor, run, instances, "case migration dry run ", this::tryChunk);
    return runs.find(run.id()).orElseThrow();
  }

  /**
   * Starts moving every running instance of the source version in the background and returns the run as it starts;
   * its page follows it.
   *
   * @throws MigrationAlreadyRunningException when a run of the process is going on (on any node)
   */
  public MigrationRun start(Actor actor, MigrationRequest request) {
    ensureProcessOwner(actor, "case migration");
    List<String> instances = onSource(request);
    MigrationRun run = begin(actor, request, instances, null, false);
    background.execute(() -> execute(actor, run, instances, "case migration ", this::moveChunk));
    return run;
  }

  /**
   * Moves every running instance of the source version in the caller's thread and returns the finished run: the same
   * run as {@link #start}, for the benchmark, which measures it.
   */
  public MigrationRun migrate(Actor actor, MigrationRequest request) {
    ensureProcessOwner(actor, "case migration");
    List<String> instances = onSource(request);
    MigrationRun run = begin(actor, request, instances, null, false);
    execute(actor, run, instances, "case migration ", this::moveChunk);
    return runs.find(run.id()).orElseThrow();
  }

  /**
   * Tries again, in the background, what a run did not move: its failed instances, and for a run that was interrupted
   * also those it never came to (every instance still on the source version), with mappings that may have been
   * completed since ({@code mappings} null: the run's own).
   *
   * @throws MigrationAlreadyRunningException when a run of the process is going on (this one, perhaps)
   */
  public MigrationRun retry(Actor actor, UUID runId, Map<String, String> mappings) {
    ensureProcessOwner(actor, "case migration retry");
    MigrationRun earlier = run(actor, runId);
    if (earlier.dryRun()) {
      // A dry run moved nothing, so there is nothing to try again: as a run to retry it does not exist.
      throw new MigrationRunNotFoundException(runId);
    }
    MigrationRequest request = mappings == null ? earlier.request()
        : new MigrationRequest(earlier.request().processKey(), earlier.request().sourceVersion(),
            earlier.request().targetVersion(), mappings);
    if (earlier.running()) {
      throw new MigrationAlreadyRunningException(request.processKey(), runId);
    }
    List<String> again = earlier.interrupted() ? onSource(request)
        : earlier.results().stream().filter(r -> !r.succeeded()).map(MigrationRun.Result::processInstanceId).toList();
    MigrationRun run = begin(actor, request, again, runId, false);
    background.execute(() -> execute(actor, run, again, "case migration retry of " + runId + " ", this::moveChunk));
    return run;
  }

  /**
   * A run as it stands. A run still marked running whose node has not reported for
   * {@code bluevitaal.modeling.migration.stale-after} was left behind by a node that stopped: it shows as interrupted,
   * and what it did not move can be tried again.
   */
  public MigrationRun run(Actor actor, UUID runId) {
    ensureProcessOwner(actor, "case migration run");
    MigrationRun run = runs.find(runId).orElseThrow(() -> new MigrationRunNotFoundException(runId));
    return leftBehind(run) ? run.leftBehind() : run;
  }

  /** The latest runs, newest first, without their results. */
  public List<MigrationRun> latestRuns(Actor actor, int limit) {
    ensureProcessOwner(actor, "case migration runs");
    return runs.latest(limit).stream().map(run -> leftBehind(run) ? run.leftBehind() : run).toList();
  }

  private boolean leftBehind(MigrationRun run) {
    return run.running() && run.heartbeatAt() != null
        && run.heartbeatAt().isBefore(OffsetDateTime.now(clock).minus(staleAfter));
  }

  private List<String> onSource(MigrationRequest request) {
    return migrations.running(request.processKey(), request.sourceVersion()).stream()
        .map(RunningInstance::processInstanceId).toList();
  }

  /** Stores the run as started, holding the process's lock, and records who started what. */
  private MigrationRun begin(Actor actor, MigrationRequest request, List<String> instances, UUID retryOf,
      boolean dryRun) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    MigrationRun run = new MigrationRun(UUID.randomUUID(), request, retryOf, actor.userId(), now, null, 0, 0,
        List.of(), MigrationRun.Status.RUNNING, instances.size(), now, dryRun, List.of());
    runs.start(run, staleAfter);
    audit(actor, "case migration " + (dryRun ? "dry run " : "run ") + run.id() + " started " + describe(request)
        + ": " + instances.size() + " instances" + (retryOf == null ? "" : ", retry of " + retryOf));
    return run;
  }

  /** Moves a chunk of instances and stores their outcomes. */
  private void moveChunk(MigrationRun run, List<String> chunk) {
    List<InstanceOutcome> outcomes = migrations.migrate(run.request(), chunk);
    runs.progress(run.id(), outcomes.stream().map(CaseMigrationDesk::result).toList(), OffsetDateTime.now(clock));
  }

  /**
   * Migrates a chunk of instances and rolls each back, and stores per instance whether it would succeed (with its
   * first problem) and what the chunk counted: per open step where it moves, per problem, how many cases.
   */
  private void tryChunk(MigrationRun run, List<String> chunk) {
    List<InstancePreview> previews = migrations.dryRun(run.request(), chunk);
    Map<List<String>, MigrationRun.Count> counts = new LinkedHashMap<>();
    for (InstancePreview preview : previews) {
      // Cases, not activity instances: a case waits at each of its seven milestone watches, say, and counts once.
      Map<List<String>, MigrationRun.Count> inCase = new LinkedHashMap<>();
      preview.moves().forEach(move -> count(inCase, new MigrationRun.Count(null, move.from().id(),
          move.from().name(), move.to() == null ? null : move.to().id(), move.to() == null ? null : move.to().name(),
          null, 1)));
      preview.problems().forEach(problem -> count(inCase, new MigrationRun.Count(problem.kind(),
          problem.sourceActivityId(), null, problem.targetActivityId(), null, problem.engineText(), 1)));
      inCase.forEach((key, once) -> counts.merge(key, once.withCases(1), MigrationRun.Count::plus));
    }
    runs.progress(run.id(), previews.stream().map(CaseMigrationDesk::tried).toList(),
        List.copyOf(counts.values()), OffsetDateTime.now(clock));
  }

  private static void count(Map<List<String>, MigrationRun.Count> counts, MigrationRun.Count one) {
    counts.merge(Arrays.asList(one.problem() == null ? null : one.problem().name(), one.from(), one.to()), one,
        MigrationRun.Count::plus);
  }

  /**
   * Moves the instances a chunk at a time, each chunk's outcomes stored with a heartbeat, so the page shows progress
   * and a run whose node died is seen as such; closes the run as done, or as interrupted when it broke off (the node
   * shutting down, or an error outside a single instance), and releases the lock either way.
   */
  private void execute(Actor actor, MigrationRun run, List<String> instances, String what,
      BiConsumer<MigrationRun, List<String>> chunkStep) {
    MigrationRun.Status status = MigrationRun.Status.INTERRUPTED;
    try {
      for (int from = 0; from < instances.size(); from += CHUNK) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("the node is shutting down");
        }
        chunkStep.accept(run, instances.subList(from, Math.min(instances.size(), from + CHUNK)));
      }
      status = MigrationRun.Status.DONE;
    } catch (RuntimeException e) {
      log.warn("Case migration run {} broke off: {}", run.id(), e.toString());
    } finally {
      runs.finish(run.id(), status, OffsetDateTime.now(clock));
      MigrationRun done = runs.find(run.id()).orElse(run);
      audit(actor, what + run.id() + " " + describe(run.request()) + ": " + done.planned() + " instances, "
          + done.succeeded() + (run.dryRun() ? " would move, " : " moved, ") + done.failed()
          + (run.dryRun() ? " would fail" : " failed")
          + (status == MigrationRun.Status.DONE ? "" : ", interrupted with " + done.remaining() + " not tried"));
    }
  }

  /** A dry run's outcome of one instance: whether it would succeed, and else its first problem. */
  private static MigrationRun.Result tried(InstancePreview p) {
    return p.problems().stream().findFirst()
        .map(pr -> new MigrationRun.Result(p.processInstanceId(), p.caseId(), false, pr.kind(), pr.sourceActivityId(),
            pr.engineText()))
        .orElse(new MigrationRun.Result(p.processInstanceId(), p.caseId(), true, null, null, null));
  }

  private static MigrationRun.Result result(InstanceOutcome o) {
    return new MigrationRun.Result(o.processInstanceId(), o.caseId(), o.succeeded(),
        o.problem().map(p -> p.kind()).orElse(null), o.problem().map(p -> p.sourceActivityId()).orElse(null),
        o.problem().map(p -> p.engineText()).orElse(null));
  }

  private void audit(Actor actor, String what) {
    policy.recordAction(actor, NO_CASE, Domain.ADMINISTRATIVE, what.length() > 500 ? what.substring(0, 500) : what);
  }

  private static String describe(MigrationRequest request) {
    return request.processKey() + " v" + request.sourceVersion() + " to v" + request.targetVersion();
  }
}
