package nl.bluevitaal.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.ReintegrationReport.Gap;
import nl.bluevitaal.casefile.ReintegrationReport.GapKind;
import nl.bluevitaal.casefile.ReintegrationReport.Part;
import nl.bluevitaal.casefile.ReintegrationReport.PartName;
import org.junit.jupiter.api.Test;

/**
 * The RIV's completeness as the Regeling procesgang asks it: every part present, each document dated and naming its
 * author or signer with their function. The medical part counts as present when the doctor recorded it, also for a
 * reader it is withheld from; the updates of the analysis are there only when there were any.
 */
class ReintegrationReportTest {

  private static final UUID CASE = UUID.randomUUID();
  private static final OffsetDateTime MAY = OffsetDateTime.of(2026, 5, 4, 10, 0, 0, 0, ZoneOffset.UTC);
  private static final Map<String, String> NAMES = Map.of("doc", "Dirk Dokter", "couns", "Carla Casemanager",
      "emp", "Eva Medewerker", "lm", "Lars Leiding");

  @Test
  void aReportWithEveryPartReleasedDatedAndNamedIsComplete() {
    ReintegrationReport report = ReintegrationReport.of(CASE, null, completeParts(), NAMES);

    assertThat(report.gaps()).isEmpty();
    assertThat(report.complete()).isTrue();
  }

  @Test
  void aMissingPartIsNamedButNoUpdatesOfTheAnalysisIsFine() {
    List<Part> parts = replace(completeParts(), new Part(PartName.EMPLOYEE_VIEW, List.of(), List.of(), false, false));

    ReintegrationReport report = ReintegrationReport.of(CASE, null, parts, NAMES);

    assertThat(report.complete()).isFalse();
    assertThat(report.gaps()).containsExactly(new Gap(PartName.EMPLOYEE_VIEW, GapKind.ABSENT, null, null));
    assertThat(report.gapsOf(PartName.PROBLEM_ANALYSIS_UPDATES)).isEmpty();
  }

  @Test
  void aDraftDoesNotMakeAPartPresent() {
    CaseDocument draft = document(DocumentType.FINAL_EVALUATION, DocumentStatus.DRAFT, "Eindevaluatie",
        List.of(version(1, "couns", "COUNSELLOR", MAY)), List.of());
    List<Part> parts = replace(completeParts(),
        new Part(PartName.FINAL_EVALUATION, List.of(draft), List.of(), false, false));

    assertThat(ReintegrationReport.gaps(parts, NAMES))
        .containsExactly(new Gap(PartName.FINAL_EVALUATION, GapKind.ABSENT, null, null));
  }

  @Test
  void anUndatedDocumentIsNamed() {
    CaseDocument undated = document(DocumentType.CURRENT_OPINION, DocumentStatus.RELEASED, "Actueel oordeel",
        List.of(version(1, "doc", "COMPANY_DOCTOR", null)), List.of());
    List<Part> parts = replace(completeParts(),
        new Part(PartName.CURRENT_OPINION, List.of(undated), List.of(), false, true));

    assertThat(ReintegrationReport.gaps(parts, NAMES))
        .containsExactly(new Gap(PartName.CURRENT_OPINION, GapKind.UNDATED, "Actueel oordeel", null));
  }

  @Test
  void anAuthorWithoutAFunctionOrWithoutAKnownNameIsNamed() {
    CaseDocument noFunction = document(DocumentType.PLAN_OF_ACTION, DocumentStatus.RELEASED, "Plan van aanpak",
        List.of(version(1, "couns", null, MAY)), List.of());
    CaseDocument gone = document(DocumentType.EVALUATION, DocumentStatus.RELEASED, "Evaluatie",
        List.of(version(1, "left-the-force", "COUNSELLOR", MAY)), List.of());
    List<Part> parts = replace(replace(completeParts(),
        new Part(PartName.PLAN_OF_ACTION, List.of(noFunction), List.of(), false, true)),
        new Part(PartName.EVALUATIONS, List.of(gone), List.of(), false, true));

    assertThat(ReintegrationReport.gaps(parts, NAMES)).extracting(Gap::part, Gap::kind, Gap::userId)
        .containsExactly(tuple(PartName.PLAN_OF_ACTION, GapKind.WITHOUT_FUNCTION, "couns"),
            tuple(PartName.EVALUATIONS, GapKind.UNNAMED, "left-the-force"));
  }

  @Test
  void aSignatureUnderTheCurrentVersionNeedsADateANameAndAFunction() {
    CaseDocument plan = document(DocumentType.PLAN_OF_ACTION, DocumentStatus.SIGNED, "Plan van aanpak",
        List.of(version(1, "couns", "COUNSELLOR", MAY)),
        List.of(new SignOff(1, "emp", "EMPLOYEE", null), new SignOff(1, "lm", "BUDDY", MAY)));
    List<Part> parts = replace(completeParts(),
        new Part(PartName.PLAN_OF_ACTION, List.of(plan), List.of(), false, true));

    assertThat(ReintegrationReport.gaps(parts, NAMES)).extracting(Gap::kind, Gap::userId)
        .containsExactly(tuple(GapKind.UNDATED, "emp"), tuple(GapKind.WITHOUT_FUNCTION, "lm"));
  }

  @Test
  void theDoctorRemainsTheAuthorOfAnAnalysisTheEmployeeCorrected() {
    CaseDocument corrected = document(DocumentType.PROBLEM_ANALYSIS, DocumentStatus.RELEASED, "Probleemanalyse",
        List.of(version(1, "doc", "COMPANY_DOCTOR", MAY), version(2, "emp", "EMPLOYEE", MAY.plusDays(2))),
        List.of());

    assertThat(ReintegrationReport.authoredVersion(corrected).authorUserId()).isEqualTo("doc");
  }

  @Test
  void theMedicalPartWithheldFromTheReaderCountsWhenTheDoctorRecordedIt() {
    List<Part> recorded = replace(completeParts(),
        new Part(PartName.MEDICAL_INFORMATION, List.of(), List.of(), true, true));
    List<Part> nothing = replace(completeParts(),
        new Part(PartName.MEDICAL_INFORMATION, List.of(), List.of(), true, false));

    assertThat(ReintegrationReport.gaps(recorded, NAMES)).isEmpty();
    assertThat(ReintegrationReport.gaps(nothing, NAMES))
        .containsExactly(new Gap(PartName.MEDICAL_INFORMATION, GapKind.ABSENT, null, null));
  }

  private static List<Part> completeParts() {
    List<Part> parts = new ArrayList<>();
    parts.add(part(PartName.PROBLEM_ANALYSIS, DocumentType.PROBLEM_ANALYSIS, "doc", "COMPANY_DOCTOR"));
    parts.add(new Part(PartName.PLAN_OF_ACTION, List.of(document(DocumentType.PLAN_OF_ACTION, DocumentStatus.SIGNED,
        "Plan van aanpak", List.of(version(1, "couns", "COUNSELLOR", MAY)),
        List.of(new SignOff(1, "emp", "EMPLOYEE", MAY), new SignOff(1, "lm", "LINE_MANAGER", MAY)))), List.of(),
        false, true));
    parts.add(new Part(PartName.PROBLEM_ANALYSIS_UPDATES, List.of(), List.of(), false, false));
    parts.add(part(PartName.EVALUATIONS, DocumentType.FIRST_YEAR_EVALUATION, "couns", "COUNSELLOR"));
    parts.add(part(PartName.CURRENT_OPINION, DocumentType.CURRENT_OPINION, "doc", "COMPANY_DOCTOR"));
    parts.add(part(PartName.FINAL_EVALUATION, DocumentType.FINAL_EVALUATION, "couns", "COUNSELLOR"));
    parts.add(new Part(PartName.MEDICAL_INFORMATION, List.of(), List.of(), true, true));
    parts.add(part(PartName.EMPLOYEE_VIEW, DocumentType.EMPLOYEE_VIEW, "emp", "EMPLOYEE"));
    return parts;
  }

  private static Part part(PartName name, DocumentType type, String author, String role) {
    return new Part(name, List.of(document(type, DocumentStatus.RELEASED, type.name(),
        List.of(version(1, author, role, MAY)), List.of())), List.of(), false, true);
  }

  private static List<Part> replace(List<Part> parts, Part part) {
    return parts.stream().map(p -> p.name() == part.name() ? part : p).toList();
  }

  private static CaseDocument document(DocumentType type, DocumentStatus status, String title,
      List<DocumentVersion> versions, List<SignOff> signOffs) {
    return new CaseDocument(UUID.randomUUID(), CASE, type, status, title, versions.get(0).authorUserId(), MAY, MAY,
        status.released() ? MAY : null, 1, versions, signOffs);
  }

  private static DocumentVersion version(int number, String author, String role, OffsetDateTime at) {
    return new DocumentVersion(number, "tekst", null, author, role, at);
  }
}
