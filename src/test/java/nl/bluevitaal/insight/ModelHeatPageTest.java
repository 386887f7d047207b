package nl.bluevitaal.insight;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The heatmap ({@code /inzicht/model}) against a small fixed set of steps in the read model, checked by hand: cases
 * waiting per step (a small group hidden, and the total waiting shown without revealing it), median and 90th percentile
 * of the time spent and the share late over the steps completed in the period (steps outside it, or ended unfinished,
 * left out; a step of too few cases shows no time). Process owners and management read it; everyone else is refused,
 * and every refusal is in the audit trail.
 */
@ApplicationTest
class ModelHeatPageTest {

  private static final String JOURNEY = ReintegrationJourneyProcess.PROCESS_KEY;
  private static final String PLAN = "Task_DraftPlanOfAction";
  private static final String INTAKE = "Task_Intake";
  private static final String ANALYSIS = "Task_ProblemAnalysis";

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;
  @Autowired
  CaseFixtures fixtures;

  WorkRows rows;
  LocalDate inPeriod;

  /**
   * Waiting now: 12 cases at the plan of action, 3 at the intake (one of them with two open steps: one case), 10 at
   * the problem analysis. Completed in the last 12 months at the plan of action: 10 cases taking 1..10 days, of which
   * the 3 longest after their due date; besides, a step completed 13 months ago (100 days) and one ended unfinished
   * (50 days), both left out. At the intake 4 completed steps: too few cases for a time.
   */
  @BeforeEach
  void aFixedSetOfSteps() {
    rows = new WorkRows(jdbc);
    rows.clear();
    LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
    inPeriod = thisMonth.minusMonths(2).plusDays(9);
    IntStream.range(0, 12).forEach(i -> rows.step(JOURNEY, PLAN, UUID.randomUUID(), inPeriod, null, null, null));
    UUID twice = UUID.randomUUID();
    rows.step(JOURNEY, INTAKE, twice, inPeriod, null, null, null);
    rows.step(JOURNEY, INTAKE, twice, inPeriod.plusDays(1), null, null, null);
    IntStream.range(0, 2).forEach(i -> rows.step(JOURNEY, INTAKE, UUID.randomUUID(), inPeriod, null, null, null));
    IntStream.range(0, 10).forEach(i -> rows.step(JOURNEY, ANALYSIS, UUID.randomUUID(), inPeriod, null, null, null));
    for (int days = 1; days <= 10; days++) {
      LocalDate ended = inPeriod;
      // The steps of 8, 9 and 10 days ended a day after their due date; the others on it.
      LocalDate due = days >= 8 ? ended.minusDays(1) : ended;
      rows.step(JOURNEY, PLAN, UUID.randomUUID(), ended.minusDays(days), ended, true, due);
    }
    LocalDate longAgo = thisMonth.minusMonths(13);
    rows.step(JOURNEY, PLAN, UUID.randomUUID(), longAgo.minusDays(100), longAgo, true, longAgo);
    rows.step(JOURNEY, PLAN, UUID.randomUUID(), inPeriod.minusDays(50), inPeriod, false, inPeriod);
    IntStream.range(0, 4).forEach(i -> rows.step(JOURNEY, INTAKE, UUID.randomUUID(), inPeriod.minusDays(2), inPeriod,
        true, inPeriod));
  }

  @Test
  void theProcessOwnerSeesWaitingTimesAndLatenessPerStepComputedByHand() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);
    MvcResult page = mvc.perform(get("/inzicht/model").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("insight/model"))
        .andExpect(content().string(containsString("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")))
        .andExpect(content().string(containsString("/js/insight-heatmap.js")))
        .andExpect(content().string(containsString("Het meeste wachten: Plan van aanpak opstellen (12 dossiers")))
        .andReturn();
    ModelHeat.Heatmap heat = attribute(page, "heat");
    assertThat(heat.process().key()).isEqualTo(JOURNEY);
    assertThat(heat.period().key()).isEqualTo(ModelHeat.LAST_TWELVE_MONTHS);
    assertThat(heat.processes()).extracting(ModelHeat.Process::key)
        .containsExactly(JOURNEY, ReintegrationJourneyProcess.WATCH_PROCESS_KEY);
    // A fixed grid: the last 12 whole months and complete years, never this year so far (one month off the former).
    int year = LocalDate.now(clock).getYear();
    assertThat(heat.periods()).extracting(ModelHeat.Period::key).containsExactly(ModelHeat.LAST_TWELVE_MONTHS,
        String.valueOf(year - 1), String.valueOf(year - 2), String.valueOf(year - 3), String.valueOf(year - 4));

    ModelHeat.Element plan = element(heat, PLAN);
    assertThat(plan.name()).isEqualTo("Plan van aanpak opstellen");
    assertThat(plan.inDiagram()).isTrue();
    assertThat(plan.waiting()).isEqualTo(Shown.of(12));
    assertThat(plan.cases()).isEqualTo(Shown.of(10));
    // 1..10 days: the median halfway between 5 and 6, the 90th percentile 0.1 of the way from 9 to 10.
    assertThat(plan.medianDays().value()).isCloseTo(5.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(plan.p90Days().value()).isCloseTo(9.1, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(plan.shareLate().value()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-9));

    ModelHeat.Element intake = element(heat, INTAKE);
    assertThat(intake.waiting()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(intake.cases()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(intake.medianDays()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(intake.shareLate()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));

    // A step nobody completed in the period has no time at all (not a hidden one) and nobody waiting.
    ModelHeat.Element report = element(heat, "Task_ReportRecoveryToUwv");
    assertThat(report.waiting()).isEqualTo(Shown.of(0));
    assertThat(report.medianDays()).isNull();
    assertThat(report.shareLate()).isNull();
  }

  @Test
  void theTotalWaitingDoesNotRevealTheHiddenStep() throws Exception {
    MvcResult page = mvc.perform(get("/inzicht/model").with(as(fixtures.user("mg", Groups.MANAGEMENT),
            Groups.MANAGEMENT)))
        .andExpect(status().isOk()).andReturn();
    ModelHeat.Heatmap heat = attribute(page, "heat");
    // 12 + 3 + 10 = 25 cases waiting in all. With the total shown and the intake's 3 hidden, the total minus the
    // other steps would be 3: so the smallest other step (the problem analysis, 10) is hidden too.
    assertThat(heat.totalWaiting()).isEqualTo(Shown.of(25));
    assertThat(element(heat, INTAKE).waiting()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(element(heat, ANALYSIS).waiting()).isEqualTo(Shown.hidden(Shown.Hidden.PROTECTS_SMALL_GROUP));
    long visible = heat.elements().stream().filter(e -> e.waiting().visible()).mapToLong(e -> e.waiting().count())
        .sum();
    long hiddenSteps = heat.elements().stream().filter(e -> !e.waiting().visible()).count();
    assertThat(heat.totalWaiting().count() - visible).as("what the hidden steps hold together").isEqualTo(13);
    assertThat(hiddenSteps).as("two hidden steps share it, so neither can be worked out").isEqualTo(2);
    // On the page: "< 10" for the small group, "–" for the one that protects it, never the 3.
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains("data-element=\"Task_Intake\"").contains("&lt; 10").contains("–");
    assertThat(heat.mostWaiting().id()).isEqualTo(PLAN);
  }

  @Test
  void aCalledProcessAndAnotherPeriodCanBeChosen() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);
    rows.step(ReintegrationJourneyProcess.WATCH_PROCESS_KEY, "Task_HandleOverdueDeadline", UUID.randomUUID(),
        inPeriod, null, null, null);
    MvcResult page = mvc.perform(get("/inzicht/model").param("proces", ReintegrationJourneyProcess.WATCH_PROCESS_KEY)
            .param("periode", String.valueOf(inPeriod.minusYears(1).getYear()))
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andReturn();
    ModelHeat.Heatmap heat = attribute(page, "heat");
    assertThat(heat.process().key()).isEqualTo(ReintegrationJourneyProcess.WATCH_PROCESS_KEY);
    assertThat(heat.period().key()).isEqualTo(String.valueOf(inPeriod.minusYears(1).getYear()));
    assertThat(heat.elements()).extracting(ModelHeat.Element::id).containsExactly("Task_HandleOverdueDeadline");
    assertThat(heat.totalWaiting()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));

    mvc.perform(get("/inzicht/model/MilestoneWatch/diagram").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"MilestoneWatch\"")));
    mvc.perform(get("/inzicht/model").param("proces", "ContactWish").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/inzicht/model").param("periode", "1999").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/inzicht/model").param("periode", String.valueOf(LocalDate.now(clock).getYear()))
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/inzicht/model/IntakeRouting/diagram").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theHomePageLinksWhoMayReadIt() throws Exception {
    mvc.perform(get("/").with(as(fixtures.user("po", Groups.PROCESS_OWNER), Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/inzicht/model\"")));
    mvc.perform(get("/").with(as(fixtures.user("mg", Groups.MANAGEMENT), Groups.MANAGEMENT)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/inzicht/model\"")));
    mvc.perform(get("/").with(as(fixtures.user("co", Groups.COUNSELLOR), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(content().string(not(containsString("href=\"/inzicht/model\""))));
  }

  @ParameterizedTest
  @ValueSource(strings = {Groups.EMPLOYEE, Groups.LINE_MANAGER, Groups.BUDDY, Groups.COUNSELLOR,
      Groups.COMPANY_DOCTOR})
  void everyoneElseIsRefusedAndTheRefusalIsRecorded(String group) throws Exception {
    String user = fixtures.user("x", group);
    mvc.perform(get("/inzicht/model").with(as(user, group))).andExpect(status().isForbidden());
    mvc.perform(get("/inzicht/model/ReintegrationJourney/diagram").with(as(user, group)))
        .andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'"
        + " and domain = 'INSIGHT'", Integer.class, user)).isEqualTo(2);
  }

  @Test
  void everyReadIsRecorded() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);
    mvc.perform(get("/inzicht/model").with(as(owner, Groups.PROCESS_OWNER))).andExpect(status().isOk());
    List<String> what = new ArrayList<>(jdbc.queryForList("select what from audit_event where actor_user_id = ?"
        + " and action = 'READ' and domain = 'INSIGHT' and case_id is null", String.class, owner));
    assertThat(what).singleElement().asString().contains("model heatmap ReintegrationJourney 12m");
  }

  private static ModelHeat.Element element(ModelHeat.Heatmap heat, String id) {
    return heat.elements().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
