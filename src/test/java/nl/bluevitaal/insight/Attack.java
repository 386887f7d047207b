package nl.bluevitaal.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An attacker with what a figure shows and every sum its page states (a total is the sum of its teams, a quarter of
 * its months, a stock last month's plus inflow minus outflow): which hidden counts can they work out exactly? Solved
 * here by elimination, independent of the gate's own code: what the page shows, not what the gate thought.
 */
final class Attack {

  /** A number on the page: a table's cell of a team (a keyed row's key; null: the totals row) and column. */
  record Ref(String table, String team, String column) {
  }

  private final Map<Ref, Double> visible = new HashMap<>();
  private final List<Ref> hidden = new ArrayList<>();
  private final List<Map<Ref, Integer>> equations = new ArrayList<>();

  void read(FigureTable table) {
    read(table, table.key());
  }

  /** A table read under a name of its own: the same table of another answer (a team's figure). */
  void read(FigureTable table, String name) {
    for (FigureTable.Row row : table.rows()) {
      String team = row.team() != null || FigureTable.Row.TOTAL.equals(row.key()) ? row.team() : row.key();
      for (int i = 0; i < table.columns().size(); i++) {
        Ref ref = new Ref(name, team, table.columns().get(i));
        Shown shown = row.cells().get(i);
        if (shown.visible()) {
          visible.put(ref, shown.value());
        } else {
          hidden.add(ref);
        }
      }
    }
  }

  void sum(String table, String team, String column, List<Ref> parts) {
    Map<Ref, Integer> equation = new LinkedHashMap<>();
    equation.merge(new Ref(table, team, column), -1, Integer::sum);
    parts.forEach(part -> equation.merge(part, 1, Integer::sum));
    equations.add(equation);
  }

  /** Two numbers of the same people, shown in two answers. */
  void same(Ref one, Ref other) {
    sum(one.table(), one.team(), one.column(), List.of(other));
  }

  void balance(Ref later, Ref earlier, Ref in, Ref out) {
    Map<Ref, Integer> equation = new LinkedHashMap<>();
    equation.merge(later, -1, Integer::sum);
    equation.merge(earlier, 1, Integer::sum);
    equation.merge(in, 1, Integer::sum);
    equation.merge(out, -1, Integer::sum);
    equations.add(equation);
  }

  int hiddenCount() {
    return hidden.size();
  }

  /** The hidden numbers the shown ones and the stated sums pin down, with their values. */
  Map<Ref, Double> workedOut() {
    int n = hidden.size();
    Map<Ref, Integer> column = new HashMap<>();
    for (int i = 0; i < n; i++) {
      column.put(hidden.get(i), i);
    }
    List<double[]> rows = new ArrayList<>();
    for (Map<Ref, Integer> equation : equations) {
      double[] row = new double[n + 1];
      boolean any = false;
      boolean complete = true;
      for (Map.Entry<Ref, Integer> term : equation.entrySet()) {
        Integer unknown = column.get(term.getKey());
        if (unknown != null) {
          row[unknown] += term.getValue();
          any = true;
        } else if (visible.containsKey(term.getKey())) {
          row[n] -= term.getValue() * visible.get(term.getKey());
        } else {
          complete = false;
        }
      }
      if (any && complete) {
        rows.add(row);
      }
    }
    double[][] m = rows.toArray(new double[0][]);
    int[] pivotOf = new int[m.length];
    java.util.Arrays.fill(pivotOf, -1);
    int r = 0;
    for (int c = 0; c < n && r < m.length; c++) {
      int best = -1;
      for (int k = r; k < m.length; k++) {
        if (Math.abs(m[k][c]) > 1e-9 && (best < 0 || Math.abs(m[k][c]) > Math.abs(m[best][c]))) {
          best = k;
        }
      }
      if (best < 0) {
        continue;
      }
      double[] swap = m[r];
      m[r] = m[best];
      m[best] = swap;
      double p = m[r][c];
      for (int k = 0; k <= n; k++) {
        m[r][k] /= p;
      }
      for (int k = 0; k < m.length; k++) {
        if (k != r && Math.abs(m[k][c]) > 1e-9) {
          double f = m[k][c];
          for (int j = 0; j <= n; j++) {
            m[k][j] -= f * m[r][j];
          }
        }
      }
      pivotOf[r++] = c;
    }
    Map<Ref, Double> found = new LinkedHashMap<>();
    for (int k = 0; k < m.length; k++) {
      int p = pivotOf[k];
      if (p < 0) {
        continue;
      }
      boolean alone = true;
      for (int c = 0; c < n && alone; c++) {
        alone = c == p || Math.abs(m[k][c]) < 1e-9;
      }
      if (alone) {
        found.put(hidden.get(p), m[k][n]);
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return Objects.toString(hidden);
  }
}
