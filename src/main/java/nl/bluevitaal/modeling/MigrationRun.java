package nl.bluevitaal.modeling;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.ProblemKind;

/**
 * One migration run: who moved which instances from which version to which, and each instance's outcome. It runs in
 * the background: stored when it starts ({@code RUNNING}, with the number it set out to move), filled in as it goes
 * (the counts, the results and a heartbeat) and closed as {@code DONE}, or {@code INTERRUPTED} when it broke off.
 * {@code retryOf} names the run whose failed (or, interrupted, unmoved) instances this one tried again.
 *
 * <p>A dry run ({@code dryRun}) is a run that moves nothing: each instance is migrated and rolled back, its result
 * says whether it would succeed, and {@code counts} say how many cases each open step's move and each problem concern.
 */
public record MigrationRun(UUID id, MigrationRequest request, UUID retryOf, String startedBy,
    OffsetDateTime startedAt, OffsetDateTime finishedAt, int succeeded, int failed, List<Result> results,
    Status status, int planned, OffsetDateTime heartbeatAt, boolean dryRun, List<Count> counts) {

  /** Where a run is. */
  public enum Status { RUNNING, DONE, INTERRUPTED }

  public MigrationRun {
    results = results == null ? List.of() : List.copyOf(results);
    counts = counts == null ? List.of() : List.copyOf(counts);
  }

  public boolean running() {
    return status == Status.RUNNING;
  }

  public boolean interrupted() {
    return status == Status.INTERRUPTED;
  }

  /** How many instances the run has not come to (yet, or ever when it was interrupted). */
  public int remaining() {
    return Math.max(0, planned - succeeded - failed);
  }

  /** The same run as its node left it: interrupted, since no heartbeat came for too long. */
  public MigrationRun leftBehind() {
    return new MigrationRun(id, request, retryOf, startedBy, startedAt, finishedAt, succeeded, failed, results,
        Status.INTERRUPTED, planned, heartbeatAt, dryRun, counts);
  }

  /** The outcome of one instance: a problem kind, the activity concerned and the engine's sentence when it failed. */
  public record Result(String processInstanceId, String caseId, boolean succeeded, ProblemKind problem,
      String activityId, String detail) {
  }

  /**
   * What a dry run counted: the cases whose open step moves from {@code from} to {@code to} ({@code problem} null; a
   * null {@code to}: the step is left where it is), or the cases that fail for {@code problem} at those activities,
   * with the engine's sentence of the first of them. The names are the activities' in the models (null for a problem,
   * and for an activity without one).
   */
  public record Count(ProblemKind problem, String from, String fromName, String to, String toName, String detail,
      long cases) {

    public boolean move() {
      return problem == null;
    }

    public Count withCases(long number) {
      return new Count(problem, from, fromName, to, toName, detail, number);
    }

    /** The two counts of the same move or problem together, with the first one's detail. */
    public Count plus(Count other) {
      return withCases(cases + other.cases);
    }
  }

  /** The moves a dry run counted. */
  public List<Count> moves() {
    return counts.stream().filter(Count::move).toList();
  }

  /** The problems a dry run counted. */
  public List<Count> problems() {
    return counts.stream().filter(c -> !c.move()).toList();
  }

  public boolean hasFailures() {
    return failed > 0;
  }
}
