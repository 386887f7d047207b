package nl.bluevitaal.insight;

import java.util.List;

/**
 * One table of a figure as it may leave the module: every number in it a {@link Shown} of the gate. Columns are keys
 * (months {@code M1}..{@code M12}, quarters {@code Q1}..{@code Q4}, {@code YEAR}, {@code TOTAL}, a phase, a status);
 * a row is a team ({@link Row#team}) or a key (the unit's {@code TOTAL}, a phase, a milestone, a category).
 */
public record FigureTable(String key, List<String> columns, List<Row> rows) {

  public FigureTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The unit's totals row, or the one row of a team's figure (what a chart of the table draws). */
  public Row headline() {
    return rows.stream().filter(row -> Row.TOTAL.equals(row.key())).findFirst()
        .orElse(rows.isEmpty() ? null : rows.get(0));
  }

  /** A row: a team (its name in {@code team}, key {@code TEAM}) or what {@code key} names; its cells by column. */
  public record Row(String key, String team, List<Shown> cells) {

    public static final String TEAM = "TEAM";
    public static final String TOTAL = "TOTAL";

    public Row {
      cells = List.copyOf(cells);
    }

    public static Row ofTeam(String team, List<Shown> cells) {
      return new Row(TEAM, team, cells);
    }

    public static Row of(String key, List<Shown> cells) {
      return new Row(key, null, cells);
    }
  }
}
