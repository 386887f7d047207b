package nl.bluevitaal.journey;

/** A decision may not deploy: its test cases do not all pass (or it has none). */
public class DecisionTestsFailedException extends RuntimeException {

  private final DecisionBench.Report report;

  public DecisionTestsFailedException(DecisionBench.Report report) {
    super("Decision " + report.table().key() + ": " + report.failures() + " test case(s) fail, "
        + report.problems().size() + " problem(s)");
    this.report = report;
  }

  public DecisionBench.Report report() {
    return report;
  }
}
