package nl.bluevitaal.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * A table of counts of people (rows by columns, e.g. teams by months) in a {@link Disclosure}, with its row totals,
 * column totals and grand total tied to the cells by sums, so the gate protects a hidden cell against every total.
 * Columns may be grouped (months into quarters): each group's sum per row and for the totals is a count too.
 *
 * <p>Two tables over the same people cut two ways (by team and by counsellor) must share their column totals:
 * build the second with {@link #sharing}, so a total shown beside one is the same count as beside the other.
 */
public final class CountTable<R, C> {

  private final Disclosure disclosure;
  private final List<R> rows;
  private final List<C> columns;
  private final Map<R, Map<C, Disclosure.Count>> cells = new LinkedHashMap<>();
  private final Map<R, Disclosure.Count> rowTotals = new LinkedHashMap<>();
  private final Map<C, Disclosure.Count> columnTotals;
  private final Disclosure.Count total;

  private CountTable(Disclosure disclosure, List<R> rows, List<C> columns, ToLongBiFunction<R, C> people,
      Map<C, Disclosure.Count> columnTotals, Disclosure.Count total) {
    this.disclosure = disclosure;
    this.rows = List.copyOf(rows);
    this.columns = List.copyOf(columns);
    for (R row : rows) {
      Map<C, Disclosure.Count> line = new LinkedHashMap<>();
      long sum = 0;
      for (C column : columns) {
        long value = people.applyAsLong(row, column);
        sum += value;
        line.put(column, disclosure.count(value));
      }
      cells.put(row, line);
      Disclosure.Count rowTotal = disclosure.count(sum);
      disclosure.sum(rowTotal, line.values());
      rowTotals.put(row, rowTotal);
    }
    if (columnTotals == null) {
      this.columnTotals = new LinkedHashMap<>();
      long grand = 0;
      for (C column : columns) {
        long sum = 0;
        for (R row : rows) {
          sum += people.applyAsLong(row, column);
        }
        grand += sum;
        this.columnTotals.put(column, disclosure.count(sum));
      }
      this.total = disclosure.count(grand);
      disclosure.sum(this.total, this.columnTotals.values());
    } else {
      this.columnTotals = columnTotals;
      this.total = total;
    }
    for (C column : columns) {
      disclosure.sum(this.columnTotals.get(column), rows.stream().map(row -> cells.get(row).get(column)).toList());
    }
    disclosure.sum(this.total, rowTotals.values());
  }

  /**
   * A table whose rows together are all the people counted (every person in exactly one row per column); its column
   * totals are the sums of its rows.
   */
  public static <R, C> CountTable<R, C> of(Disclosure disclosure, List<R> rows, List<C> columns,
      ToLongBiFunction<R, C> people) {
    return new CountTable<>(disclosure, rows, columns, people, null, null);
  }

  /**
   * The same people and columns as {@code base}, cut by other rows: its column totals and grand total are the base's
   * (the caller guarantees the rows again hold every person once per column).
   */
  public static <R, C, S> CountTable<S, C> sharing(CountTable<R, C> base, List<S> rows, ToLongBiFunction<S, C> people) {
    return new CountTable<>(base.disclosure, rows, base.columns, people, base.columnTotals, base.total);
  }

  /**
   * Groups of columns (months of a quarter) with their sums per row and for the column totals. Returns per group the
   * counts: the key {@code null} row is the totals row.
   */
  public <G> Map<G, Map<R, Disclosure.Count>> group(Map<G, List<C>> groups) {
    Map<G, Map<R, Disclosure.Count>> result = new LinkedHashMap<>();
    for (Map.Entry<G, List<C>> group : groups.entrySet()) {
      Map<R, Disclosure.Count> perRow = new LinkedHashMap<>();
      List<Disclosure.Count> rowSums = new ArrayList<>();
      for (R row : rows) {
        List<Disclosure.Count> parts = group.getValue().stream().map(column -> cell(row, column)).toList();
        Disclosure.Count sum = disclosure.count(parts.stream().mapToLong(disclosure::valueOf).sum());
        disclosure.sum(sum, parts);
        perRow.put(row, sum);
        rowSums.add(sum);
      }
      List<Disclosure.Count> totalParts = group.getValue().stream().map(columnTotals::get).toList();
      Disclosure.Count totalSum = disclosure.count(totalParts.stream().mapToLong(disclosure::valueOf).sum());
      disclosure.sum(totalSum, totalParts);
      disclosure.sum(totalSum, rowSums);
      perRow.put(null, totalSum);
      result.put(group.getKey(), perRow);
    }
    return result;
  }

  public Disclosure disclosure() {
    return disclosure;
  }

  public List<R> rows() {
    return rows;
  }

  public List<C> columns() {
    return columns;
  }

  public Disclosure.Count cell(R row, C column) {
    return cells.get(row).get(column);
  }

  public Disclosure.Count rowTotal(R row) {
    return rowTotals.get(row);
  }

  public Disclosure.Count columnTotal(C column) {
    return columnTotals.get(column);
  }

  public Disclosure.Count total() {
    return total;
  }
}
