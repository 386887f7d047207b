package nl.bluevitaal.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.bluevitaal.privacy.CaseRelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who writes and who signs each document type: the one source the case file, its pages and the API ask. */
class DocumentTypeTest {

  static final Set<DocumentType> DOCTORS = EnumSet.of(DocumentType.PROBLEM_ANALYSIS,
      DocumentType.PROBLEM_ANALYSIS_UPDATE, DocumentType.CURRENT_OPINION);

  static Stream<Arguments> writers() {
    return Stream.of(DocumentType.values()).map(type -> Arguments.of(type,
        type == DocumentType.EMPLOYEE_VIEW ? EnumSet.of(CaseRelation.EMPLOYEE)
            : DOCTORS.contains(type) ? EnumSet.of(CaseRelation.COMPANY_DOCTOR, CaseRelation.CARE_PROFESSIONAL)
            : EnumSet.of(CaseRelation.COUNSELLOR)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void eachTypeHasItsWriters(DocumentType type, Set<CaseRelation> writers) {
    for (CaseRelation relation : CaseRelation.values()) {
      assertThat(type.writtenBy(EnumSet.of(relation))).as(relation.name()).isEqualTo(writers.contains(relation));
    }
    assertThat(type.writtenBy(EnumSet.noneOf(CaseRelation.class))).isFalse();
  }

  @Test
  void aDelegatedCounsellorWritesBothTheDoctorsDocumentsAndTheirOwn() {
    Set<CaseRelation> care = EnumSet.of(CaseRelation.CARE_PROFESSIONAL, CaseRelation.COUNSELLOR);

    assertThat(DocumentType.writtenByAny(care)).containsAll(DOCTORS).contains(DocumentType.PLAN_OF_ACTION)
        .doesNotContain(DocumentType.EMPLOYEE_VIEW);
    assertThat(DocumentType.PROBLEM_ANALYSIS.writesAs(care)).contains(CaseRelation.CARE_PROFESSIONAL);
    assertThat(DocumentType.PLAN_OF_ACTION.writesAs(care)).contains(CaseRelation.COUNSELLOR);
  }

  @Test
  void plansAndEvaluationsAreSignedByTheEmployeeAndTheEmployerSide() {
    List<DocumentType> signed = Stream.of(DocumentType.values()).filter(DocumentType::coSigned).toList();
    assertThat(signed).containsExactly(DocumentType.PLAN_OF_ACTION, DocumentType.PLAN_OF_ACTION_UPDATE,
        DocumentType.EVALUATION, DocumentType.FIRST_YEAR_EVALUATION, DocumentType.SPOOR2_PLAN,
        DocumentType.FINAL_EVALUATION);
    for (DocumentType type : signed) {
      assertThat(type.signsAs(EnumSet.of(CaseRelation.EMPLOYEE))).contains(CaseRelation.EMPLOYEE);
      assertThat(type.signsAs(EnumSet.of(CaseRelation.LINE_MANAGER))).contains(CaseRelation.LINE_MANAGER);
      assertThat(type.signsAs(EnumSet.of(CaseRelation.COUNSELLOR))).contains(CaseRelation.COUNSELLOR);
      assertThat(type.signsAs(EnumSet.of(CaseRelation.COMPANY_DOCTOR))).isEmpty();
      assertThat(type.signsAs(EnumSet.of(CaseRelation.BUDDY))).isEmpty();
    }
    assertThat(DocumentType.PROBLEM_ANALYSIS.signsAs(EnumSet.of(CaseRelation.EMPLOYEE))).isEmpty();
  }

  @Test
  void bothSidesMakeItSigned() {
    assertThat(DocumentType.signedByBothSides(List.of("EMPLOYEE", "LINE_MANAGER"))).isTrue();
    assertThat(DocumentType.signedByBothSides(List.of("EMPLOYEE", "COUNSELLOR"))).isTrue();
    assertThat(DocumentType.signedByBothSides(List.of("LINE_MANAGER", "COUNSELLOR"))).isFalse();
    assertThat(DocumentType.signedByBothSides(List.of("EMPLOYEE"))).isFalse();
  }
}
