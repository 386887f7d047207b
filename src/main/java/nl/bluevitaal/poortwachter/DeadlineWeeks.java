package nl.bluevitaal.poortwachter;

/**
 * The week of sickness by whose end each step is due. Configuration, not code: the police's own legal
 * framework may set other numbers than the Civil Code defaults.
 */
public record DeadlineWeeks(int problemAnalysis, int planOfAction, int uwvNotification, int firstYearEvaluation,
    int finalEvaluation, int wiaApplication, int endOfWagePayment) {

  /** The Wet verbetering poortwachter defaults. */
  public static final DeadlineWeeks DEFAULTS = new DeadlineWeeks(6, 8, 42, 52, 91, 93, 104);

  public DeadlineWeeks {
    // A week below 1 has no last day on or after the first sick day, so no deadline could be computed.
    requireAtLeastOne("problemAnalysis", problemAnalysis);
    requireAtLeastOne("planOfAction", planOfAction);
    requireAtLeastOne("uwvNotification", uwvNotification);
    requireAtLeastOne("firstYearEvaluation", firstYearEvaluation);
    requireAtLeastOne("finalEvaluation", finalEvaluation);
    requireAtLeastOne("wiaApplication", wiaApplication);
    requireAtLeastOne("endOfWagePayment", endOfWagePayment);
  }

  public int weeksFor(Milestone milestone) {
    return switch (milestone) {
      case PROBLEM_ANALYSIS -> problemAnalysis;
      case PLAN_OF_ACTION -> planOfAction;
      case UWV_NOTIFICATION -> uwvNotification;
      case FIRST_YEAR_EVALUATION -> firstYearEvaluation;
      case FINAL_EVALUATION -> finalEvaluation;
      case WIA_APPLICATION -> wiaApplication;
      case END_OF_WAGE_PAYMENT -> endOfWagePayment;
    };
  }

  private static void requireAtLeastOne(String name, int weeks) {
    if (weeks < 1) {
      throw new IllegalArgumentException(name + " must be at least week 1, was " + weeks);
    }
  }
}
