package nl.bluevitaal.casefile;

import java.util.EnumSet;
import java.util.Set;

/** The documents of the re-integration file (poortwachter.md). None of them may hold a diagnosis. */
public enum DocumentType {
  PROBLEM_ANALYSIS,
  PROBLEM_ANALYSIS_UPDATE,
  PLAN_OF_ACTION,
  PLAN_OF_ACTION_UPDATE,
  EVALUATION,
  FIRST_YEAR_EVALUATION,
  SPOOR2_PLAN,
  CURRENT_OPINION,
  FINAL_EVALUATION,
  /** The record of the 42-week sick report to UWV (date sent, reference); written by the counsellor. */
  UWV_NOTIFICATION,
  /** The employee's own view on the re-integration, part of the RIV. */
  EMPLOYEE_VIEW,
  /** The cover of the re-integration report (RIV); its parts are the other documents. */
  REINTEGRATION_REPORT;

  private static final Set<DocumentType> BY_COMPANY_DOCTOR =
      EnumSet.of(PROBLEM_ANALYSIS, PROBLEM_ANALYSIS_UPDATE, CURRENT_OPINION);
  private static final Set<DocumentType> CO_SIGNED = EnumSet.of(PLAN_OF_ACTION, PLAN_OF_ACTION_UPDATE, EVALUATION,
      FIRST_YEAR_EVALUATION, SPOOR2_PLAN, FINAL_EVALUATION);

  /**
   * Written by the company doctor: the employee reads and may correct it before it reaches the employer side, so it
   * passes {@link DocumentStatus#FOR_EMPLOYEE_REVIEW} and only the employee releases it.
   */
  public boolean byCompanyDoctor() {
    return BY_COMPANY_DOCTOR.contains(this);
  }

  /** Carries the functional advice (domain B) the line manager may read: the problem analysis and its updates. */
  public boolean carriesFunctionalAdvice() {
    return this == PROBLEM_ANALYSIS || this == PROBLEM_ANALYSIS_UPDATE;
  }

  /** Agreed and signed by employee and employer side (plan of action, evaluations). */
  public boolean coSigned() {
    return CO_SIGNED.contains(this);
  }
}
