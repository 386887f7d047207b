package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures' SQL on PostgreSQL (production) gives the same hand-computed values as on H2: every figure answers on
 * the small fixed caseload, with its medians and percentiles as worked out by hand.
 */
@PostgresIntegrationTest
class InsightFiguresPostgresIT {

  @Autowired
  InsightFigures figures;
  @Autowired
  JdbcClient jdbc;

  @Test
  void everyFigureAnswersOnPostgresqlAsWorkedOutByHand() {
    SmallCaseload load = new SmallCaseload(new ReadModelRows(jdbc), CaseFixtures.tag("Eenheid P"), "Team ",
        figures.today());
    Actor management = CaseFixtures.actor("mgmt-pg", Groups.MANAGEMENT);
    for (FigureKind kind : FigureKind.values()) {
      assertThat(figures.figure(management, kind, new FigureQuery(load.unit, null, load.year)).tables())
          .as("%s", kind).isNotEmpty();
      assertThat(figures.figure(management, kind, new FigureQuery(load.unit, load.a, load.year)).tables())
          .as("%s of team A", kind).isNotEmpty();
    }
    Figure cycle = figures.figure(management, FigureKind.CYCLE_TIME, new FigureQuery(load.unit, null, load.year));
    assertThat(InsightFiguresTest.row(cycle.table("days"), "PROBLEM_ANALYSIS").cells().subList(1, 4))
        .containsExactly(Shown.of(7), Shown.of(10), Shown.of(30));
    Figure outcomes = figures.figure(management, FigureKind.OUTCOMES, new FigureQuery(load.unit, null, load.year));
    assertThat(outcomes.table("return").rows().get(0).cells().get(1)).isEqualTo(Shown.of(50));
    Figure throughput = figures.figure(management, FigureKind.THROUGHPUT, new FigureQuery(load.unit, null, load.year));
    assertThat(InsightFiguresTest.cell(throughput.table("flow-teams"), load.b, "INFLOW"))
        .isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }

  @Autowired
  Population population;

  /**
   * The absence figure's SQL and the population's versioned upsert on PostgreSQL: 12 people sick all of January last
   * year in a team of 40 (36 FTE), half of them at half capacity from 16 January: (6 x 31 + 6 x (15 + 16 x 0.5)) x 0.9
   * weighed days over 36 FTE x 31 days = 26.13 %.
   */
  @Test
  void theAbsenceFigureAndThePopulationAnswerOnPostgresql() {
    ReadModelRows rows = new ReadModelRows(jdbc);
    String unit = CaseFixtures.tag("Eenheid PA");
    int year = figures.today().getYear() - 1;
    for (int i = 0; i < 12; i++) {
      java.util.UUID id = rows.add(ReadModelRows.CaseRow.opened(unit, "Team A", java.time.LocalDate.of(year, 1, 3))
          .closed(java.time.LocalDate.of(year, 3, 1), "OWN_WORK"));
      rows.sickPeriod(id, java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 2, 1));
      if (i < 6) {
        rows.capacity(id, java.time.LocalDate.of(year, 1, 16), 50);
      }
    }
    Actor management = CaseFixtures.actor("mgmt-pg-abs", Groups.MANAGEMENT);
    int version = population.save(management, unit, java.util.List.of(new Population.Entry("Team A",
        java.time.YearMonth.of(year, 1), 40, new java.math.BigDecimal("30"))), 0, true);
    // The same month again: an update, the unit's version bumped; a stale version refused.
    version = population.save(management, unit, java.util.List.of(new Population.Entry("Team A",
        java.time.YearMonth.of(year, 1), 40, new java.math.BigDecimal("36"))), version, true);
    assertThat(version).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> population.save(management, unit, java.util.List.of(),
        0, true)).isInstanceOf(nl.bluevitaal.web.ConflictException.class);

    Figure absence = figures.figure(management, FigureKind.ABSENCE, new FigureQuery(unit, null, year));
    FigureTable unitTable = absence.table("absence-unit");
    assertThat(unitTable.rows().get(0).cells().get(unitTable.columns().indexOf("M1"))).isEqualTo(Shown.of(26.1));
    assertThat(absence.table("duration").headline().cells().subList(0, 2)).containsExactly(Shown.of(12),
        Shown.of(31));
  }
}
