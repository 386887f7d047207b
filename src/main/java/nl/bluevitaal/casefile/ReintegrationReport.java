package nl.bluevitaal.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * The re-integration report (RIV) bundle: seven recognisable parts plus the employee's own view. {@code complete}
 * says whether every part the reader may see holds a released document.
 */
public record ReintegrationReport(UUID caseId, @Nullable CaseDocument cover, List<Part> parts, boolean complete) {

  public enum PartName {
    PROBLEM_ANALYSIS(EnumSet.of(DocumentType.PROBLEM_ANALYSIS)),
    PLAN_OF_ACTION(EnumSet.of(DocumentType.PLAN_OF_ACTION, DocumentType.PLAN_OF_ACTION_UPDATE,
        DocumentType.SPOOR2_PLAN)),
    PROBLEM_ANALYSIS_UPDATES(EnumSet.of(DocumentType.PROBLEM_ANALYSIS_UPDATE)),
    EVALUATIONS(EnumSet.of(DocumentType.EVALUATION, DocumentType.FIRST_YEAR_EVALUATION)),
    CURRENT_OPINION(EnumSet.of(DocumentType.CURRENT_OPINION)),
    FINAL_EVALUATION(EnumSet.of(DocumentType.FINAL_EVALUATION)),
    /** From the company doctor to the employee only (domain D); withheld from everyone else. */
    MEDICAL_INFORMATION(EnumSet.noneOf(DocumentType.class)),
    EMPLOYEE_VIEW(EnumSet.of(DocumentType.EMPLOYEE_VIEW));

    private final Set<DocumentType> types;

    PartName(Set<DocumentType> types) {
      this.types = types;
    }

    public Set<DocumentType> types() {
      return types;
    }
  }

  /** One part: its documents (or, for the medical information, the doctor's notes), or withheld from this reader. */
  public record Part(PartName name, List<CaseDocument> documents, List<MedicalNote> medicalNotes, boolean withheld,
      boolean complete) {
  }
}
