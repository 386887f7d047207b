package nl.bluevitaal.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.insight.ReadModelRows.CaseRow;

/**
 * A small fixed caseload of one unit, last year, whose figures are worked out by hand in the tests:
 *
 * <ul>
 *   <li>Team A (the teams are named by a prefix and A, B, C): 11 cases opened in June the year before, still open
 *       (spoor 1, evaluated 10 days ago, a goal, no shared relapse plan); 12 opened on 15 January (standard guidance,
 *       2 with a buddy advised), 10 of them closed on 10 March in their own work after returning 10, 20, .., 100
 *       days after their first sick day, 2 still open in the plan of action without a goal. The 12 had a problem
 *       analysis due 1 March: 10 met that day, 2 late by 3 and 5 days; each of the 12 reached rung 1 of the escalation ladder on 2 March. 10 of them spent 1, 2, .., 10 days in
 *       the problem analysis, leaving it in February.</li>
 *   <li>Team B: 3 cases opened on 20 January (intensive guidance, a buddy advised but not involved), now in the
 *       plan of action without a goal; their problem analysis was due 1 March and is not done (warned, rung 0, on 2
 *       March); they spent 20, 30 and 40 days in the problem analysis from 1 April (left in the second quarter).</li>
 *   <li>Team C: 10 cases opened on 10 February (light guidance, problems in the work's content), now in the problem
 *       analysis.</li>
 * </ul>
 */
public final class SmallCaseload {

  public final String unit;
  public final int year;
  /** The teams' names: the prefix and A, B, C. */
  public final String a;
  public final String b;
  public final String c;
  public final List<UUID> teamA = new ArrayList<>();
  public final List<UUID> teamB = new ArrayList<>();
  public final List<UUID> teamC = new ArrayList<>();

  public SmallCaseload(ReadModelRows rows, String unit, String teamPrefix, LocalDate today) {
    this.unit = unit;
    this.a = teamPrefix + "A";
    this.b = teamPrefix + "B";
    this.c = teamPrefix + "C";
    this.year = today.getYear() - 1;
    LocalDate evaluated = today.minusDays(10);
    for (int i = 0; i < 11; i++) {
      rows.add(CaseRow.opened(unit, a, LocalDate.of(year - 1, 6, 1)).in("SPOOR_1")
          .planned(true, false, evaluated, false).routed("STANDAARD", false));
    }
    for (int i = 0; i < 12; i++) {
      LocalDate opened = LocalDate.of(year, 1, 15);
      CaseRow row = CaseRow.opened(unit, a, opened).routed("STANDAARD", i < 2);
      if (i < 10) {
        row = row.returnedOn(row.firstSickDay().plusDays(10L * (i + 1))).closed(LocalDate.of(year, 3, 10), "OWN_WORK");
      } else {
        row = row.in("PLAN_OF_ACTION").planned(false, false, null, false);
      }
      UUID id = rows.add(row);
      teamA.add(id);
      rows.deadline(id, "PROBLEM_ANALYSIS", LocalDate.of(year, 3, 1),
          i < 10 ? LocalDate.of(year, 3, 1) : LocalDate.of(year, 3, 1).plusDays(i == 10 ? 3 : 5));
      rows.escalation(id, 1, LocalDate.of(year, 3, 2));
      if (i < 10) {
        rows.stay(id, "PROBLEM_ANALYSIS", LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 1).plusDays(i + 1));
      }
    }
    for (int i = 0; i < 3; i++) {
      CaseRow row = CaseRow.opened(unit, b, LocalDate.of(year, 1, 20)).in("PLAN_OF_ACTION")
          .routed("INTENSIEF", true);
      UUID id = rows.add(row);
      teamB.add(id);
      rows.deadline(id, "PROBLEM_ANALYSIS", LocalDate.of(year, 3, 1), null);
      rows.escalation(id, 0, LocalDate.of(year, 3, 2));
      rows.stay(id, "PROBLEM_ANALYSIS", LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 1).plusDays(10L * (i + 2)));
    }
    for (int i = 0; i < 10; i++) {
      teamC.add(rows.add(CaseRow.opened(unit, c, LocalDate.of(year, 2, 10)).in("PROBLEM_ANALYSIS")
          .routed("LICHT", false).planned(false, false, null, true)));
    }
  }
}
