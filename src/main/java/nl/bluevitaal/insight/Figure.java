package nl.bluevitaal.insight;

import java.util.List;

/** One figure for one query: its tables, every number in them released through the gate as one disclosure. */
public record Figure(FigureKind kind, FigureQuery query, List<FigureTable> tables) {

  public Figure {
    tables = List.copyOf(tables);
  }

  public FigureTable table(String key) {
    return tables.stream().filter(table -> table.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No table " + key + " in " + kind));
  }
}
