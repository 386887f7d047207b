package nl.bluevitaal.insight;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of people that leave the module together, and the sums that tie them (a total is the sum of its cells, a
 * quarter the sum of its months, this month's open cases last month's plus inflow minus outflow). Everything one page,
 * export or API answer shows is one disclosure, and every figure that could be combined with it must be in it: the
 * {@link GroupSizeGate} then hides small groups and whatever would let them be worked out from what stays visible.
 *
 * <p>A count is of people (cases of distinct employees), never of events of one person.
 */
public final class Disclosure {

  private final List<Long> values = new ArrayList<>();
  private final List<Map<Integer, Integer>> relations = new ArrayList<>();
  /** Totals and stocks: when a count must hide to protect another, the gate hides a cell or a flow before these. */
  private final BitSet totals = new BitSet();
  /** Where each settled stage ends: the counts below are released first and shown alike whatever follows them. */
  private final List<Integer> stages = new ArrayList<>();

  /** A count of this many people; what may be shown of it is asked of the released result. */
  public Count count(long people) {
    if (people < 0) {
      throw new IllegalArgumentException("A count of people is never negative: " + people);
    }
    values.add(people);
    return new Count(this, values.size() - 1);
  }

  /** {@code total} is the sum of {@code parts}. */
  public void sum(Count total, Collection<Count> parts) {
    Map<Integer, Integer> relation = new LinkedHashMap<>();
    add(relation, total, -1);
    parts.forEach(part -> add(relation, part, 1));
    totals.set(total.index());
    relate(relation);
  }

  /**
   * The counts so far are released first, on their own, and what follows may not change what they show: the gate
   * protects a later count by hiding later counts only. So a figure answered alone and the same figure answered
   * beside a linked one (whose counts are tied to it) show the same cells; the linked one hides more of its own.
   */
  public void settle() {
    stages.add(values.size());
  }

  /** {@code later = earlier + in - out}: a stock and the flows that changed it. */
  public void balance(Count later, Count earlier, Count in, Count out) {
    Map<Integer, Integer> relation = new LinkedHashMap<>();
    add(relation, later, -1);
    add(relation, earlier, 1);
    add(relation, in, 1);
    add(relation, out, -1);
    relate(relation);
    totals.set(later.index());
    totals.set(earlier.index());
  }

  private void relate(Map<Integer, Integer> relation) {
    relation.values().removeIf(coefficient -> coefficient == 0);
    if (!relation.isEmpty()) {
      relations.add(relation);
    }
  }

  private void add(Map<Integer, Integer> relation, Count count, int coefficient) {
    if (count.disclosure() != this) {
      throw new IllegalArgumentException("A count of another disclosure");
    }
    relation.merge(count.index(), coefficient, Integer::sum);
  }

  /** The raw value, for building sums inside the module; never for showing (that is {@link Released#shown}). */
  long valueOf(Count count) {
    return values.get(count.index());
  }

  boolean isTotal(int index) {
    return totals.get(index);
  }

  int size() {
    return values.size();
  }

  long value(int index) {
    return values.get(index);
  }

  List<Map<Integer, Integer>> relations() {
    return relations;
  }

  /** The ends of the settled stages, in order, and the end of the last stage (the size). */
  List<Integer> stages() {
    List<Integer> ends = new ArrayList<>(stages);
    ends.add(values.size());
    return ends;
  }

  /** A handle on one count of a disclosure; its value leaves only through {@link Released#shown}. */
  public record Count(Disclosure disclosure, int index) {

    @Override
    public String toString() {
      return "Count#" + index;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Count count && count.disclosure == disclosure && count.index == index;
    }

    @Override
    public int hashCode() {
      return index;
    }
  }
}
