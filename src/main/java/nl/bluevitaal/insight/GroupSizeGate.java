package nl.bluevitaal.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one gate every number of insight passes through before it is shown, charted, exported or answered (insight.md,
 * privacy.md domain G). Two rules, as statistics offices apply them:
 *
 * <ol>
 *   <li><b>Threshold:</b> a count of 1 to {@code minimumGroup - 1} people is hidden ("&lt; 10"). Zero is shown: it
 *       tells nothing about anybody.</li>
 *   <li><b>Secondary suppression, checked exactly:</b> with the visible counts filled into the disclosure's sums, a
 *       hidden count must not be the one solution of those equations. The gate solves the system (Gauss-Jordan over the
 *       hidden counts) and, for every hidden count that is still determined, hides one more count of a sum it is in
 *       (the smallest visible one, a cell before a total), until none is determined. So a total minus the other cells,
 *       a quarter minus two months, or this month's stock minus last month's and the flows reveals nothing.</li>
 * </ol>
 *
 * A statistic (median, percentile, share) is shown only when the group it is computed over is large enough
 * ({@link #statistic}). The gate does not reason about bounds (a hidden count lies between 1 and 9 by construction);
 * what it keeps from being worked out is the exact number.
 */
@Component
@EnableConfigurationProperties(InsightProperties.class)
public class GroupSizeGate {

  private static final double EPSILON = 1e-9;
  /** How many partners are tried for each pinned-down count (each try solves the system once more). */
  private static final int LOOK_AHEAD = 6;

  private final int minimumGroup;

  public GroupSizeGate(InsightProperties properties) {
    this.minimumGroup = properties.minimumGroup();
  }

  public int minimumGroup() {
    return minimumGroup;
  }

  public Released release(Disclosure disclosure) {
    int size = disclosure.size();
    BitSet small = new BitSet(size);
    for (int i = 0; i < size; i++) {
      long value = disclosure.value(i);
      if (value > 0 && value < minimumGroup) {
        small.set(i);
      }
    }
    BitSet protecting = new BitSet(size);
    BitSet hidden = (BitSet) small.clone();
    List<Map<Integer, Integer>> relations = disclosure.relations();
    while (true) {
      BitSet determined = determined(disclosure, relations, hidden);
      if (determined.isEmpty()) {
        return new Released(disclosure, small, protecting);
      }
      // One at a time: the partner of one pinned-down count often frees others with it.
      int partner = partner(disclosure, relations, hidden, determined.nextSetBit(0));
      if (partner < 0) {
        // Pinned down through a chain of sums whose own members are all hidden: hide the smallest visible member of
        // any sum that holds a hidden count. There is one, or nothing hidden could be pinned down.
        partner = anyPartner(disclosure, relations, hidden);
      }
      hidden.set(partner);
      protecting.set(partner);
    }
  }

  /** A statistic over a group of {@code groupSize} people: shown only for a group of at least the minimum. */
  public Shown statistic(long groupSize, double value) {
    return groupSize >= minimumGroup ? Shown.of(value) : Shown.hidden(Shown.Hidden.SMALL_GROUP);
  }

  /** Whether a group of this many people may be shown at all (a filter value, a row of a list). */
  public boolean showsGroupOf(long people) {
    return people == 0 || people >= minimumGroup;
  }

  /**
   * The hidden counts the visible ones pin down. Unknowns are the hidden counts; each sum is one equation. In reduced
   * row echelon form a hidden count is determined exactly when its pivot row has no other non-zero entry.
   */
  private static BitSet determined(Disclosure disclosure, List<Map<Integer, Integer>> relations, BitSet hidden) {
    int[] column = new int[disclosure.size()];
    int[] unknownOf = new int[hidden.cardinality()];
    int unknowns = 0;
    for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
      column[i] = unknowns;
      unknownOf[unknowns++] = i;
    }
    List<double[]> rows = new ArrayList<>();
    for (Map<Integer, Integer> relation : relations) {
      double[] row = new double[unknowns];
      boolean any = false;
      for (Map.Entry<Integer, Integer> term : relation.entrySet()) {
        if (hidden.get(term.getKey())) {
          row[column[term.getKey()]] += term.getValue();
          any = true;
        }
      }
      if (any) {
        rows.add(row);
      }
    }
    double[][] matrix = rows.toArray(new double[0][]);
    int[] pivotColumnOfRow = reduce(matrix, unknowns);
    BitSet determined = new BitSet(disclosure.size());
    for (int r = 0; r < pivotColumnOfRow.length; r++) {
      int pivot = pivotColumnOfRow[r];
      if (pivot < 0) {
        continue;
      }
      boolean alone = true;
      for (int c = 0; c < unknowns && alone; c++) {
        alone = c == pivot || Math.abs(matrix[r][c]) < EPSILON;
      }
      if (alone) {
        determined.set(unknownOf[pivot]);
      }
    }
    return determined;
  }

  /** Gauss-Jordan in place; per row its pivot column, -1 for a row that became zero. */
  private static int[] reduce(double[][] matrix, int columns) {
    int[] pivots = new int[matrix.length];
    java.util.Arrays.fill(pivots, -1);
    int row = 0;
    for (int c = 0; c < columns && row < matrix.length; c++) {
      int best = -1;
      for (int r = row; r < matrix.length; r++) {
        if (Math.abs(matrix[r][c]) > EPSILON && (best < 0 || Math.abs(matrix[r][c]) > Math.abs(matrix[best][c]))) {
          best = r;
        }
      }
      if (best < 0) {
        continue;
      }
      double[] swap = matrix[row];
      matrix[row] = matrix[best];
      matrix[best] = swap;
      double pivot = matrix[row][c];
      for (int k = 0; k < columns; k++) {
        matrix[row][k] /= pivot;
      }
      for (int r = 0; r < matrix.length; r++) {
        if (r != row && Math.abs(matrix[r][c]) > EPSILON) {
          double factor = matrix[r][c];
          for (int k = 0; k < columns; k++) {
            matrix[r][k] -= factor * matrix[row][k];
          }
        }
      }
      pivots[row] = c;
      row++;
    }
    return pivots;
  }

  /**
   * The count to hide beside a determined one. Of the visible members of the sums it is in, the few hidden first by
   * rank (the smallest cell or flow, then totals and stocks, zeros last) are each tried: the one that frees this count
   * and leaves the fewest others pinned down wins. Greedy choice without the look ahead cascades: a team's small stock
   * pulled flows, then month totals, then the next team's flows into hiding. -1 when no member is visible.
   */
  private static int partner(Disclosure disclosure, List<Map<Integer, Integer>> relations, BitSet hidden, int cell) {
    List<Integer> candidates = new ArrayList<>();
    for (Map<Integer, Integer> relation : relations) {
      if (relation.containsKey(cell)) {
        for (int candidate : relation.keySet()) {
          if (candidate != cell && !hidden.get(candidate) && !candidates.contains(candidate)) {
            candidates.add(candidate);
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return -1;
    }
    candidates.sort(Comparator.comparingDouble(candidate -> rank(disclosure, candidate)));
    int best = candidates.get(0);
    int bestScore = Integer.MAX_VALUE;
    for (int candidate : candidates.subList(0, Math.min(LOOK_AHEAD, candidates.size()))) {
      BitSet tried = (BitSet) hidden.clone();
      tried.set(candidate);
      BitSet stillDetermined = determined(disclosure, relations, tried);
      int score = stillDetermined.cardinality() + (stillDetermined.get(cell) ? disclosure.size() : 0);
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  private static int anyPartner(Disclosure disclosure, List<Map<Integer, Integer>> relations, BitSet hidden) {
    int best = -1;
    for (Map<Integer, Integer> relation : relations) {
      if (relation.keySet().stream().anyMatch(hidden::get)) {
        for (int candidate : relation.keySet()) {
          if (!hidden.get(candidate) && (best < 0 || disclosure.value(candidate) < disclosure.value(best))) {
            best = candidate;
          }
        }
      }
    }
    if (best < 0) {
      throw new IllegalStateException("A hidden count is pinned down by sums that hold no visible count");
    }
    return best;
  }

  /** Lower is hidden first: positive cells by size, then positive totals by size, then zeros. */
  private static double rank(Disclosure disclosure, int index) {
    long value = disclosure.value(index);
    if (value == 0) {
      return Double.MAX_VALUE;
    }
    return (disclosure.isTotal(index) ? 1e15 : 0) + value;
  }
}
