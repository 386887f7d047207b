package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.poortwachter.Milestone;

/**
 * {@code journeyCaseFile} in a dry run: phases and met deadlines land on the synthetic case. A phase or milestone the
 * case file does not know fails here as it would in production. Public because the draft calls it through expressions.
 */
public final class DryRunCaseFile {

  private final Function<String, DryRunCase> cases;
  private final Clock clock;

  DryRunCaseFile(Function<String, DryRunCase> cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  public void enterPhase(String caseId, String phase) {
    cases.apply(caseId).enterPhase(Phase.valueOf(phase));
  }

  public void deadlineMet(String caseId, String milestone) {
    cases.apply(caseId).markMet(Milestone.valueOf(milestone), LocalDate.now(clock));
  }

  /** The synthetic case has no partial return to work recorded. */
  public Long workCapacity(String caseId) {
    return 0L;
  }
}
