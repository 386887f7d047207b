package nl.bluevitaal.poortwachter;

/** The dated steps of the poortwachter timeline, in legal order. */
public enum Milestone {
  PROBLEM_ANALYSIS("problemAnalysis"),
  PLAN_OF_ACTION("planOfAction"),
  UWV_NOTIFICATION("uwvNotification"),
  FIRST_YEAR_EVALUATION("firstYearEvaluation"),
  FINAL_EVALUATION("finalEvaluation"),
  WIA_APPLICATION("wiaApplication"),
  END_OF_WAGE_PAYMENT("endOfWagePayment");

  private final String key;

  Milestone(String key) {
    this.key = key;
  }

  /** The camelCase name used in JSON and configuration, e.g. {@code problemAnalysis}. */
  public String key() {
    return key;
  }
}
