package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.ReadModelRows.CaseRow;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The standard absence figures on a small fixed caseload of last year, against values worked out by hand:
 *
 * <ul>
 *   <li>Team A (100 employees, 80 FTE all year): 20 people sick from 1 January, back at full work on 1 February
 *       (31 days); 10 of them worked half from 16 January (15 days unfit, 16 half: 23 sick days).</li>
 *   <li>Team B (30 employees, 24 FTE, population known January to September only): 3 people sick from 1 July,
 *       still sick.</li>
 *   <li>Team C (50 employees, 50 FTE): 10 people sick 1 to 10 April (half from 6 April: 7.5 sick days), back on 11
 *       April, and again from 21 April to 1 May: a relapse within the window starts fully unfit (10 days).</li>
 *   <li>Team E (40 employees, 40 FTE): 12 people sick from December the year before until 1 June, and 2 all year.</li>
 * </ul>
 */
@ApplicationTest
class AbsenceFiguresTest {

  @Autowired
  InsightFigures figures;
  @Autowired
  JdbcClient jdbc;

  Actor management = CaseFixtures.actor("mgmt-absence", Groups.MANAGEMENT);
  String unit;
  int year;
  String a;
  String b;
  String c;
  String e;

  @BeforeEach
  void caseload() {
    ReadModelRows rows = new ReadModelRows(jdbc);
    unit = CaseFixtures.tag("Eenheid V");
    a = "Team A";
    b = "Team B";
    c = "Team C";
    e = "Team E";
    year = figures.today().getYear() - 1;
    for (int i = 0; i < 20; i++) {
      UUID id = rows.add(CaseRow.opened(unit, a, day(1, 3)).closed(day(3, 1), "OWN_WORK"));
      rows.sickPeriod(id, day(1, 1), day(2, 1));
      if (i < 10) {
        rows.capacity(id, day(1, 16), 50);
      }
    }
    for (int i = 0; i < 3; i++) {
      UUID id = rows.add(CaseRow.opened(unit, b, day(7, 3)).in("SPOOR_1"));
      rows.sickPeriod(id, day(7, 1), null);
    }
    for (int i = 0; i < 10; i++) {
      UUID id = rows.add(CaseRow.opened(unit, c, day(4, 3)).closed(day(6, 1), "OWN_WORK"));
      rows.sickPeriod(id, day(4, 1), day(4, 11));
      rows.capacity(id, day(4, 6), 50);
      rows.sickPeriod(id, day(4, 21), day(5, 1));
    }
    for (int i = 0; i < 14; i++) {
      UUID id = rows.add(CaseRow.opened(unit, e, LocalDate.of(year - 1, 12, 3)).in("SPOOR_1"));
      rows.sickPeriod(id, LocalDate.of(year - 1, 12, 1), i < 12 ? day(6, 1) : null);
    }
    rows.population(unit, a, YearMonth.of(year, 1), YearMonth.of(year, 12), 100, "80");
    rows.population(unit, b, YearMonth.of(year, 1), YearMonth.of(year, 9), 30, "24");
    rows.population(unit, c, YearMonth.of(year, 1), YearMonth.of(year, 12), 50, "50");
    rows.population(unit, e, YearMonth.of(year, 1), YearMonth.of(year, 12), 40, "40");
  }

  private LocalDate day(int month, int day) {
    return LocalDate.of(year, month, day);
  }

  Figure absence(String team) {
    return figures.figure(management, FigureKind.ABSENCE, new FigureQuery(unit, team, year));
  }

  @Test
  void theAbsencePercentageWeighsIncapacityAndTheTeamsPartTimeFactor() {
    Figure absence = absence(null);

    // A in the year: (10 x 23 + 10 x 31) sick days x 0.8 / (80 FTE x 365 days) = 1.48 %.
    assertThat(cell(absence.table("absence-teams"), a, "ABSENCE_PERCENTAGE"))
        .isEqualTo(Shown.of(Math.round(1000.0 * 540 * 0.8 / (80 * yearDays())) / 10.0));
    // The unit in January: A's 432 weighed days and E's 14 all month, 14 x 31 = 434 days (factor 1), over
    // (80 + 24 + 50 + 40) FTE x 31 days: (432 + 434) / 6014 = 14.40 %.
    assertThat(unit(absence, "ABSENCE_PERCENTAGE", "M1")).isEqualTo(Shown.of(14.4));
    // In February E's 14 alone: 14 x 28 / (194 x 28) = 7.2 % (a leap year: the same).
    assertThat(unit(absence, "ABSENCE_PERCENTAGE", "M2")).isEqualTo(Shown.of(7.2));
  }

  @Test
  void aRelapseStartsFullyUnfitWhateverTheCapacityBefore() {
    // The unit in April: C's 10 x (5 + 5 x 0.5 + 10) = 175 sick days and E's 14 x 30 = 420 over 194 FTE x 30 days =
    // 10.2 %; had C's half capacity carried into the relapse, 125 days: 9.4 %.
    assertThat(unit(absence(null), "ABSENCE_PERCENTAGE", "M4")).isEqualTo(Shown.of(10.2));
  }

  @Test
  void withoutTheTeamsPopulationTheRatioIsNotKnownNeverGuessed() {
    Figure absence = absence(null);

    assertThat(cell(absence.table("absence-teams"), b, "ABSENCE_PERCENTAGE"))
        .isEqualTo(Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION));
    assertThat(cell(absence.table("absence-teams"), null, "ABSENCE_PERCENTAGE"))
        .isEqualTo(Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION));
    assertThat(unit(absence, "ABSENCE_PERCENTAGE", "M10")).isEqualTo(Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION));
    assertThat(unit(absence, "ABSENCE_PERCENTAGE", "YEAR")).isEqualTo(Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION));
    // No report in the fourth quarter, but B's population is missing: no frequency either.
    assertThat(unit(absence, "REPORTS", "Q4")).isEqualTo(Shown.of(0));
    assertThat(unit(absence, "REPORTING_FREQUENCY", "Q4")).isEqualTo(Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION));
    // Known population, but five sick people in July (B's three and E's two): the group is too small.
    assertThat(unit(absence, "ABSENCE_PERCENTAGE", "M7")).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }

  @Test
  void reportsCountEverySickPeriodBegunAndTheFrequencyIsPerEmployeePerYear() {
    Figure absence = absence(null);
    assertThat(unit(absence, "REPORTS", "M1")).isEqualTo(Shown.of(20));
    // C: two periods of each of 10 people in April.
    assertThat(unit(absence, "REPORTS", "Q2")).isEqualTo(Shown.of(20));
    FigureTable teams = absence.table("absence-teams");
    assertThat(cell(teams, b, "REPORTS")).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    // E's periods began the year before: no report this year.
    assertThat(cell(teams, e, "REPORTS")).isEqualTo(Shown.of(0));
    // 20 reports over an average of 220 employees in a quarter, times 4.
    assertThat(unit(absence, "REPORTING_FREQUENCY", "Q1")).isEqualTo(Shown.of(0.36));
    assertThat(unit(absence, "REPORTING_FREQUENCY", "Q2")).isEqualTo(Shown.of(0.36));
  }

  /** A total minus the other cells: B's 3 reports of the year are hidden, and so is one more of the sum they are in. */
  @Test
  void aHiddenTeamCannotBeWorkedOutFromTheUnitsTotalAndTheOtherTeams() {
    Figure absence = absence(null);
    FigureTable teams = absence.table("absence-teams");

    assertThat(cell(teams, b, "REPORTS")).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(List.of(cell(teams, a, "REPORTS"), cell(teams, c, "REPORTS"), cell(teams, e, "REPORTS"),
        cell(teams, null, "REPORTS"))).anyMatch(shown -> !shown.visible());
    // Nor from the unit's year minus its quarters: the third quarter's 3 are hidden with one more of them.
    assertThat(unit(absence, "REPORTS", "Q3")).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(List.of(unit(absence, "REPORTS", "Q1"), unit(absence, "REPORTS", "Q2"),
        unit(absence, "REPORTS", "Q4"), unit(absence, "REPORTS", "YEAR"))).anyMatch(shown -> !shown.visible());
  }

  @Test
  void durationIsOfThePeriodsThatEndedInClassesAndOnAverage() {
    FigureTable duration = absence(null).table("duration");

    assertThat(row(duration, a)).containsExactly(Shown.of(20), Shown.of(31), Shown.of(0), Shown.of(20), Shown.of(0),
        Shown.of(0));
    assertThat(row(duration, c)).containsExactly(Shown.of(20), Shown.of(10), Shown.of(0), Shown.of(20), Shown.of(0),
        Shown.of(0));
    // E: 12 periods from 1 December the year before to 1 June (182 days, 183 in a leap year), counted whole in the
    // year they ended.
    long periodE = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(year - 1, 12, 1), day(6, 1));
    assertThat(row(duration, e)).containsExactly(Shown.of(12), Shown.of(periodE), Shown.of(0), Shown.of(0),
        Shown.of(12), Shown.of(0));
    // The unit: 52 periods, (20 x 31 + 20 x 10 + 12 x 182) / 52 = 57.8 days.
    assertThat(row(duration, null)).containsExactly(Shown.of(52),
        Shown.of(Math.round(10.0 * (20 * 31 + 20 * 10 + 12 * periodE) / 52) / 10.0), Shown.of(0), Shown.of(40),
        Shown.of(12), Shown.of(0));
  }

  @Test
  void thePopulationIsTheAverageOfTheKnownMonths() {
    FigureTable population = absence(null).table("population");
    assertThat(row(population, a)).containsExactly(Shown.of(100), Shown.of(80));
    assertThat(row(population, b)).containsExactly(Shown.of(30), Shown.of(24));
  }

  /** A population that changes in the year: 20 people (16 FTE) in the first quarter, 28 (21 FTE) after it. */
  @Test
  void thePopulationAveragesMonthsThatDiffer() {
    ReadModelRows rows = new ReadModelRows(jdbc);
    String growing = CaseFixtures.tag("Eenheid G");
    rows.population(growing, "Team G", YearMonth.of(year, 1), YearMonth.of(year, 3), 20, "16");
    rows.population(growing, "Team G", YearMonth.of(year, 4), YearMonth.of(year, 12), 28, "21");

    FigureTable population = figures.figure(management, FigureKind.ABSENCE, new FigureQuery(growing, null, year))
        .table("population");

    // (3 x 20 + 9 x 28) / 12 = 26 people; (3 x 16 + 9 x 21) / 12 = 19.75 FTE, shown as 19.8.
    assertThat(row(population, "Team G")).containsExactly(Shown.of(26), Shown.of(19.8));
    assertThat(population.headline().cells()).containsExactly(Shown.of(26), Shown.of(19.8));
  }

  /**
   * The attack of two periods that differ by a few people: the unit's June holds E's 2 sick people (hidden), April 24
   * and May 14, the second quarter 24. The quarter's days are its months' days, so with April, May and the quarter
   * shown, June's days would follow by subtraction: the gate hides one more of them.
   */
  @Test
  void aHiddenMonthCannotBeWorkedOutFromItsQuarterAndTheOtherMonths() {
    Figure absence = absence(null);

    assertThat(unit(absence, "ABSENCE_PERCENTAGE", "M6")).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(List.of(unit(absence, "ABSENCE_PERCENTAGE", "M4"), unit(absence, "ABSENCE_PERCENTAGE", "M5"),
        unit(absence, "ABSENCE_PERCENTAGE", "Q2")))
        .anyMatch(shown -> shown.equals(Shown.hidden(Shown.Hidden.PROTECTS_SMALL_GROUP)));
  }

  @Test
  void aTeamsFigureIsThatTeamsRowOfTheUnits() {
    Figure unitFigure = absence(null);
    Figure teamFigure = absence(e);
    for (FigureTable table : teamFigure.tables()) {
      if (table.key().equals("absence-unit")) {
        // The unit's months only.
        assertThat(table.rows()).isEmpty();
        continue;
      }
      assertThat(table.rows()).hasSize(1);
      assertThat(table.rows().get(0).cells()).isEqualTo(teamRow(unitFigure.table(table.key()), e).cells());
    }
  }

  private int yearDays() {
    return java.time.Year.of(year).length();
  }

  private static Shown unit(Figure absence, String row, String column) {
    FigureTable table = absence.table("absence-unit");
    return table.rows().stream().filter(r -> r.key().equals(row)).findFirst().orElseThrow().cells()
        .get(table.columns().indexOf(column));
  }

  private static Shown cell(FigureTable table, String team, String column) {
    FigureTable.Row row = team == null ? table.headline() : teamRow(table, team);
    return row.cells().get(table.columns().indexOf(column));
  }

  private static List<Shown> row(FigureTable table, String team) {
    return (team == null ? table.headline() : teamRow(table, team)).cells();
  }

  private static FigureTable.Row teamRow(FigureTable table, String team) {
    return table.rows().stream().filter(row -> team.equals(row.team())).findFirst().orElseThrow();
  }
}
