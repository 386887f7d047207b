package nl.bluevitaal.selfservice.hometools.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.selfservice.hometools.EnergyBalance;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.selfservice.hometools.RelapsePlan;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.PageSection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The home tools are domain E, both ways: the employee's own; the company doctor reads them only while the employee
 * shares self-reports with care and never writes them; the counsellor, the line manager, a buddy and outsiders never
 * read them. Every refusal is recorded in the audit trail, and so is every read.
 */
@ApplicationTest
class HomeToolsPrivacyTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  HomeTools tools;
  @Autowired
  SharingSettings sharing;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  JdbcClient jdbc;

  CaseFixtures.People people;
  String shared;

  @BeforeEach
  void anEmployeeWithBothTools() {
    people = fixtures.people("hp");
    Actor employee = people.asEmployee();
    tools.saveEnergyBalance(employee, people.caseId(), 0,
        List.of(new EnergyBalance.Item("ENERGIE-MARKER wandelen", null)), List.of(), null);
    tools.saveRelapsePlan(employee, people.caseId(), null, new RelapsePlan.Content(null, null, "PLAN-MARKER", null,
        null, null, null, null, null, false, false));
    shared = "/dossiers/" + people.caseId() + "/thuisinstrumenten";
  }

  @Test
  void theEmployerSideAndOutsidersAreRefusedAndEachRefusalIsRecorded() throws Exception {
    record Who(String user, String group) {
    }
    for (Who who : List.of(new Who(people.counsellor(), Groups.COUNSELLOR),
        new Who(people.lineManager(), Groups.LINE_MANAGER), new Who(people.buddy(), Groups.BUDDY),
        new Who(people.otherDoctor(), Groups.COMPANY_DOCTOR), new Who(people.management(), Groups.MANAGEMENT))) {
      int status = mvc.perform(get(shared).with(as(who.user(), who.group()))).andReturn().getResponse().getStatus();
      assertThat(status).as(who.user()).isIn(403, 404);
      assertThat(refusalsOf(who.user())).as(who.user()).isNotEmpty();
      Actor actor = CaseFixtures.actor(who.user(), who.group());
      assertThatThrownBy(() -> tools.energyBalances(actor, people.caseId()))
          .isInstanceOf(CaseAccessDeniedException.class);
      assertThatThrownBy(() -> tools.relapsePlan(actor, people.caseId()))
          .isInstanceOf(CaseAccessDeniedException.class);
    }
    // The counsellor may see the case, so it is a 403 for them, not a 404.
    mvc.perform(get(shared).with(as(people.counsellor(), Groups.COUNSELLOR))).andExpect(status().isForbidden());
  }

  @Test
  void theDoctorReadsOnlyWhileTheEmployeeSharesAndNeverWrites() throws Exception {
    mvc.perform(get(shared).with(asDoctor())).andExpect(status().isForbidden());
    assertThat(refusalsOf(people.doctor())).isNotEmpty();
    assertThat(homeToolsSection()).isFalse();

    share(true);
    MvcResult page = mvc.perform(get(shared).with(asDoctor()))
        .andExpect(status().isOk())
        .andExpect(view().name(SharedHomeToolsController.VIEW))
        .andReturn();
    assertThat(this.<EnergyBalance>attr(page, "balance").gives()).extracting(EnergyBalance.Item::text)
        .containsExactly("ENERGIE-MARKER wandelen");
    assertThat(this.<RelapsePlan>attr(page, "plan").content().earlySignals()).isEqualTo("PLAN-MARKER");
    assertThat(auditTrail.forCase(people.caseId())).filteredOn(e -> e.actorUserId().equals(people.doctor())
        && e.action() == AuditAction.READ && e.domain() == Domain.SELF_REPORTS).hasSizeGreaterThanOrEqualTo(2);
    assertThat(homeToolsSection()).isTrue();
    assertThatThrownBy(() -> tools.saveEnergyBalance(people.asDoctor(), people.caseId(), 1, List.of(), List.of(),
        null)).isInstanceOf(CaseAccessDeniedException.class);

    share(false);
    mvc.perform(get(shared).with(asDoctor())).andExpect(status().isForbidden());
    assertThat(homeToolsSection()).isFalse();
  }

  @Test
  void theCounsellorDoesNotLearnThatTheToolsExist() throws Exception {
    share(true);
    MvcResult casePage = mvc.perform(get("/dossiers/" + people.caseId()).with(as(people.counsellor(),
        Groups.COUNSELLOR))).andExpect(status().isOk()).andReturn();
    List<PageSection.Section> sections = attribute(casePage, "stepSections");
    assertThat(sections).extracting(PageSection.Section::key).doesNotContain("home-tools");
    assertThat(casePage.getResponse().getContentAsString()).doesNotContain("ENERGIE-MARKER", "PLAN-MARKER",
        "thuisinstrumenten");
  }

  private boolean homeToolsSection() throws Exception {
    MvcResult casePage = mvc.perform(get("/dossiers/" + people.caseId()).with(asDoctor()))
        .andExpect(status().isOk()).andReturn();
    List<PageSection.Section> sections = attribute(casePage, "stepSections");
    return sections.stream().anyMatch(s -> s.key().equals("home-tools"));
  }

  /** Insight counts a relapse-prevention plan only while the care side may read it, and follows the consent. */
  @Test
  void insightCountsThePlanAsSharedExactlyWhileTheEmployeeSharesIt() {
    assertThat(planSharedInInsight()).isFalse();
    share(true);
    assertThat(planSharedInInsight()).isTrue();
    share(false);
    assertThat(planSharedInInsight()).isFalse();
  }

  private boolean planSharedInInsight() {
    return jdbc.sql("select relapse_plan_shared from insight_case where case_id = :c").param("c", people.caseId())
        .query(Boolean.class).single();
  }

  private void share(boolean granted) {
    int version = sharing.get(people.asEmployee(), people.caseId()).version();
    sharing.update(people.asEmployee(), people.caseId(), version,
        List.of(new SharingChange(Domain.SELF_REPORTS, Audience.CARE, granted)));
  }

  private List<AuditEvent> refusalsOf(String user) {
    return auditTrail.forCase(people.caseId()).stream()
        .filter(e -> e.action() == AuditAction.REFUSED && e.actorUserId().equals(user)).toList();
  }

  private RequestPostProcessor asDoctor() {
    return as(people.doctor(), Groups.COMPANY_DOCTOR);
  }

  private <T> T attr(MvcResult result, String name) {
    return attribute(result, name);
  }
}
