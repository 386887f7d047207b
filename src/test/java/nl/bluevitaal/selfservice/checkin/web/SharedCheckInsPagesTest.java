package nl.bluevitaal.selfservice.checkin.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CheckInTriage.Level;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.PageSection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The company doctor's page of the check-ins an employee shares with care, both ways: the doctor reads scores,
 * outcomes per week and notes only while the employee shares self-reports with care, and finds the way there on the
 * case page only then; the counsellor, the line manager and another doctor never see a score or a note, nor the
 * way to them. Every refusal and every read is in the audit trail.
 */
@ApplicationTest
class SharedCheckInsPagesTest {

  private static final String NOTE = "NOTITIE-MARKER slecht geslapen";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CheckIns checkIns;
  @Autowired
  SharingSettings sharing;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  JdbcTemplate jdbc;

  CaseFixtures.People people;
  String page;

  @BeforeEach
  void anEmployeeWithCheckInsInTwoWeeks() {
    people = fixtures.people("sc");
    page = "/dossiers/" + people.caseId() + "/check-ins";
    // Two weeks ago: one fair and one bad check-in, so that week is red; this week one good one with a note.
    CheckIn fair = submit(List.of(3, 3, 3, 3, 3), null);
    CheckIn bad = submit(List.of(1, 1, 1, 1, 1), null);
    jdbc.update("update check_in set taken_at = taken_at - interval '14' day where id in (?, ?)", fair.id(),
        bad.id());
    submit(List.of(4, 4, 4, 4, 4), NOTE);
  }

  @Test
  void theDoctorReadsTheSharedCheckInsScoresWeeksAndNotes() throws Exception {
    share(true);
    MvcResult result = mvc.perform(get(page).with(asDoctor()))
        .andExpect(status().isOk())
        .andExpect(view().name(SharedCheckInsController.VIEW))
        .andReturn();
    List<CheckIn> shown = attribute(result, "checkIns");
    assertThat(shown).extracting(CheckIn::scorePercentage).containsExactly(80, 20, 60);
    List<SharedCheckInsController.Week> weeks = attribute(result, "weeks");
    assertThat(weeks).hasSize(2);
    assertThat(weeks.get(0).count()).isEqualTo(1);
    assertThat(weeks.get(0).level()).isEqualTo(Level.GREEN);
    assertThat(weeks.get(1).count()).isEqualTo(2);
    assertThat(weeks.get(1).level()).as("one red check-in makes a red week").isEqualTo(Level.RED);
    assertThat(weeks.get(1).lowest()).isEqualTo(20);
    assertThat((String) attribute(result, "chartValues")).isEqualTo("60,20,80");
    String html = result.getResponse().getContentAsString();
    assertThat(html).contains(NOTE, "id=\"checkin-chart\"", "id=\"shared-checkin-table\"", "id=\"shared-week-table\"",
        "data-level=\"RED\"", "20 van 25", "Check-ins van " + people.employeeName());
    assertThat(auditTrail.forCase(people.caseId())).anySatisfy(e -> {
      assertThat(e.actorUserId()).isEqualTo(people.doctor());
      assertThat(e.action()).isEqualTo(AuditAction.READ);
      assertThat(e.domain()).isEqualTo(Domain.SELF_REPORTS);
    });
    assertThat(checkInSection(asDoctor())).as("the way there on the doctor's case page").isTrue();
    assertThat(casePage(asDoctor())).contains("/dossiers/" + people.caseId() + "/check-ins");
  }

  @Test
  void withoutSharingTheDoctorIsRefusedInDutchTheRefusalIsRecordedAndTheLinkIsAbsent() throws Exception {
    mvc.perform(get(page).with(asDoctor())).andExpect(status().isForbidden());
    assertThat(refusalsOf(people.doctor())).isNotEmpty();
    assertThat(checkInSection(asDoctor())).isFalse();
    assertThat(casePage(asDoctor())).doesNotContain(NOTE, "/check-ins");

    share(true);
    mvc.perform(get(page).with(asDoctor())).andExpect(status().isOk());
    share(false);
    mvc.perform(get(page).with(asDoctor())).andExpect(status().isForbidden());
    assertThat(checkInSection(asDoctor())).as("withdrawn sharing takes the link away").isFalse();
    assertThat(refusalsOf(people.doctor())).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theCounsellorNeverSeesScoresOrNotesEvenWhileTheEmployeeShares() throws Exception {
    share(true);
    RequestPostProcessor counsellor = as(people.counsellor(), Groups.COUNSELLOR);
    mvc.perform(get(page).with(counsellor)).andExpect(status().isForbidden());
    assertThat(refusalsOf(people.counsellor())).isNotEmpty();
    assertThat(checkInSection(counsellor)).isFalse();
    assertThat(casePage(counsellor)).doesNotContain(NOTE, "/check-ins", "20 van 25");
    mvc.perform(get("/api/cases/{id}/check-ins", people.caseId()).with(counsellor))
        .andExpect(status().isForbidden());
  }

  @Test
  void theLineManagerAndAnotherDoctorAreRefusedAndTheRefusalsRecorded() throws Exception {
    share(true);
    mvc.perform(get(page).with(as(people.lineManager(), Groups.LINE_MANAGER))).andExpect(status().isForbidden());
    assertThat(refusalsOf(people.lineManager())).isNotEmpty();
    String team = mvc.perform(get("/team/{id}", people.caseId()).with(as(people.lineManager(), Groups.LINE_MANAGER)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(team).doesNotContain(NOTE, "/check-ins");

    // Another company doctor may not know the case exists: the same 404 as an unknown case.
    mvc.perform(get(page).with(as(people.otherDoctor(), Groups.COMPANY_DOCTOR))).andExpect(status().isNotFound());
    assertThat(refusalsOf(people.otherDoctor())).isNotEmpty();
    mvc.perform(get("/dossiers/" + UUID.randomUUID() + "/check-ins").with(asDoctor()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/dossiers/geen-id/check-ins").with(asDoctor())).andExpect(status().isNotFound());
  }

  @Test
  void aDoctorWhoseEmployeeDidNoCheckInYetSeesThatInWords() throws Exception {
    CaseFixtures.People quiet = fixtures.people("sq");
    int version = sharing.get(quiet.asEmployee(), quiet.caseId()).version();
    sharing.update(quiet.asEmployee(), quiet.caseId(), version,
        List.of(new SharingChange(Domain.SELF_REPORTS, Audience.CARE, true)));
    String html = mvc.perform(get("/dossiers/" + quiet.caseId() + "/check-ins")
            .with(as(quiet.doctor(), Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("id=\"shared-checkins-empty\"").doesNotContain("checkin-chart");
  }

  private CheckIn submit(List<Integer> answers, String note) {
    return checkIns.submit(people.asEmployee(), people.caseId(),
        new NewCheckIn("WHO5", answers, note, UUID.randomUUID(), OffsetDateTime.now())).checkIn();
  }

  private void share(boolean granted) {
    int version = sharing.get(people.asEmployee(), people.caseId()).version();
    sharing.update(people.asEmployee(), people.caseId(), version,
        List.of(new SharingChange(Domain.SELF_REPORTS, Audience.CARE, granted)));
  }

  private boolean checkInSection(RequestPostProcessor who) throws Exception {
    MvcResult casePage = mvc.perform(get("/dossiers/" + people.caseId()).with(who))
        .andExpect(status().isOk()).andReturn();
    List<PageSection.Section> sections = attribute(casePage, "stepSections");
    return sections.stream().anyMatch(s -> s.key().equals("check-ins"));
  }

  private String casePage(RequestPostProcessor who) throws Exception {
    return mvc.perform(get("/dossiers/" + people.caseId()).with(who)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
  }

  private List<AuditEvent> refusalsOf(String user) {
    return auditTrail.forCase(people.caseId()).stream()
        .filter(e -> e.action() == AuditAction.REFUSED && e.actorUserId().equals(user)).toList();
  }

  private RequestPostProcessor asDoctor() {
    return as(people.doctor(), Groups.COMPANY_DOCTOR);
  }
}
