package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseLeave;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The case page's forms for the day UWV received the 42-week notification and for pregnancy and birth leave: the
 * deadlines follow the engine, bad input is named beside its field with what was typed, a stale form is a conflict,
 * and only the counsellor may record them (the line manager and the employee are refused, and it is audited).
 */
@ApplicationTest
class UwvNotificationAndLeavePagesTest {

  /** Sick this many days: the 42-week notification was due on day 294, so a late receipt fits before today. */
  private static final int SICK_DAYS = 300;

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  AuditTrail auditTrail;
  @Autowired
  Clock clock;

  String counsellor;
  String lineManager;
  String employee;
  LocalDate today;
  LocalDate firstSickDay;
  UUID caseId;

  @BeforeEach
  void aCaseSickForThreeHundredDays() {
    counsellor = fixtures.user("uwc", Groups.COUNSELLOR);
    lineManager = fixtures.user("uwlm", Groups.LINE_MANAGER);
    employee = fixtures.user("uwe", Groups.EMPLOYEE);
    String doctor = fixtures.user("uwd", Groups.COMPANY_DOCTOR);
    today = LocalDate.now(clock);
    firstSickDay = today.minusDays(SICK_DAYS);
    caseId = fixtures.sickCase(SickCase.of(employee, "Margriet Verlof " + CaseFixtures.tag("uw"))
        .team("Team Verlof", lineManager).counselledBy(counsellor, doctor).since(firstSickDay));
  }

  @Test
  void aLateNotificationMovesTheLastDeadlinesAndThePageSaysHowLate() throws Exception {
    LocalDate finalEvaluation = registry.dueDate(caseId, Milestone.FINAL_EVALUATION).orElseThrow();
    LocalDate uwvDeadline = firstSickDay.plusDays(7 * 42 - 1);
    // The day after the deadline is on time; two days after that is two days late.
    String receivedOn = uwvDeadline.plusDays(3).toString();

    mvc.perform(post("/dossiers/" + caseId + "/uwv-ziekmelding").with(csrf()).with(asCounsellor())
            .param("ontvangen", receivedOn).param("versie", version()))
        .andExpect(redirectedUrl("/dossiers/" + caseId))
        .andExpect(flash().attribute("caseNotice", "case.uwv.done"));

    assertThat(registry.uwvNotifiedOn(caseId)).contains(LocalDate.parse(receivedOn));
    assertThat(registry.dueDate(caseId, Milestone.FINAL_EVALUATION)).contains(finalEvaluation.plusDays(2));
    assertThat(registry.dueDate(caseId, Milestone.UWV_NOTIFICATION)).contains(uwvDeadline);
    MvcResult page = mvc.perform(get("/dossiers/" + caseId).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("uwvNotifiedOn", LocalDate.parse(receivedOn)))
        .andExpect(model().attribute("uwvForm", FormState.of(Map.of("ontvangen", receivedOn))))
        .andReturn();
    List<CaseDeadline> deadlines = attribute(page, "deadlines");
    assertThat(deadlines).filteredOn(d -> d.milestone() == Milestone.UWV_NOTIFICATION)
        .singleElement().extracting(CaseDeadline::daysLate).isEqualTo(2);
    assertThat(page.getResponse().getContentAsString()).contains("id=\"uwv-received\"", "data-days-late=\"2\"");

    // Corrected to the day after the deadline: on time, and the deadlines move back.
    mvc.perform(post("/dossiers/" + caseId + "/uwv-ziekmelding").with(csrf()).with(asCounsellor())
            .param("ontvangen", uwvDeadline.plusDays(1).toString()).param("versie", version()))
        .andExpect(redirectedUrl("/dossiers/" + caseId));
    assertThat(registry.dueDate(caseId, Milestone.FINAL_EVALUATION)).contains(finalEvaluation);
    assertThat(registry.deadlines(caseId)).filteredOn(d -> d.milestone() == Milestone.UWV_NOTIFICATION)
        .singleElement().extracting(CaseDeadline::daysLate).isEqualTo(0);
  }

  @Test
  void aWrongReceiptDateIsNamedBesideTheFieldAndKept() throws Exception {
    String beforeSick = firstSickDay.minusDays(1).toString();
    String tomorrow = today.plusDays(1).toString();
    for (Map.Entry<String, String> input : Map.of(beforeSick, "case.uwv.error.before-sick",
        tomorrow, "case.uwv.error.future", "", "case.uwv.error.required").entrySet()) {
      mvc.perform(post("/dossiers/" + caseId + "/uwv-ziekmelding").with(csrf()).with(asCounsellor())
              .param("ontvangen", input.getKey()).param("versie", version()))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(view().name("casefile/case"))
          .andExpect(model().attribute("uwvForm",
              new FormState(Map.of("ontvangen", input.getKey()), Map.of("ontvangen", input.getValue()), null)));
    }
    MvcResult notADate = mvc.perform(post("/dossiers/" + caseId + "/uwv-ziekmelding").with(csrf())
            .with(asCounsellor()).param("ontvangen", "gisteren").param("versie", version()))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    FormState form = attribute(notADate, "uwvForm");
    assertThat(form.value("ontvangen")).isEqualTo("gisteren");
    assertThat(form.invalid("ontvangen")).isTrue();
    assertThat(registry.uwvNotifiedOn(caseId)).isEmpty();
  }

  @Test
  void aStaleReceiptFormIsAConflictAndKeepsWhatWasTyped() throws Exception {
    String read = version();
    mvc.perform(post("/dossiers/" + caseId + "/gedeeltelijk-herstel").with(csrf()).with(asCounsellor())
            .param("percentage", "20").param("versie", read))
        .andExpect(status().is3xxRedirection());
    String receivedOn = today.minusDays(1).toString();

    mvc.perform(post("/dossiers/" + caseId + "/uwv-ziekmelding").with(csrf()).with(asCounsellor())
            .param("ontvangen", receivedOn).param("versie", read))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("uwvForm",
            new FormState(Map.of("ontvangen", receivedOn), Map.of(), "case.conflict")));
    assertThat(registry.uwvNotifiedOn(caseId)).isEmpty();
  }

  @Test
  void aLeaveJoinsTheRelapseAfterItIntoTheCaseAndStaysWhileItDoes() throws Exception {
    LocalDate leaveFrom = today.minusDays(120);
    LocalDate leaveTo = today.minusDays(10);
    mvc.perform(post("/dossiers/" + caseId + "/volledig-herstel").with(csrf()).with(asCounsellor())
            .param("datum", leaveFrom.toString()))
        .andExpect(redirectedUrl("/dossiers/" + caseId));

    mvc.perform(post("/dossiers/" + caseId + "/verlof").with(csrf()).with(asCounsellor())
            .param("van", leaveFrom.toString()).param("tot", leaveTo.toString()))
        .andExpect(redirectedUrl("/dossiers/" + caseId))
        .andExpect(flash().attribute("caseNotice", "case.leave.done"));
    MvcResult page = mvc.perform(get("/dossiers/" + caseId).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(model().attribute("recordsFacts", true))
        .andReturn();
    List<CaseLeave> leaves = attribute(page, "leaves");
    assertThat(leaves).extracting(CaseLeave::from, CaseLeave::to)
        .containsExactly(tuple(leaveFrom, leaveTo));
    // The relapse watch lasts until a report on the day after the leave can no longer come.
    assertThat(registry.relapseWindowEnd(caseId)).isEqualTo(leaveTo.plusDays(2));

    // 110 days after recovery, far past the 28-day window: the leave joins it to the same case and clock.
    LocalDate endBefore = registry.dueDate(caseId, Milestone.END_OF_WAGE_PAYMENT).orElse(null);
    UUID joined = registry.reportRelapse(registry.employeeOfCase(caseId).id(), leaveTo.plusDays(1));

    assertThat(joined).isEqualTo(caseId);
    assertThat(registry.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(registry.get(caseId).firstSickDay()).isEqualTo(firstSickDay);
    assertThat(endBefore).isNull();
    // 120 sick days before the leave; the 111 leave days are not counted.
    assertThat(registry.dueDate(caseId, Milestone.END_OF_WAGE_PAYMENT))
        .contains(firstSickDay.plusDays(7 * 104 - 1 + 111));

    mvc.perform(post("/dossiers/" + caseId + "/verlof/" + leaves.get(0).id() + "/verwijderen").with(csrf())
            .with(asCounsellor()))
        .andExpect(status().isConflict())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("leaveForm", FormState.empty().withFormError("case.leave.error.remove")));
    assertThat(registry.leaves(caseId)).hasSize(1);
  }

  @Test
  void aLeaveThatJoinsNothingCanBeRemoved() throws Exception {
    LocalDate recovered = today.minusDays(5);
    mvc.perform(post("/dossiers/" + caseId + "/volledig-herstel").with(csrf()).with(asCounsellor())
            .param("datum", recovered.toString()))
        .andExpect(redirectedUrl("/dossiers/" + caseId));
    mvc.perform(post("/dossiers/" + caseId + "/verlof").with(csrf()).with(asCounsellor())
            .param("van", recovered.toString()).param("tot", recovered.plusDays(111).toString()))
        .andExpect(redirectedUrl("/dossiers/" + caseId));
    UUID leave = registry.leaves(caseId).get(0).id();

    mvc.perform(post("/dossiers/" + caseId + "/verlof/" + leave + "/verwijderen").with(csrf()).with(asCounsellor()))
        .andExpect(redirectedUrl("/dossiers/" + caseId))
        .andExpect(flash().attribute("caseNotice", "case.leave.removed"));
    assertThat(registry.leaves(caseId)).isEmpty();
    assertThat(registry.relapseWindowEnd(caseId)).isEqualTo(recovered.plusDays(28));
  }

  @Test
  void aWrongLeaveIsNamedBesideItsFieldAndKept() throws Exception {
    // The case is still open: a leave inside its sick period overlaps it.
    String from = today.minusDays(5).toString();
    String to = today.plusDays(100).toString();
    mvc.perform(post("/dossiers/" + caseId + "/verlof").with(csrf()).with(asCounsellor())
            .param("van", from).param("tot", to))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("casefile/case"))
        .andExpect(model().attribute("leaveForm",
            new FormState(Map.of("van", from, "tot", to), Map.of("van", "case.leave.error.overlap"), null)));

    mvc.perform(post("/dossiers/" + caseId + "/verlof").with(csrf()).with(asCounsellor())
            .param("van", to).param("tot", from))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(model().attribute("leaveForm",
            new FormState(Map.of("van", to, "tot", from), Map.of("tot", "case.leave.error.order"), null)));

    mvc.perform(post("/dossiers/" + caseId + "/verlof").with(csrf()).with(asCounsellor())
            .param("van", "").param("tot", ""))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(model().attribute("leaveForm", new FormState(Map.of("van", "", "tot", ""),
            Map.of("van", "case.leave.error.required", "tot", "case.leave.error.required"), null)));
    assertThat(registry.leaves(caseId)).isEmpty();
  }

  @Test
  void theLineManagerAndTheEmployeeMayNotRecordThemAndAreAudited() throws Exception {
    String receivedOn = today.minusDays(1).toString();
    for (RequestPostProcessor refused : List.of(as(lineManager, Groups.LINE_MANAGER), as(employee, Groups.EMPLOYEE))) {
      mvc.perform(post("/dossiers/" + caseId + "/uwv-ziekmelding").with(csrf()).with(refused)
              .param("ontvangen", receivedOn).param("versie", version()))
          .andExpect(status().isForbidden());
      mvc.perform(post("/dossiers/" + caseId + "/verlof").with(csrf()).with(refused)
              .param("van", receivedOn).param("tot", receivedOn))
          .andExpect(status().isForbidden());
    }

    assertThat(registry.uwvNotifiedOn(caseId)).isEmpty();
    assertThat(registry.leaves(caseId)).isEmpty();
    assertThat(auditTrail.forCase(caseId)).filteredOn(e -> e.action() == AuditAction.REFUSED)
        .extracting(AuditEvent::actorUserId)
        .containsExactlyInAnyOrder(lineManager, lineManager, employee, employee);

    // The counsellor of the case may.
    mvc.perform(post("/dossiers/" + caseId + "/uwv-ziekmelding").with(csrf()).with(asCounsellor())
            .param("ontvangen", receivedOn).param("versie", version()))
        .andExpect(redirectedUrl("/dossiers/" + caseId));
    assertThat(registry.uwvNotifiedOn(caseId)).contains(LocalDate.parse(receivedOn));
  }

  private String version() {
    return String.valueOf(registry.get(caseId).version());
  }

  private RequestPostProcessor asCounsellor() {
    return as(counsellor, Groups.COUNSELLOR);
  }
}
