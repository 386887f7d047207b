package nl.bluevitaal.insight;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.WorkList.Aspect;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A counsellor's own insight ({@code /inzicht/mijn}) against a fixed caseload in the read model, checked by hand: the
 * counts of their caseload through the gate, and their work list, which names only their own cases that miss
 * something and that they may open. Another counsellor is refused their list; the counsellors' lead reads its figures
 * but not the names; every refusal is audited.
 */
@ApplicationTest
class WorkListPageTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;
  @Autowired
  CaseFixtures fixtures;

  WorkRows rows;
  LocalDate today;
  String counsellor;
  String otherCounsellor;
  UUID missesEvaluationAndGoal;
  UUID lacksNothing;
  UUID missesBuddy;
  UUID othersCase;

  /**
   * The counsellor counsels three real cases: one whose last evaluation is 50 days back and that has no goal after
   * 100 days, one that lacks nothing, one whose intake recommended a buddy that is not involved. Besides them, ten
   * rows without a case in the case file: evaluated 60 days ago, back at work without a shared relapse plan, each
   * with an overdue step and a deadline this year (8 met on time); a closed case, and one watching for a relapse
   * (not judged). Another counsellor's case misses a goal.
   */
  @BeforeEach
  void aFixedCaseload() {
    rows = new WorkRows(jdbc);
    today = LocalDate.now(clock);
    counsellor = fixtures.user("wc", Groups.COUNSELLOR);
    otherCounsellor = fixtures.user("wo", Groups.COUNSELLOR);
    String doctor = fixtures.user("wd", Groups.COMPANY_DOCTOR);
    missesEvaluationAndGoal = realCase("Ans Werklijst", counsellor, doctor);
    lacksNothing = realCase("Bo Werklijst", counsellor, doctor);
    missesBuddy = realCase("Cas Werklijst", counsellor, doctor);
    othersCase = realCase("Dirk Anders", otherCounsellor, doctor);

    rows.insert(WorkRows.Case.of(missesEvaluationAndGoal, counsellor, today.minusDays(100), today.minusDays(50))
        .agreedGoal(false));
    rows.insert(WorkRows.Case.of(lacksNothing, counsellor, today.minusDays(100), today.minusDays(10))
        .buddy(true, true));
    rows.insert(WorkRows.Case.of(missesBuddy, counsellor, today.minusDays(30), null).agreedGoal(false)
        .buddy(true, false));
    rows.insert(WorkRows.Case.of(othersCase, otherCounsellor, today.minusDays(100), today.minusDays(10))
        .agreedGoal(false));
    String journey = ReintegrationJourneyProcess.PROCESS_KEY;
    rows.step(journey, "Task_Evaluation", missesEvaluationAndGoal, today.minusDays(20), null, null,
        today.minusDays(3));
    rows.step(journey, "Task_DraftPlanOfAction", missesEvaluationAndGoal, today.minusDays(20), null, null,
        today.minusDays(1));
    rows.step(journey, "Task_Evaluation", lacksNothing, today.minusDays(2), null, null, today.plusDays(5));
    LocalDate yearStart = today.withDayOfYear(1);
    for (int i = 0; i < 10; i++) {
      UUID id = rows.insert(WorkRows.Case.of(UUID.randomUUID(), counsellor, today.minusDays(200),
          today.minusDays(60)).returnedOn(today.minusDays(20), false));
      rows.step(journey, "Task_Evaluation", id, today.minusDays(30), null, null, today.minusDays(3));
      rows.deadline(id, "PLAN_OF_ACTION", yearStart, i < 8 ? yearStart : yearStart.plusDays(1));
    }
    rows.insert(WorkRows.Case.of(UUID.randomUUID(), counsellor, today.minusDays(300), null)
        .closed(today.minusDays(5)).agreedGoal(false));
    rows.insert(WorkRows.Case.of(UUID.randomUUID(), counsellor, today.minusDays(300), null)
        .phase("RELAPSE_WATCH").agreedGoal(false));
  }

  private UUID realCase(String name, String counsellor, String doctor) {
    String employee = fixtures.user("we", Groups.EMPLOYEE);
    return fixtures.sickCase(SickCase.of(employee, name).team("Team " + CaseFixtures.tag("w"), null)
        .counselledBy(counsellor, doctor));
  }

  @Test
  void theCounsellorSeesTheirCaseloadCountedByHandAndTheirWorkListByName() throws Exception {
    assumeTrue(today.getDayOfYear() > 1, "deadlines due this year before today");
    MvcResult page = mvc.perform(get("/inzicht/mijn").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(view().name("insight/mine"))
        .andExpect(content().string(containsString("Ans Werklijst")))
        .andExpect(content().string(containsString("href=\"/dossiers/" + missesEvaluationAndGoal + "\"")))
        .andExpect(content().string(not(containsString("Bo Werklijst"))))
        .andExpect(content().string(not(containsString("Dirk Anders"))))
        .andReturn();
    WorkList.CounsellorView view = attribute(page, "view");
    assertThat(view.own()).isTrue();
    // Open: 3 real + 10 + the one watching for a relapse = 14; the closed one is not open.
    assertThat(view.openCases()).isEqualTo(Shown.of(14));
    // An overdue step: the first real case (two steps, one case) and the ten = 11; a step not yet due is not.
    assertThat(view.overdueCases()).isEqualTo(Shown.of(11));
    // Missing anything: the first and third real case and the ten = 12.
    assertThat(view.missingAny()).isEqualTo(Shown.of(12));
    assertThat(view.missing()).containsEntry(Aspect.NO_RECENT_EVALUATION, Shown.of(11))
        .containsEntry(Aspect.NO_AGREED_GOAL, Shown.hidden(Shown.Hidden.SMALL_GROUP))
        .containsEntry(Aspect.NO_RELAPSE_PLAN, Shown.of(10))
        .containsEntry(Aspect.NO_BUDDY, Shown.hidden(Shown.Hidden.SMALL_GROUP));
    // Deadlines due this year: 10, of 10 cases, 8 met on their day.
    assertThat(view.deadlineCases()).isEqualTo(Shown.of(10));
    assertThat(view.onTime().value()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9));

    // The list: only the real cases they counsel and may open, by name, with what each misses.
    assertThat(view.items()).extracting(WorkList.Item::employeeName).containsExactly("Ans Werklijst", "Cas Werklijst");
    assertThat(view.items().get(0).missing()).isEqualTo(Set.of(Aspect.NO_RECENT_EVALUATION, Aspect.NO_AGREED_GOAL));
    assertThat(view.items().get(0).lastEvaluationOn()).isEqualTo(today.minusDays(50));
    assertThat(view.items().get(1).missing()).isEqualTo(Set.of(Aspect.NO_BUDDY));
  }

  @Test
  void theCounsellorsWorkListHoldsOnlyTheirOwnCases() throws Exception {
    MvcResult page = mvc.perform(get("/inzicht/mijn").with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andReturn();
    WorkList.CounsellorView view = attribute(page, "view");
    assertThat(view.items()).extracting(WorkList.Item::caseId).containsExactly(othersCase);
    assertThat(view.openCases()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }

  @Test
  void anotherCounsellorIsRefusedTheListAndTheRefusalIsRecorded() throws Exception {
    mvc.perform(get("/inzicht/mijn").param("begeleider", counsellor).with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isForbidden());
    assertThat(refusals(otherCounsellor)).isEqualTo(1);
  }

  @Test
  void theCounsellorsLeadReadsTheFiguresButNotTheNames() throws Exception {
    String lead = fixtures.user("wl", Groups.COUNSELLOR, Groups.COUNSELLOR_LEAD);
    MvcResult page = mvc.perform(get("/inzicht/mijn").param("begeleider", counsellor)
            .with(as(lead, Groups.COUNSELLOR, Groups.COUNSELLOR_LEAD)))
        .andExpect(status().isOk()).andExpect(view().name("insight/mine"))
        .andExpect(content().string(not(containsString("Ans Werklijst"))))
        .andReturn();
    WorkList.CounsellorView view = attribute(page, "view");
    assertThat(view.own()).isFalse();
    assertThat(view.counsellorUserId()).isEqualTo(counsellor);
    assertThat(view.openCases()).isEqualTo(Shown.of(14));
    assertThat(view.items()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {Groups.EMPLOYEE, Groups.LINE_MANAGER, Groups.BUDDY, Groups.MANAGEMENT,
      Groups.PROCESS_OWNER})
  void whoCounselsNoCaseloadIsRefusedAndTheRefusalIsRecorded(String group) throws Exception {
    String user = fixtures.user("x", group);
    mvc.perform(get("/inzicht/mijn").with(as(user, group))).andExpect(status().isForbidden());
    mvc.perform(get("/inzicht/mijn").param("begeleider", counsellor).with(as(user, group)))
        .andExpect(status().isForbidden());
    assertThat(refusals(user)).isEqualTo(2);
  }

  @Test
  void theHomePageLinksTheCounsellorToTheirWorkListWithItsCountThroughTheGate() throws Exception {
    mvc.perform(get("/").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/inzicht/mijn\"")))
        .andExpect(content().string(containsString("wat de methode verwacht: 12.")));
    mvc.perform(get("/").with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("wat de methode verwacht: &lt; 10.")));
    mvc.perform(get("/").with(as(fixtures.user("we", Groups.EMPLOYEE), Groups.EMPLOYEE)))
        .andExpect(status().isOk()).andExpect(content().string(not(containsString("/inzicht/mijn"))));
  }

  private int refusals(String user) {
    return jdbc.queryForObject("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'"
        + " and domain = 'INSIGHT'", Integer.class, user);
  }
}
