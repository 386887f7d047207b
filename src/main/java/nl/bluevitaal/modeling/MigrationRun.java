package nl.bluevitaal.modeling;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.ProblemKind;

/**
 * One executed migration: who moved which instances from which version to which, and each instance's outcome.
 * {@code retryOf} names the run whose failed instances this one tried again.
 */
public record MigrationRun(UUID id, MigrationRequest request, UUID retryOf, String startedBy,
    OffsetDateTime startedAt, OffsetDateTime finishedAt, int succeeded, int failed, List<Result> results) {

  public MigrationRun {
    results = results == null ? List.of() : List.copyOf(results);
  }

  /** The outcome of one instance: a problem kind, the activity concerned and the engine's sentence when it failed. */
  public record Result(String processInstanceId, String caseId, boolean succeeded, ProblemKind problem,
      String activityId, String detail) {
  }

  public boolean hasFailures() {
    return failed > 0;
  }
}
