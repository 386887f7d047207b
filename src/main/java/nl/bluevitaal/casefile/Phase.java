package nl.bluevitaal.casefile;

/** Where a case stands on the poortwachter journey; the journey moves it, pages show it. */
public enum Phase {
  INTAKE,
  PROBLEM_ANALYSIS,
  PLAN_OF_ACTION,
  /** Spoor 1: working on return at the own employer, with evaluations at least every six weeks. */
  SPOOR_1,
  FIRST_YEAR_EVALUATION,
  /** Spoor 2: return with another employer, beside or instead of spoor 1. */
  SPOOR_2,
  FINAL_EVALUATION,
  WIA_APPLICATION,
  /** Fully recovered; a relapse within 28 days still joins this case. */
  RELAPSE_WATCH,
  CLOSED
}
