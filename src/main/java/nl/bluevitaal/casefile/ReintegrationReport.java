package nl.bluevitaal.casefile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.privacy.CaseRelation;
import org.springframework.lang.Nullable;

/**
 * The re-integration report (RIV) bundle: seven recognisable parts plus the employee's own view. {@code gaps} says
 * per part what UWV would miss (the Regeling procesgang asks each part to be there, dated, and to name its author or
 * signer with their function); {@code complete} is true when there is none.
 */
public record ReintegrationReport(UUID caseId, @Nullable CaseDocument cover, List<Part> parts, boolean complete,
    List<Gap> gaps) {

  /** The relations in which someone writes or signs a part of the report; each is a function the report names. */
  private static final Set<CaseRelation> AUTHORING = EnumSet.of(CaseRelation.EMPLOYEE, CaseRelation.COMPANY_DOCTOR,
      CaseRelation.CARE_PROFESSIONAL, CaseRelation.COUNSELLOR, CaseRelation.LINE_MANAGER);

  public ReintegrationReport {
    parts = List.copyOf(parts);
    gaps = List.copyOf(gaps);
  }

  /** The report of these parts, with their gaps; {@code names} as {@link #gaps} takes them. */
  public static ReintegrationReport of(UUID caseId, @Nullable CaseDocument cover, List<Part> parts,
      Map<String, String> names) {
    List<Gap> gaps = gaps(parts, names);
    return new ReintegrationReport(caseId, cover, parts, gaps.isEmpty(), gaps);
  }

  /** The gaps of one part, for a page that lists them beside it. */
  public List<Gap> gapsOf(PartName part) {
    return gaps.stream().filter(g -> g.part() == part).toList();
  }

  public enum PartName {
    PROBLEM_ANALYSIS(EnumSet.of(DocumentType.PROBLEM_ANALYSIS), true),
    PLAN_OF_ACTION(EnumSet.of(DocumentType.PLAN_OF_ACTION, DocumentType.PLAN_OF_ACTION_UPDATE,
        DocumentType.SPOOR2_PLAN), true),
    /** Only when the analysis was updated: a case without a relapse or a changed prognosis has none. */
    PROBLEM_ANALYSIS_UPDATES(EnumSet.of(DocumentType.PROBLEM_ANALYSIS_UPDATE), false),
    EVALUATIONS(EnumSet.of(DocumentType.EVALUATION, DocumentType.FIRST_YEAR_EVALUATION), true),
    CURRENT_OPINION(EnumSet.of(DocumentType.CURRENT_OPINION), true),
    FINAL_EVALUATION(EnumSet.of(DocumentType.FINAL_EVALUATION), true),
    /** From the company doctor to the employee only (domain D); withheld from everyone else. */
    MEDICAL_INFORMATION(EnumSet.noneOf(DocumentType.class), true),
    EMPLOYEE_VIEW(EnumSet.of(DocumentType.EMPLOYEE_VIEW), true);

    private final Set<DocumentType> types;
    private final boolean required;

    PartName(Set<DocumentType> types, boolean required) {
      this.types = types;
      this.required = required;
    }

    public Set<DocumentType> types() {
      return types;
    }

    /** Whether the report lacks something without it (the updates are there only when there were any). */
    public boolean required() {
      return required;
    }
  }

  /**
   * One part: its documents (or, for the medical information, the doctor's notes), or withheld from this reader.
   * {@code complete} says it holds what it needs: a released document, or for the medical information notes the
   * doctor recorded (counted for a reader it is withheld from too, without showing them).
   */
  public record Part(PartName name, List<CaseDocument> documents, List<MedicalNote> medicalNotes, boolean withheld,
      boolean complete) {
  }

  /** What a part lacks. */
  public enum GapKind {
    /** No released document (or no medical information recorded). */
    ABSENT,
    /** A document or signature without a date. */
    UNDATED,
    /** The author's or signer's name is not known (an account that no longer exists, or none recorded). */
    UNNAMED,
    /** The role in which the author wrote or the signer signed is not recorded: the report cannot name a function. */
    WITHOUT_FUNCTION
  }

  /**
   * A gap in one part: {@code document} is the title of the document it concerns (null for the part as a whole),
   * {@code userId} the author or signer it concerns, when it concerns one.
   */
  public record Gap(PartName part, GapKind kind, @Nullable String document, @Nullable String userId) {
  }

  /**
   * The gaps of these parts. Each released document counts with its date (the version it was released with) and its
   * author, the person who wrote that version in their function on the case (for a document of the company doctor
   * that the employee corrected, the doctor remains its author), and each signature under that version with its date,
   * its signer and the side they signed for. {@code names} holds the display names of the accounts that exist.
   */
  public static List<Gap> gaps(List<Part> parts, Map<String, String> names) {
    List<Gap> gaps = new ArrayList<>();
    for (Part part : parts) {
      if (!part.complete()) {
        if (part.name().required()) {
          gaps.add(new Gap(part.name(), GapKind.ABSENT, null, null));
        }
        continue;
      }
      for (CaseDocument document : part.documents()) {
        if (!document.status().released() || document.current() == null) {
          continue;
        }
        DocumentVersion authored = authoredVersion(document);
        if (document.current().createdAt() == null) {
          gaps.add(new Gap(part.name(), GapKind.UNDATED, document.title(), null));
        }
        person(gaps, part.name(), document.title(), authored.authorUserId(), authored.authorRole(), names);
        for (SignOff signOff : document.signOffs()) {
          if (signOff.versionNumber() != document.current().number()) {
            continue;
          }
          if (signOff.signedAt() == null) {
            gaps.add(new Gap(part.name(), GapKind.UNDATED, document.title(), signOff.userId()));
          }
          person(gaps, part.name(), document.title(), signOff.userId(), signOff.role(), names);
        }
      }
    }
    return gaps;
  }

  /** The function a role recorded on a version or a sign-off stands for, when it names one. */
  public static boolean namesFunction(@Nullable String role) {
    return role != null && AUTHORING.stream().anyMatch(relation -> relation.name().equals(role));
  }

  private static void person(List<Gap> gaps, PartName part, String document, @Nullable String userId,
      @Nullable String role, Map<String, String> names) {
    if (userId == null || names.get(userId) == null || names.get(userId).isBlank()) {
      gaps.add(new Gap(part, GapKind.UNNAMED, document, userId));
    }
    if (!namesFunction(role)) {
      gaps.add(new Gap(part, GapKind.WITHOUT_FUNCTION, document, userId));
    }
  }

  /**
   * The version whose writer is the document's author: the latest one not written by the employee during their
   * review, except for the employee's own view.
   */
  public static DocumentVersion authoredVersion(CaseDocument document) {
    if (document.type() == DocumentType.EMPLOYEE_VIEW) {
      return document.current();
    }
    List<DocumentVersion> versions = document.versions();
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!CaseRelation.EMPLOYEE.name().equals(versions.get(i).authorRole())) {
        return versions.get(i);
      }
    }
    return document.current();
  }
}
