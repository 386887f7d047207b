package nl.bluevitaal.insight;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Sums that share no count are solved apart (the work grows with the largest such system). A disclosure released in
 * stages ({@link Disclosure#settle}) shows the first stage exactly as alone; a later stage protects what is hidden by
 * hiding its own counts only, so two linked figures agree wherever one of them is read.
 *
 * <p>A statistic (median, percentile, share) is shown only when the group it is computed over is large enough
 * ({@link #statistic}). The gate does not reason about bounds (a hidden count lies between 1 and 9 by construction);
 * what it keeps from being worked out is the exact number.
 */
@Component
@EnableConfigurationProperties(InsightProperties.class)
public class GroupSizeGate {

  private static final Logger log = LoggerFactory.getLogger(GroupSizeGate.class);

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
    BitSet protecting = released(disclosure, small, disclosure.stages());
    if (protecting == null) {
      // A later stage's sums tie an earlier stage's hidden count to counts the earlier stages show: no later count can
      // protect it. Then all stages are released as one, alike for every answer of them; the first figure may then
      // hide more than it does alone.
      log.warn("Insight: a linked figure pins down a count the figure before it hides; released as one ({} counts)",
          size);
      protecting = released(disclosure, small, List.of(size));
    }
    return new Released(disclosure, small, protecting);
  }

  /** The counts hidden to protect, stage by stage; null when a later stage cannot protect what an earlier hides. */
  private static BitSet released(Disclosure disclosure, BitSet small, List<Integer> stages) {
    int size = disclosure.size();
    BitSet protecting = new BitSet(size);
    BitSet hidden = (BitSet) small.clone();
    // Counts the shown ones tell whatever else is hidden: known to whoever reads the answers, in every later stage too.
    BitSet told = new BitSet(size);
    // Stage by stage (Disclosure#settle): the sums among a stage's counts and those before it, where only the stage's
    // own counts may be hidden to protect; the counts of earlier stages stay as they were released.
    int settled = 0;
    for (int end : stages) {
      if (end == settled) {
        continue;
      }
      int below = end;
      List<Map<Integer, Integer>> stage = disclosure.relations().stream()
          .filter(relation -> relation.keySet().stream().allMatch(count -> count < below)).toList();
      // Sums that share no count are separate systems: a count of one can never be worked out from another's. Each is
      // solved on its own, so the work grows with the largest of them, not with everything an answer shows.
      for (List<Map<Integer, Integer>> relations : components(size, stage)) {
        int from = settled;
        if (relations.stream().noneMatch(relation -> relation.keySet().stream().anyMatch(count -> count >= from))) {
          // Sums of earlier stages only: released with their stage, nothing of this one can change them.
          continue;
        }
        if (!protect(disclosure, relations, hidden, protecting, told, settled)) {
          return null;
        }
      }
      settled = end;
    }
    return protecting;
  }

  /**
   * Hides counts from {@code free} on until none of the hidden ones is pinned down by these sums; false when that
   * cannot be done (an earlier count is pinned down whatever is hidden from {@code free} on). A count of this stage
   * that the earlier stages' counts pin down on their own (cases in guidance: the open cases minus those watching for
   * a relapse, both shown by the figure before) is told by those already: no later count can change that, so it stays
   * as it is (hidden only when small), counts as known to whoever reads both, and is never hidden to protect another.
   */
  private static boolean protect(Disclosure disclosure, List<Map<Integer, Integer>> relations, BitSet hidden,
      BitSet protecting, BitSet told, int free) {
    BitSet later = new BitSet();
    later.set(free, disclosure.size());
    BitSet allLaterHidden = (BitSet) hidden.clone();
    allLaterHidden.andNot(told);
    allLaterHidden.or(later);
    BitSet pinned = determined(relations, allLaterHidden);
    if (pinned.previousSetBit(free - 1) >= 0) {
      // An earlier stage's hidden count is pinned down whatever this stage hides.
      if (log.isDebugEnabled()) {
        int earlier = pinned.previousSetBit(free - 1);
        log.debug("Insight: count #{} ({} people, stage before #{}) pinned down by {}", earlier,
            disclosure.value(earlier), free, relations.stream().filter(relation -> relation.containsKey(earlier))
                .map(relation -> describe(disclosure, relation, hidden)).toList());
      }
      return false;
    }
    told.or(pinned);
    // Counts that may not be hidden to protect another: the earlier stages' and those they tell (hiding these would
    // protect nothing).
    BitSet fixed = new BitSet();
    fixed.set(0, free);
    fixed.or(told);
    while (true) {
      BitSet unknown = (BitSet) hidden.clone();
      unknown.andNot(told);
      BitSet determined = determined(relations, unknown);
      if (determined.isEmpty()) {
        return true;
      }
      // One at a time: the partner of one pinned-down count often frees others with it.
      int partner = partner(disclosure, relations, unknown, determined.nextSetBit(0), fixed);
      if (partner < 0) {
        // Pinned down through a chain of sums whose own members are all hidden: hide the smallest visible member
        // of any sum that holds a hidden count. There is one, or nothing hidden could be pinned down.
        partner = anyPartner(disclosure, relations, unknown, fixed);
        if (partner < 0) {
          if (free == 0) {
            throw new IllegalStateException("A hidden count is pinned down by sums that hold no visible count");
          }
          return false;
        }
      }
      hidden.set(partner);
      protecting.set(partner);
    }
  }

  /** The sums grouped by the counts they share (union-find): each group a system of its own. */
  private static List<List<Map<Integer, Integer>>> components(int size, List<Map<Integer, Integer>> relations) {
    int[] parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
    for (Map<Integer, Integer> relation : relations) {
      int first = -1;
      for (int count : relation.keySet()) {
        if (first < 0) {
          first = root(parent, count);
        } else {
          parent[root(parent, count)] = first;
          first = root(parent, first);
        }
      }
    }
    Map<Integer, List<Map<Integer, Integer>>> byRoot = new LinkedHashMap<>();
    for (Map<Integer, Integer> relation : relations) {
      if (!relation.isEmpty()) {
        byRoot.computeIfAbsent(root(parent, relation.keySet().iterator().next()), r -> new ArrayList<>())
            .add(relation);
      }
    }
    return List.copyOf(byRoot.values());
  }

  private static int root(int[] parent, int count) {
    int root = count;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[count] != root) {
      int next = parent[count];
      parent[count] = root;
      count = next;
    }
    return root;
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
  private static BitSet determined(List<Map<Integer, Integer>> relations, BitSet hidden) {
    // The unknowns: the hidden counts these sums hold (a hidden count in no sum can never be worked out).
    Map<Integer, Integer> column = new HashMap<>();
    List<Integer> unknownOf = new ArrayList<>();
    for (Map<Integer, Integer> relation : relations) {
      for (int count : relation.keySet()) {
        if (hidden.get(count) && !column.containsKey(count)) {
          column.put(count, unknownOf.size());
          unknownOf.add(count);
        }
      }
    }
    int unknowns = unknownOf.size();
    List<double[]> rows = new ArrayList<>();
    for (Map<Integer, Integer> relation : relations) {
      double[] row = new double[unknowns];
      boolean any = false;
      for (Map.Entry<Integer, Integer> term : relation.entrySet()) {
        if (hidden.get(term.getKey())) {
          row[column.get(term.getKey())] += term.getValue();
          any = true;
        }
      }
      if (any) {
        rows.add(row);
      }
    }
    double[][] matrix = rows.toArray(new double[0][]);
    int[] pivotColumnOfRow = reduce(matrix, unknowns);
    BitSet determined = new BitSet();
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
        determined.set(unknownOf.get(pivot));
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
      // The pivot row holds nothing left of its pivot: every column before c is either another row's pivot (cleared
      // from this row when it was reduced) or had no pivot (nothing in it from this row down). Its work starts at c.
      double[] pivotRow = matrix[row];
      double pivot = pivotRow[c];
      for (int k = c; k < columns; k++) {
        pivotRow[k] /= pivot;
      }
      for (int r = 0; r < matrix.length; r++) {
        if (r != row && Math.abs(matrix[r][c]) > EPSILON) {
          double[] target = matrix[r];
          double factor = target[c];
          for (int k = c; k < columns; k++) {
            target[k] -= factor * pivotRow[k];
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
  private static int partner(Disclosure disclosure, List<Map<Integer, Integer>> relations, BitSet hidden, int cell,
      BitSet fixed) {
    List<Integer> candidates = new ArrayList<>();
    for (Map<Integer, Integer> relation : relations) {
      if (relation.containsKey(cell)) {
        for (int candidate : relation.keySet()) {
          if (candidate != cell && !fixed.get(candidate) && !hidden.get(candidate)
              && !candidates.contains(candidate)) {
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
      BitSet stillDetermined = determined(relations, tried);
      int score = stillDetermined.cardinality() + (stillDetermined.get(cell) ? disclosure.size() : 0);
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The smallest visible count that may be hidden, of any sum that holds a hidden count; -1 when there is none. Then
   * hiding more cannot free the count: a sum of shown counts only has no hidden count to tie it to.
   */
  private static int anyPartner(Disclosure disclosure, List<Map<Integer, Integer>> relations, BitSet hidden,
      BitSet fixed) {
    int best = -1;
    for (Map<Integer, Integer> relation : relations) {
      if (relation.keySet().stream().anyMatch(hidden::get)) {
        for (int candidate : relation.keySet()) {
          if (!fixed.get(candidate) && !hidden.get(candidate)
              && (best < 0 || disclosure.value(candidate) < disclosure.value(best))) {
            best = candidate;
          }
        }
      }
    }
    return best;
  }

  /** A sum as a log line: each count's index, people and whether it is hidden. */
  private static String describe(Disclosure disclosure, Map<Integer, Integer> relation, BitSet hidden) {
    StringBuilder text = new StringBuilder();
    relation.forEach((count, coefficient) -> text.append(coefficient > 0 ? " +" : " -").append('#').append(count)
        .append('=').append(disclosure.value(count)).append(hidden.get(count) ? "h" : ""));
    return text.toString();
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
