package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The gate attacked the ways insight.md names: a filter that isolates one person, two periods that differ by one case,
 * a total minus the other cells, two overlapping cuts of the same people, a stock minus its flows. Each attack is
 * checked by an independent judge: exact rational arithmetic deciding whether the visible numbers pin a hidden one
 * down (it is pinned down exactly when its unit vector lies in the row space of the sums over the hidden counts).
 */
class GroupSizeGateTest {

  final GroupSizeGate gate = new GroupSizeGate(new InsightProperties(10));

  @Test
  void aGroupOfOneToNineIsHiddenZeroAndTenAreShown() {
    Disclosure disclosure = new Disclosure();
    Disclosure.Count zero = disclosure.count(0);
    Disclosure.Count one = disclosure.count(1);
    Disclosure.Count nine = disclosure.count(9);
    Disclosure.Count ten = disclosure.count(10);

    Released released = gate.release(disclosure);

    assertThat(released.shown(zero)).isEqualTo(Shown.of(0));
    assertThat(released.shown(one)).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(released.shown(nine).visible()).isFalse();
    assertThat(released.shown(ten).count()).isEqualTo(10);
  }

  @Test
  void aTotalMinusTheOtherCellsDoesNotGiveAHiddenCell() {
    Disclosure disclosure = new Disclosure();
    CountTable<String, String> table = CountTable.of(disclosure, List.of("Team Noord"),
        List.of("jan", "feb", "mrt"), (team, month) -> Map.of("jan", 12L, "feb", 3L, "mrt", 15L).get(month));

    Released released = gate.release(disclosure);

    assertThat(released.shown(table.cell("Team Noord", "feb")).hidden()).isEqualTo(Shown.Hidden.SMALL_GROUP);
    assertThat(released.shown(table.cell("Team Noord", "jan")).hidden())
        .as("the smallest other cell hides with it").isEqualTo(Shown.Hidden.PROTECTS_SMALL_GROUP);
    assertThat(released.shown(table.rowTotal("Team Noord")).count()).isEqualTo(30);
    assertNothingHiddenIsPinnedDown(disclosure, released);
  }

  @Test
  void aFilterThatIsolatesOnePersonShowsNothingOfThem() {
    // Team Water has one person off sick in March; the unit total is shown, so the other teams must hide too.
    Map<String, long[]> inflow = new LinkedHashMap<>();
    inflow.put("Team Noord", new long[] {14, 12, 20});
    inflow.put("Team Zuid", new long[] {11, 16, 13});
    inflow.put("Team Water", new long[] {0, 0, 1});
    Disclosure disclosure = new Disclosure();
    CountTable<String, Integer> table = CountTable.of(disclosure, List.copyOf(inflow.keySet()), List.of(0, 1, 2),
        (team, month) -> inflow.get(team)[month]);

    Released released = gate.release(disclosure);

    assertThat(released.shown(table.cell("Team Water", 2)).hidden()).isEqualTo(Shown.Hidden.SMALL_GROUP);
    assertThat(released.shown(table.rowTotal("Team Water")).hidden()).isEqualTo(Shown.Hidden.SMALL_GROUP);
    assertNothingHiddenIsPinnedDown(disclosure, released);
  }

  @Test
  void twoPeriodsThatDifferByOneCaseRevealNothing() {
    // The quarter is shown beside its months: Q1 minus January and February would be March's one case.
    Disclosure disclosure = new Disclosure();
    CountTable<String, String> table = CountTable.of(disclosure, List.of("Eenheid"), List.of("jan", "feb", "mrt"),
        (unit, month) -> Map.of("jan", 12L, "feb", 11L, "mrt", 1L).get(month));
    Map<String, Map<String, Disclosure.Count>> quarters = table.group(Map.of("Q1", List.of("jan", "feb", "mrt")));

    Released released = gate.release(disclosure);

    assertThat(released.shown(table.cell("Eenheid", "mrt")).visible()).isFalse();
    assertThat(released.shown(quarters.get("Q1").get(null)).count()).as("the quarter stays visible").isEqualTo(24);
    assertThat(released.shown(table.cell("Eenheid", "feb")).hidden())
        .as("so a month beside March hides with it").isEqualTo(Shown.Hidden.PROTECTS_SMALL_GROUP);
    assertNothingHiddenIsPinnedDown(disclosure, released);
  }

  @Test
  void twoOverlappingCutsOfTheSamePeopleRevealNothing() {
    // The same 31 people cut by team and by counsellor; each cut's hidden cells must survive the other cut's totals.
    Disclosure disclosure = new Disclosure();
    CountTable<String, String> byTeam = CountTable.of(disclosure, List.of("Noord", "Zuid", "Water"),
        List.of("jan", "feb"), (team, month) -> switch (team + month) {
          case "Noordjan" -> 12;
          case "Noordfeb" -> 10;
          case "Zuidjan" -> 11;
          case "Zuidfeb" -> 14;
          case "Waterjan" -> 2;
          default -> 0;
        });
    CountTable<String, String> byCounsellor = CountTable.sharing(byTeam, List.of("carla", "karel"),
        (counsellor, month) -> switch (counsellor + month) {
          case "carlajan" -> 13;
          case "carlafeb" -> 24;
          case "kareljan" -> 12;
          default -> 0;
        });

    Released released = gate.release(disclosure);

    assertThat(released.shown(byTeam.cell("Water", "jan")).visible()).isFalse();
    assertThat(released.shown(byCounsellor.columnTotal("jan")))
        .as("one total for both cuts").isEqualTo(released.shown(byTeam.columnTotal("jan")));
    assertNothingHiddenIsPinnedDown(disclosure, released);
  }

  @Test
  void aStockMinusItsFlowsRevealsNoHiddenFlow() {
    // Open at the end of January 40, three new cases in February (hidden), twelve closed, 31 open at its end.
    Disclosure disclosure = new Disclosure();
    Disclosure.Count openJan = disclosure.count(40);
    Disclosure.Count inFeb = disclosure.count(3);
    Disclosure.Count outFeb = disclosure.count(12);
    Disclosure.Count openFeb = disclosure.count(31);
    disclosure.balance(openFeb, openJan, inFeb, outFeb);

    Released released = gate.release(disclosure);

    assertThat(released.shown(inFeb).hidden()).isEqualTo(Shown.Hidden.SMALL_GROUP);
    assertThat(released.shown(outFeb).hidden()).isEqualTo(Shown.Hidden.PROTECTS_SMALL_GROUP);
    assertNothingHiddenIsPinnedDown(disclosure, released);
  }

  @Test
  void aStatisticIsShownOnlyOverAGroupOfTheMinimumOrMore() {
    assertThat(gate.statistic(9, 42.5)).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(gate.statistic(10, 42.5)).isEqualTo(Shown.of(42.5));
    assertThat(gate.showsGroupOf(0)).isTrue();
    assertThat(gate.showsGroupOf(3)).isFalse();
  }

  @Test
  void aMinimumBelowFiveIsRefused() {
    assertThatThrownBy(() -> new InsightProperties(2)).hasMessageContaining("at least 5");
  }

  @Test
  void aHiddenValueNeverLeavesAndCountsOfAnotherDisclosureAreRefused() {
    Disclosure one = new Disclosure();
    Disclosure.Count small = one.count(4);
    Released released = gate.release(one);

    assertThatThrownBy(() -> released.shown(small).count()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> released.shown(new Disclosure().count(12))).isInstanceOf(IllegalArgumentException.class);
  }

  /** Many tables of teams by months with quarters, small numbers common: the judge finds no hidden count pinned. */
  @Test
  void noTableOfTeamsByMonthsWithQuartersLeaksAHiddenCount() {
    Random random = new Random(16);
    for (int round = 0; round < 300; round++) {
      int teams = 2 + random.nextInt(5);
      int months = 3 + random.nextInt(4);
      long[][] values = new long[teams][months];
      for (long[] row : values) {
        for (int m = 0; m < months; m++) {
          row[m] = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(25);
        }
      }
      Disclosure disclosure = new Disclosure();
      List<Integer> rows = IntStream.range(0, teams).boxed().toList();
      List<Integer> columns = IntStream.range(0, months).boxed().toList();
      CountTable<Integer, Integer> table = CountTable.of(disclosure, rows, columns, (r, c) -> values[r][c]);
      table.group(Map.of("first", columns.subList(0, 3), "rest", columns.subList(3, months)));
      CountTable.sharing(table, List.of(0, 1), (r, c) -> r == 0 ? Math.min(5, sum(values, c))
          : sum(values, c) - Math.min(5, sum(values, c)));

      assertNothingHiddenIsPinnedDown(disclosure, gate.release(disclosure));
    }
  }

  private static long sum(long[][] values, int column) {
    long sum = 0;
    for (long[] row : values) {
      sum += row[column];
    }
    return sum;
  }

  /** The judge: exact ranks over the rationals, written apart from the gate's own elimination. */
  static void assertNothingHiddenIsPinnedDown(Disclosure disclosure, Released released) {
    List<Integer> hidden = new ArrayList<>();
    for (int i = 0; i < disclosure.size(); i++) {
      if (!released.shown(new Disclosure.Count(disclosure, i)).visible()) {
        hidden.add(i);
      }
    }
    List<BigInteger[]> rows = new ArrayList<>();
    for (Map<Integer, Integer> relation : disclosure.relations()) {
      BigInteger[] row = new BigInteger[hidden.size()];
      boolean any = false;
      for (int h = 0; h < hidden.size(); h++) {
        int coefficient = relation.getOrDefault(hidden.get(h), 0);
        row[h] = BigInteger.valueOf(coefficient);
        any |= coefficient != 0;
      }
      if (any) {
        rows.add(row);
      }
    }
    int rank = rank(rows, hidden.size());
    for (int h = 0; h < hidden.size(); h++) {
      List<BigInteger[]> withUnit = new ArrayList<>(rows);
      BigInteger[] unit = new BigInteger[hidden.size()];
      java.util.Arrays.fill(unit, BigInteger.ZERO);
      unit[h] = BigInteger.ONE;
      withUnit.add(unit);
      assertThat(rank(withUnit, hidden.size()))
          .as("hidden count #%d (%d people) can be worked out from what is shown", hidden.get(h),
              disclosure.value(hidden.get(h)))
          .isGreaterThan(rank);
    }
  }

  /** Fraction-free elimination (Bareiss would be tidier; the tables are small). */
  private static int rank(List<BigInteger[]> source, int columns) {
    List<BigInteger[]> rows = new ArrayList<>();
    source.forEach(row -> rows.add(row.clone()));
    int rank = 0;
    for (int c = 0; c < columns && rank < rows.size(); c++) {
      int pivot = -1;
      for (int r = rank; r < rows.size(); r++) {
        if (rows.get(r)[c].signum() != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      BigInteger[] p = rows.get(pivot);
      rows.set(pivot, rows.get(rank));
      rows.set(rank, p);
      for (int r = rank + 1; r < rows.size(); r++) {
        BigInteger[] row = rows.get(r);
        if (row[c].signum() != 0) {
          BigInteger factor = row[c];
          for (int k = 0; k < columns; k++) {
            row[k] = row[k].multiply(p[c]).subtract(p[k].multiply(factor));
          }
          BigInteger gcd = java.util.Arrays.stream(row).reduce(BigInteger.ZERO, BigInteger::gcd);
          if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            for (int k = 0; k < columns; k++) {
              row[k] = row[k].divide(gcd);
            }
          }
        }
      }
      rank++;
    }
    return rank;
  }
}
