package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentProgress;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.ReintegrationReport;
import nl.bluevitaal.casefile.ReintegrationReport.GapKind;
import nl.bluevitaal.casefile.ReintegrationReport.PartName;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The RIV as its compiler (the counsellor, for the employer) sees it: the report's cover page lists in Dutch what each
 * part still lacks, the step that compiles it is not ready while anything does, and the medical part counts once the
 * doctor recorded it without reaching the employer side.
 */
@ApplicationTest
class ReintegrationReportPagesTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseDocuments documents;
  @Autowired
  DocumentChanges changes;
  @Autowired
  MedicalNotes medicalNotes;

  CaseFixtures.People people;
  UUID caseId;

  @BeforeEach
  void aCaseWithItsParties() {
    people = fixtures.people("riv");
    caseId = people.caseId();
  }

  @Test
  void theCoverPageListsWhatEachPartLacksInDutch() throws Exception {
    CaseDocument cover = released(DocumentType.REINTEGRATION_REPORT, "Re-integratieverslag");
    released(DocumentType.PLAN_OF_ACTION, "Plan van aanpak");

    MvcResult page = mvc.perform(get("/dossiers/" + caseId + "/documenten/" + cover.id())
            .with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(view().name("casefile/document"))
        .andExpect(content().string(Matchers.containsString("Wat nog ontbreekt in het re-integratieverslag")))
        .andExpect(content().string(Matchers.containsString("Probleemanalyse: ontbreekt nog")))
        .andReturn();
    ReintegrationReport report = attribute(page, "report");
    assertThat(report.complete()).isFalse();
    assertThat(report.gapsOf(PartName.PLAN_OF_ACTION)).isEmpty();
    assertThat(report.gapsOf(PartName.PROBLEM_ANALYSIS)).extracting(ReintegrationReport.Gap::kind)
        .containsExactly(GapKind.ABSENT);
  }

  @Test
  void theCompileStepWaitsForACompleteReportAndTheMedicalPartCountsWithoutReachingTheEmployer() {
    released(DocumentType.REINTEGRATION_REPORT, "Re-integratieverslag");

    DocumentProgress progress = documents.progress(people.asCounsellor(), caseId, DocumentType.REINTEGRATION_REPORT,
        DocumentStatus.RELEASED, null);
    assertThat(progress.shortfall()).isEqualTo(DocumentProgress.Shortfall.REPORT_INCOMPLETE);
    assertThat(progress.reportGaps()).extracting(ReintegrationReport.Gap::part)
        .contains(PartName.MEDICAL_INFORMATION, PartName.EMPLOYEE_VIEW)
        .doesNotContain(PartName.PROBLEM_ANALYSIS_UPDATES);

    medicalNotes.add(people.asDoctor(), caseId, "Spreekuur gehad.");

    ReintegrationReport report = documents.reintegrationReport(people.asCounsellor(), caseId);
    ReintegrationReport.Part medical = report.parts().stream()
        .filter(p -> p.name() == PartName.MEDICAL_INFORMATION).findFirst().orElseThrow();
    assertThat(medical.withheld()).isTrue();
    assertThat(medical.medicalNotes()).isEmpty();
    assertThat(report.gapsOf(PartName.MEDICAL_INFORMATION)).isEmpty();
  }

  private CaseDocument released(DocumentType type, String title) {
    CaseDocument document = changes.create(people.asCounsellor(), caseId, type, title, "Toelichting.", null);
    return changes.changeStatus(people.asCounsellor(), caseId, document.id(), document.version(),
        DocumentStatus.RELEASED);
  }
}
