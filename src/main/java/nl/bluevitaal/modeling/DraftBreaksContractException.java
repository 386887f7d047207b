package nl.bluevitaal.modeling;

import java.util.List;
import nl.bluevitaal.journey.DecisionBench;
import nl.bluevitaal.journey.ModelViolation;

/**
 * A draft that may not be proposed or deployed: it breaks the model contract, or, for a decision, one of its test
 * cases fails. Carries what the page shows beside the diagram: each broken rule with its element, and the bench's
 * report (null for a process).
 */
public class DraftBreaksContractException extends RuntimeException {

  private final transient List<ModelViolation> violations;
  private final transient DecisionBench.Report tests;

  public DraftBreaksContractException(List<ModelViolation> violations, DecisionBench.Report tests) {
    super(violations.size() + " contract violation(s)" + (tests == null ? "" : ", " + tests.failures()
        + " failing test case(s)"));
    this.violations = List.copyOf(violations);
    this.tests = tests;
  }

  public List<ModelViolation> violations() {
    return violations;
  }

  /** The decision's test cases run on the draft, or null for a process. */
  public DecisionBench.Report tests() {
    return tests;
  }
}
