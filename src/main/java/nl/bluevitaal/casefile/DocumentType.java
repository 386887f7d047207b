package nl.bluevitaal.casefile;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import nl.bluevitaal.privacy.CaseRelation;

/** The documents of the re-integration file (docs/legal-spine.md). None of them may hold a diagnosis. */
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

  /**
   * Who writes a document of this type: the employee their own view; the company doctor, or a counsellor working
   * under the doctor's delegation, the doctor's documents; the case's counsellor everything else.
   */
  public boolean writtenBy(Set<CaseRelation> relations) {
    if (this == EMPLOYEE_VIEW) {
      return relations.contains(CaseRelation.EMPLOYEE);
    }
    if (byCompanyDoctor()) {
      return relations.contains(CaseRelation.COMPANY_DOCTOR) || relations.contains(CaseRelation.CARE_PROFESSIONAL);
    }
    return relations.contains(CaseRelation.COUNSELLOR);
  }

  /**
   * The relation in which someone writes this type, as the version records it: the care professional's documents
   * say whether the doctor or a delegated counsellor wrote them.
   */
  public Optional<CaseRelation> writesAs(Set<CaseRelation> relations) {
    if (!writtenBy(relations)) {
      return Optional.empty();
    }
    if (this == EMPLOYEE_VIEW) {
      return Optional.of(CaseRelation.EMPLOYEE);
    }
    if (byCompanyDoctor()) {
      return Optional.of(relations.contains(CaseRelation.COMPANY_DOCTOR) ? CaseRelation.COMPANY_DOCTOR
          : CaseRelation.CARE_PROFESSIONAL);
    }
    return Optional.of(CaseRelation.COUNSELLOR);
  }

  /** The types these relations write, in this enum's order. */
  public static Set<DocumentType> writtenByAny(Set<CaseRelation> relations) {
    Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
    for (DocumentType type : values()) {
      if (type.writtenBy(relations)) {
        types.add(type);
      }
    }
    return types;
  }

  /**
   * The relation in which someone signs a co-signed document: as the employee, or for the employer side as the
   * line manager or the case's counsellor. Empty for anyone else and for a type that is not signed.
   */
  public Optional<CaseRelation> signsAs(Set<CaseRelation> relations) {
    if (!coSigned()) {
      return Optional.empty();
    }
    if (relations.contains(CaseRelation.EMPLOYEE)) {
      return Optional.of(CaseRelation.EMPLOYEE);
    }
    if (relations.contains(CaseRelation.LINE_MANAGER)) {
      return Optional.of(CaseRelation.LINE_MANAGER);
    }
    if (relations.contains(CaseRelation.COUNSELLOR)) {
      return Optional.of(CaseRelation.COUNSELLOR);
    }
    return Optional.empty();
  }

  /** Whether a signature in this relation (a sign-off's recorded role) stands for the employer side. */
  public static boolean employerSide(String signedAs) {
    return CaseRelation.LINE_MANAGER.name().equals(signedAs) || CaseRelation.COUNSELLOR.name().equals(signedAs);
  }

  /** Whether the signatures under a version, by recorded role, are both the employee's and the employer side's. */
  public static boolean signedByBothSides(Collection<String> signedAs) {
    return signedAs.contains(CaseRelation.EMPLOYEE.name()) && signedAs.stream().anyMatch(DocumentType::employerSide);
  }
}
