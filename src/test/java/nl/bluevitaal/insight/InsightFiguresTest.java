package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures on a small fixed caseload ({@link SmallCaseload}) against values worked out by hand: a count of 1 to 9
 * people is hidden as a small group; any other count is its hand-computed value or hidden to protect a small group.
 * Then the gate attacked at figure level: what one answer shows, read as an attacker would with every sum the page
 * states, pins down no hidden count; a team's figure is exactly its row of the unit's figure.
 */
@ApplicationTest
class InsightFiguresTest {

  @Autowired
  InsightFigures figures;
  @Autowired
  JdbcClient jdbc;

  SmallCaseload load;
  Actor management = CaseFixtures.actor("mgmt-figures", Groups.MANAGEMENT);

  @BeforeEach
  void smallCaseload() {
    load = new SmallCaseload(new ReadModelRows(jdbc), CaseFixtures.tag("Eenheid F"), "Team ", figures.today());
  }

  Figure figure(FigureKind kind, String team) {
    return figures.figure(management, kind, new FigureQuery(load.unit, team, load.year));
  }

  @Test
  void throughputCountsTheUnitsFlowsAndOpenCasesPerMonthAndEachTeamsYear() {
    Figure throughput = figure(FigureKind.THROUGHPUT, null);

    FigureTable flow = throughput.table("flow");
    assertThat(flow.columns()).containsExactly("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11",
        "M12", "Q1", "Q2", "Q3", "Q4", "YEAR");
    assertThat(flow.rows()).extracting(FigureTable.Row::key).containsExactly("INFLOW", "OUTFLOW");
    expectRow(flow, "INFLOW", Map.of("M1", 15L, "M2", 10L, "Q1", 25L, "YEAR", 25L));
    expectRow(flow, "OUTFLOW", Map.of("M3", 10L, "Q1", 10L, "YEAR", 10L));

    FigureTable teams = throughput.table("flow-teams");
    assertThat(teams.columns()).containsExactly("INFLOW", "OUTFLOW");
    expect(teams, load.a, Map.of("INFLOW", 12L, "OUTFLOW", 10L));
    expect(teams, load.c, Map.of("INFLOW", 10L));
    expect(teams, null, Map.of("INFLOW", 25L, "OUTFLOW", 10L));
    // Team B's three new cases are hidden, and so is a partner: the unit's 25 minus A's 12 and C's 10 would tell.
    assertThat(cell(teams, load.b, "INFLOW")).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(teams.rows().stream().filter(row -> !row.key().equals(InsightFigures.TOTAL))
        .map(row -> row.cells().get(0)).filter(shown -> shown.hidden() == Shown.Hidden.PROTECTS_SMALL_GROUP))
        .hasSize(1);

    FigureTable open = throughput.table("open");
    assertThat(open.columns()).startsWith("START", "M1").endsWith("M12");
    Map<String, Long> openTotal = new java.util.HashMap<>(Map.of("START", 11L, "M1", 26L, "M2", 36L));
    for (int month = 3; month <= 12; month++) {
      openTotal.put("M" + month, 26L);
    }
    expect(open, null, openTotal);
    // Months and open cases only for the unit: a team's month is rarely a group of ten, and team A's 23 and 13 beside
    // its flows would pin down what the gate hides.
    assertThat(open.rows()).extracting(FigureTable.Row::key).containsExactly(InsightFigures.TOTAL);

    // A team's figure: its year only.
    Figure teamA = figure(FigureKind.THROUGHPUT, load.a);
    assertThat(teamA.table("flow").rows()).isEmpty();
    assertThat(teamA.table("open").rows()).isEmpty();
    expect(teamA.table("flow-teams"), load.a, Map.of("INFLOW", 12L, "OUTFLOW", 10L));
  }

  @Test
  void phasesCountTheOpenCasesByThePhaseTheyAreInNow() {
    FigureTable phases = figure(FigureKind.PHASES, null).table("phases");

    expect(phases, load.a, Map.of("SPOOR_1", 11L, "PLAN_OF_ACTION", 2L, "TOTAL", 13L));
    expect(phases, load.b, Map.of("PLAN_OF_ACTION", 3L, "TOTAL", 3L));
    expect(phases, load.c, Map.of("PROBLEM_ANALYSIS", 10L, "TOTAL", 10L));
    expect(phases, null, Map.of("SPOOR_1", 11L, "PLAN_OF_ACTION", 5L, "PROBLEM_ANALYSIS", 10L, "TOTAL", 26L));
  }

  @Test
  void cycleTimesAreTheMedianAndPercentilesOfTheDaysPerPhaseOverGroupsOfTenOrMore() {
    Figure unit = figure(FigureKind.CYCLE_TIME, null);
    // 13 stays in the problem analysis: 1..10 days (team A, first quarter), 20, 30, 40 days (team B, second).
    FigureTable.Row analysis = row(unit.table("days"), "PROBLEM_ANALYSIS");
    expectCell(analysis.cells().get(0), 13);
    assertThat(analysis.cells().subList(1, 4)).containsExactly(Shown.of(7), Shown.of(10), Shown.of(30));
    FigureTable.Row trend = row(unit.table("trend"), "PROBLEM_ANALYSIS");
    assertThat(unit.table("trend").columns()).containsExactly("Q1", "Q2", "Q3", "Q4");
    assertThat(trend.cells()).containsExactly(Shown.of(5), Shown.hidden(Shown.Hidden.SMALL_GROUP),
        Shown.hidden(Shown.Hidden.SMALL_GROUP), Shown.hidden(Shown.Hidden.SMALL_GROUP));
    FigureTable.Row spoor = row(unit.table("days"), "SPOOR_1");
    expectCell(spoor.cells().get(0), 0);
    assertThat(spoor.cells().subList(1, 4)).containsOnly(Shown.hidden(Shown.Hidden.SMALL_GROUP));

    // Team A alone: its ten stays of 1..10 days; team B's three are too few for any statistic.
    FigureTable.Row teamA = row(figure(FigureKind.CYCLE_TIME, load.a).table("days"), "PROBLEM_ANALYSIS");
    expectCell(teamA.cells().get(0), 10);
    assertThat(teamA.cells().subList(1, 4)).containsExactly(Shown.of(5), Shown.of(8), Shown.of(9));
    assertThat(row(figure(FigureKind.CYCLE_TIME, load.b).table("days"), "PROBLEM_ANALYSIS").cells())
        .containsExactly(Shown.hidden(Shown.Hidden.SMALL_GROUP), Shown.hidden(Shown.Hidden.SMALL_GROUP),
            Shown.hidden(Shown.Hidden.SMALL_GROUP), Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }

  @Test
  void deadlinesCountHowEachMilestoneWasMetAndEscalationsPerRung() {
    Figure deadlines = figure(FigureKind.DEADLINES, null);
    FigureTable table = deadlines.table("deadlines");
    assertThat(table.columns()).containsExactly("ON_TIME", "LATE", "MISSED_OPEN", "NOT_DUE", "TOTAL",
        "MEDIAN_DAYS_LATE");
    FigureTable.Row analysis = row(table, "PROBLEM_ANALYSIS");
    expectCell(analysis.cells().get(0), 10);
    expectCell(analysis.cells().get(1), 2);
    expectCell(analysis.cells().get(2), 3);
    expectCell(analysis.cells().get(3), 0);
    expectCell(analysis.cells().get(4), 15);
    // Two late ones: too few for a median.
    assertThat(analysis.cells().get(5)).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    row(table, "PLAN_OF_ACTION").cells().subList(0, 5).forEach(shown -> expectCell(shown, 0));

    FigureTable escalations = deadlines.table("escalations");
    assertThat(escalations.columns()).containsExactly("0", "1", "2", "3");
    expect(escalations, load.a, Map.of("1", 12L));
    expect(escalations, load.b, Map.of("0", 3L));
    expect(escalations, null, Map.of("0", 3L, "1", 12L));
  }

  @Test
  void outcomesCountHowClosedCasesEndedAndTheMedianTimeToReturn() {
    Figure outcomes = figure(FigureKind.OUTCOMES, null);
    expect(outcomes.table("outcomes"), load.a, Map.of("OWN_WORK", 10L, "TOTAL", 10L));
    expect(outcomes.table("outcomes"), null, Map.of("OWN_WORK", 10L, "TOTAL", 10L));
    // Returned 10, 20, .., 100 days after the first sick day: the median (the fifth of ten) is 50.
    FigureTable.Row back = outcomes.table("return").rows().get(0);
    expectCell(back.cells().get(0), 10);
    assertThat(back.cells().get(1)).isEqualTo(Shown.of(50));
  }

  @Test
  void helpDemandCountsWhatTheNewCasesOfEachQuarterCameWith() {
    FigureTable table = figure(FigureKind.HELP_DEMAND, null).table("help-demand");
    assertThat(table.columns()).containsExactly("Q1", "Q2", "Q3", "Q4", "YEAR");
    Map<String, Long> q1 = Map.of("INFLOW", 25L, "INTENSITY_STANDAARD", 12L, "INTENSITY_INTENSIEF", 3L,
        "INTENSITY_LICHT", 10L, "INTENSITY_UNKNOWN", 0L, "BUDDY_RECOMMENDED", 5L, "AREA_CONTENT", 10L,
        "AREA_RELATIONS", 0L);
    q1.forEach((category, value) -> {
      expectCell(row(table, category).cells().get(0), value);
      expectCell(row(table, category).cells().get(4), value);
      row(table, category).cells().subList(1, 4).forEach(shown -> expectCell(shown, 0));
    });
  }

  @Test
  void missingAspectsCountOpenCasesThatLackWhatTheMethodExpects() {
    FigureTable table = figure(FigureKind.MISSING_ASPECTS, null).table("missing-aspects");
    expect(table, load.a, Map.of("IN_GUIDANCE", 13L, "NO_AGREED_GOAL", 2L, "NO_SHARED_RELAPSE_PLAN", 13L));
    expect(table, load.b, Map.of("IN_GUIDANCE", 3L, "NO_AGREED_GOAL", 3L, "NO_SHARED_RELAPSE_PLAN", 3L,
        "BUDDY_NOT_INVOLVED", 3L));
    expect(table, load.c, Map.of("IN_GUIDANCE", 10L));
    expect(table, null, Map.of("IN_GUIDANCE", 26L, "NO_AGREED_GOAL", 5L, "NO_SHARED_RELAPSE_PLAN", 16L,
        "BUDDY_NOT_INVOLVED", 3L));
  }

  // --- the gate attacked at figure level ---

  @Test
  void aTeamFilterIsolatingOnePersonShowsOnlyThatTeamsRowOfTheUnitsFigure() {
    // One person alone in a team of their own.
    new ReadModelRows(jdbc).add(ReadModelRows.CaseRow.opened(load.unit, "Team Solo", LocalDate.of(load.year, 5, 5)));
    for (FigureKind kind : FigureKind.values()) {
      Figure unit = figure(kind, null);
      Figure solo = figure(kind, "Team Solo");
      for (FigureTable table : solo.tables()) {
        for (FigureTable.Row row : table.rows()) {
          for (Shown shown : row.cells()) {
            assertThat(!shown.visible() || shown.value() == 0 || shown.value() >= 10)
                .as("%s %s %s shows a group smaller than 10", kind, table.key(), row.key()).isTrue();
          }
          if (row.team() != null) {
            assertThat(row).as("%s %s", kind, table.key()).isEqualTo(teamRow(unit.table(table.key()), "Team Solo"));
          }
        }
      }
    }
    FigureTable in = figure(FigureKind.THROUGHPUT, "Team Solo").table("flow-teams");
    assertThat(in.rows()).hasSize(1);
    assertThat(cell(in, "Team Solo", InsightFigures.INFLOW)).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }

  /**
   * Every team's figure is its rows of the unit's figure, whichever figure and team (a team's view is read from the
   * unit's kept release), and a team the unit does not know shows its own row of zeros, never another team's.
   */
  @Test
  void everyTeamsFigureIsItsRowsOfTheUnitsAndAnUnknownTeamShowsZeros() {
    for (FigureKind kind : FigureKind.values()) {
      Figure unit = figure(kind, null);
      for (String team : List.of(load.a, load.b, load.c)) {
        for (FigureTable table : figure(kind, team).tables()) {
          for (FigureTable.Row row : table.rows()) {
            if (row.team() != null) {
              assertThat(row).as("%s %s %s", kind, table.key(), team)
                  .isEqualTo(teamRow(unit.table(table.key()), team));
            }
          }
        }
      }
      for (FigureTable table : figure(kind, "Team Nieuw").tables()) {
        for (FigureTable.Row row : table.rows()) {
          assertThat(row.team()).as("%s %s", kind, table.key()).isIn("Team Nieuw", null);
          assertThat(row.cells()).as("%s %s %s", kind, table.key(), row.key())
              .allMatch(shown -> !shown.visible() || shown.value() == 0);
        }
      }
    }
  }

  @Test
  void noHiddenCountOfTheThroughputCanBeWorkedOutFromWhatItShows() {
    // Two months that differ by one case: one more case in team C in April, closed in May.
    new ReadModelRows(jdbc).add(ReadModelRows.CaseRow.opened(load.unit, load.c, LocalDate.of(load.year, 4, 2))
        .closed(LocalDate.of(load.year, 5, 3), "OTHER"));
    Figure throughput = figure(FigureKind.THROUGHPUT, null);

    Attack attack = new Attack();
    FigureTable teamYears = throughput.table("flow-teams");
    throughputSums(attack, teams(teamYears));
    throughput.tables().forEach(attack::read);

    assertThat(attack.hiddenCount()).as("hidden counts").isGreaterThan(0);
    assertThat(attack.workedOut()).as("hidden counts an attacker works out from %s", render(throughput)).isEmpty();
    // The one extra case in April and May is hidden: the unit's months and team C's one closed case.
    FigureTable flow = throughput.table("flow");
    assertThat(row(flow, InsightFigures.INFLOW).cells().get(flow.columns().indexOf("M4")).visible()).isFalse();
    assertThat(row(flow, InsightFigures.OUTFLOW).cells().get(flow.columns().indexOf("M5")).visible()).isFalse();
    assertThat(cell(teamYears, load.c, InsightFigures.OUTFLOW)).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }

  /**
   * Throughput, help demand and outcomes count the same people: a team's new cases are its inflow and the sum of its
   * intensities, its closed cases its outflow and the sum of its outcomes. An attacker holding all three answers (and
   * each team's help demand) works out no hidden count. Team D closed 2 cases in other work: throughput alone hides
   * team A's 10 closed to protect them, outcomes alone would show A's 10 closed in own work and its row total.
   */
  @Test
  void figuresThatCountTheSamePeopleRevealNoHiddenCountTogether() {
    String d = teamD(2, (i, row) -> row.closed(LocalDate.of(load.year, 6, 5), "OTHER_WORK"));
    Figure throughput = figure(FigureKind.THROUGHPUT, null);
    Figure outcomes = figure(FigureKind.OUTCOMES, null);
    Figure helpDemand = figure(FigureKind.HELP_DEMAND, null);
    List<String> teams = teams(throughput.table("flow-teams"));
    assertThat(teams).contains(d);

    Attack attack = new Attack();
    throughputSums(attack, teams);
    throughput.tables().forEach(attack::read);
    // Outcomes: each team's cases by outcome sum to its total, each outcome's teams to the unit's; the totals are the
    // outflow.
    FigureTable ended = outcomes.table("outcomes");
    for (String team : withTotal(teams)) {
      attack.sum("outcomes", team, InsightFigures.TOTAL, InsightFigures.OUTCOMES.stream()
          .map(outcome -> new Attack.Ref("outcomes", team, outcome)).toList());
      attack.same(new Attack.Ref("outcomes", team, InsightFigures.TOTAL),
          new Attack.Ref("flow-teams", team, InsightFigures.OUTFLOW));
    }
    for (String column : ended.columns()) {
      attack.sum("outcomes", null, column, teams.stream().map(team -> new Attack.Ref("outcomes", team, column))
          .toList());
    }
    attack.read(ended);
    // Help demand: the unit's quarters and year, and each team's year from the team's own figure; the intensities
    // part the new cases, which are the inflow.
    FigureTable asked = helpDemand.table("help-demand");
    for (String category : InsightFigures.HELP_DEMAND) {
      attack.sum("help-demand", category, "YEAR", List.of("Q1", "Q2", "Q3", "Q4").stream()
          .map(quarter -> new Attack.Ref("help-demand", category, quarter)).toList());
      attack.sum("help-demand", category, "YEAR", teams.stream()
          .map(team -> new Attack.Ref("help-demand " + team, category, "YEAR")).toList());
    }
    for (String column : asked.columns()) {
      attack.sum("help-demand", InsightFigures.INFLOW, column, InsightFigures.INTENSITIES.stream()
          .map(intensity -> new Attack.Ref("help-demand", intensity, column)).toList());
      attack.same(new Attack.Ref("help-demand", InsightFigures.INFLOW, column), column.equals("YEAR")
          ? new Attack.Ref("flow-teams", null, InsightFigures.INFLOW)
          : new Attack.Ref("flow", InsightFigures.INFLOW, column));
    }
    attack.read(asked);
    for (String team : teams) {
      String name = "help-demand " + team;
      attack.sum(name, InsightFigures.INFLOW, "YEAR", InsightFigures.INTENSITIES.stream()
          .map(intensity -> new Attack.Ref(name, intensity, "YEAR")).toList());
      attack.same(new Attack.Ref(name, InsightFigures.INFLOW, "YEAR"),
          new Attack.Ref("flow-teams", team, InsightFigures.INFLOW));
      attack.read(figure(FigureKind.HELP_DEMAND, team).table("help-demand"), name);
    }

    assertThat(attack.workedOut()).as("hidden counts an attacker works out from %s%s", render(throughput),
        render(outcomes)).isEmpty();
    // Team D's two closed cases stay hidden in both answers.
    assertThat(cell(throughput.table("flow-teams"), d, InsightFigures.OUTFLOW))
        .isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(cell(ended, d, InsightFigures.TOTAL)).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }

  /** Open cases in guidance are the open cases but those watching for a relapse: never a way round the gate. */
  @Test
  void theCasesInGuidanceBesideThePhasesRevealNoHiddenCount() {
    teamD(12, (i, row) -> row.in(i < 3 ? "RELAPSE_WATCH" : "SPOOR_1"));
    Figure phases = figure(FigureKind.PHASES, null);
    Figure missing = figure(FigureKind.MISSING_ASPECTS, null);
    List<String> teams = teams(phases.table("phases"));
    Attack attack = new Attack();
    FigureTable table = phases.table("phases");
    for (String team : withTotal(teams)) {
      attack.sum("phases", team, InsightFigures.TOTAL, InsightFigures.OPEN_PHASES.stream()
          .map(phase -> new Attack.Ref("phases", team, phase)).toList());
      attack.sum("phases", team, InsightFigures.TOTAL, List.of(new Attack.Ref("missing-aspects", team, "IN_GUIDANCE"),
          new Attack.Ref("phases", team, "RELAPSE_WATCH")));
    }
    for (String column : table.columns()) {
      attack.sum("phases", null, column, teams.stream().map(team -> new Attack.Ref("phases", team, column)).toList());
    }
    for (String aspect : InsightFigures.ASPECTS) {
      attack.sum("missing-aspects", null, aspect, teams.stream()
          .map(team -> new Attack.Ref("missing-aspects", team, aspect)).toList());
    }
    attack.read(table);
    missing.tables().forEach(attack::read);

    assertThat(attack.hiddenCount()).isGreaterThan(0);
    assertThat(attack.workedOut()).as("hidden counts an attacker works out from %s%s", render(phases),
        render(missing)).isEmpty();
  }

  @Test
  void noFigureCarriesACaseOrAName() {
    for (FigureKind kind : FigureKind.values()) {
      String shown = figure(kind, null).toString();
      for (var id : load.teamA) {
        assertThat(shown).doesNotContain(id.toString());
      }
      assertThat(shown).doesNotContain("counsellor-x");
    }
  }

  @Test
  void aLineManagerOfAnotherTeamAndAnEmployeeAreRefusedAndRecorded() {
    Actor lineManager = CaseFixtures.actor(CaseFixtures.tag("lm-f"), Groups.LINE_MANAGER);
    Actor employee = CaseFixtures.actor(CaseFixtures.tag("emp-f"), Groups.EMPLOYEE);
    assertThatThrownBy(() -> figures.figure(lineManager, FigureKind.THROUGHPUT,
        new FigureQuery(load.unit, load.a, load.year))).isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> figures.figure(lineManager, FigureKind.THROUGHPUT,
        new FigureQuery(load.unit, null, load.year))).isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> figures.figure(employee, FigureKind.PHASES,
        new FigureQuery(load.unit, null, load.year))).isInstanceOf(CaseAccessDeniedException.class);
  }

  @Test
  void everyReadIsAudited() {
    figure(FigureKind.PHASES, null);
    assertThat(jdbc.sql("""
            select count(*) from audit_event where actor_user_id = 'mgmt-figures' and action = 'READ'
               and domain = 'INSIGHT' and what like :w""")
        .param("w", "%phases%" + load.unit + "%").query(Long.class).single()).isGreaterThanOrEqualTo(1);
  }

  // --- helpers ---

  /** Each cell of the row as worked out by hand (absent columns: 0): a small group hidden, others shown or hidden. */
  private static void expect(FigureTable table, String team, Map<String, Long> byHand) {
    FigureTable.Row row = team == null ? table.headline() : teamRow(table, team);
    for (int i = 0; i < table.columns().size(); i++) {
      String column = table.columns().get(i);
      Shown shown = row.cells().get(i);
      long value = byHand.getOrDefault(column, 0L);
      assertThat(isShownAs(shown, value)).as("%s %s %s: %s by hand, shown %s", table.key(), team, column, value,
          shown).isTrue();
    }
  }

  /** Each cell of a keyed row exactly as worked out by hand (absent columns: 0): nothing of it hidden. */
  private static void expectRow(FigureTable table, String key, Map<String, Long> byHand) {
    FigureTable.Row row = row(table, key);
    for (int i = 0; i < table.columns().size(); i++) {
      String column = table.columns().get(i);
      assertThat(row.cells().get(i)).as("%s %s %s", table.key(), key, column)
          .isEqualTo(Shown.of(byHand.getOrDefault(column, 0L)));
    }
  }

  private static void expectCell(Shown shown, long byHand) {
    assertThat(isShownAs(shown, byHand)).as("%s by hand, shown %s", byHand, shown).isTrue();
  }

  private static boolean isShownAs(Shown shown, long value) {
    if (value > 0 && value < 10) {
      return shown.equals(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    }
    return shown.equals(Shown.of(value)) || shown.equals(Shown.hidden(Shown.Hidden.PROTECTS_SMALL_GROUP));
  }

  /** A fourth team of the unit with {@code cases} cases opened the September before, each as {@code shaped} says. */
  private String teamD(int cases, BiFunction<Integer, ReadModelRows.CaseRow, ReadModelRows.CaseRow> shaped) {
    ReadModelRows rows = new ReadModelRows(jdbc);
    String d = load.a.replace(" A", " D");
    for (int i = 0; i < cases; i++) {
      rows.add(shaped.apply(i, ReadModelRows.CaseRow.opened(load.unit, d, LocalDate.of(load.year - 1, 9, 1))));
    }
    return d;
  }

  /** The sums throughput states: teams to the unit, months to quarters to the year, and the stock's balance. */
  private static void throughputSums(Attack attack, List<String> teams) {
    for (String flow : InsightFigures.FLOWS) {
      // Each team's year sums to the unit's, which is the unit's year in the table by month.
      attack.sum("flow-teams", null, flow, teams.stream().map(team -> new Attack.Ref("flow-teams", team, flow))
          .toList());
      attack.sum("flow", flow, "YEAR", List.of(new Attack.Ref("flow-teams", null, flow)));
      List<Attack.Ref> quarters = new ArrayList<>();
      for (int q = 1; q <= 4; q++) {
        List<Attack.Ref> months = new ArrayList<>();
        for (int m = 3 * q - 2; m <= 3 * q; m++) {
          months.add(new Attack.Ref("flow", flow, "M" + m));
        }
        attack.sum("flow", flow, "Q" + q, months);
        quarters.add(new Attack.Ref("flow", flow, "Q" + q));
      }
      attack.sum("flow", flow, "YEAR", quarters);
    }
    // The unit's open cases: last month's plus the unit's inflow minus its outflow.
    String before = "START";
    for (int m = 1; m <= 12; m++) {
      attack.balance(new Attack.Ref("open", null, "M" + m), new Attack.Ref("open", null, before),
          new Attack.Ref("flow", InsightFigures.INFLOW, "M" + m), new Attack.Ref("flow", InsightFigures.OUTFLOW,
              "M" + m));
      before = "M" + m;
    }
  }

  private static String render(Figure figure) {
    StringBuilder out = new StringBuilder();
    for (FigureTable table : figure.tables()) {
      out.append('\n').append(table.key()).append(' ').append(table.columns());
      for (FigureTable.Row row : table.rows()) {
        out.append('\n').append(row.team() == null ? row.key() : row.team()).append(": ");
        row.cells().forEach(c -> out.append(c.visible() ? String.valueOf(c.count())
            : c.hidden() == Shown.Hidden.SMALL_GROUP ? "<10" : "-").append(' '));
      }
    }
    return out.toString();
  }

  static FigureTable.Row teamRow(FigureTable table, String team) {
    return table.rows().stream().filter(row -> team.equals(row.team())).findFirst().orElseThrow();
  }

  static FigureTable.Row row(FigureTable table, String key) {
    return table.rows().stream().filter(row -> key.equals(row.key())).findFirst().orElseThrow();
  }

  static Shown cell(FigureTable table, String team, String column) {
    FigureTable.Row row = team == null ? table.headline() : teamRow(table, team);
    return row.cells().get(table.columns().indexOf(column));
  }

  private static List<String> teams(FigureTable table) {
    return table.rows().stream().filter(row -> row.team() != null).map(FigureTable.Row::team).toList();
  }

  private static List<String> withTotal(List<String> teams) {
    List<String> all = new ArrayList<>(teams);
    all.add(null);
    return all;
  }
}
