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
    assertThat(InsightFiguresTest.cell(throughput.table("inflow"), load.b, "M1"))
        .isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
  }
}
