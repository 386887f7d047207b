package nl.bluevitaal.insight.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.bluevitaal.insight.Figure;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureTable;
import nl.bluevitaal.insight.GroupSizeGate;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.Shown;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A figure as people read it: labels in their language, a hidden number as "&lt; 10" (or a dash where it protects a
 * small group), one sentence that says what the figure shows, and the chart's data, where a hidden number is a gap
 * (never plotted). Every number here is one the gate showed; nothing is computed from them.
 */
@Component
class FigurePresenter {

  static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final MessageSource messages;
  private final GroupSizeGate gate;
  private final ObjectMapper json;

  FigurePresenter(MessageSource messages, GroupSizeGate gate, ObjectMapper json) {
    this.messages = messages;
    this.gate = gate;
    this.json = json;
  }

  /**
   * One figure on a page. {@code noChart}: why there is no chart, so the page says so instead of drawing an empty
   * frame: "hidden" when every number it would draw is hidden, "nothing" when every one is zero (a team without an
   * ended sick period), "sparse" when each is zero or hidden; null when there is a chart.
   */
  record FigureView(String slug, String title, String summary, String chart, String chartLabel, String noChart,
      List<TableView> tables) {
  }

  /**
   * {@code teams}: how many team rows a folded table leaves out (its rows are then the unit's only, the teams one
   * click away); 0 when every row is here.
   */
  record TableView(String key, String caption, String rowHeader, List<String> columns, List<RowView> rows,
      int teams) {
  }

  record RowView(String label, boolean total, List<CellView> cells) {
  }

  /**
   * A cell's text; {@code hidden}: why it is not shown (SMALL_GROUP, PROTECTS_SMALL_GROUP or UNKNOWN_POPULATION), else
   * null; {@code spoken}: what a screen reader says of a hidden cell, else null.
   */
  record CellView(String text, String hidden, String spoken) {
  }

  FigureView view(Figure figure, Locale locale) {
    return view(figure, locale, false);
  }

  /**
   * {@code foldTeams}: a table's team rows are left out, so a unit of seventy teams shows its own figures at a glance
   * (and its page is not some thousands of cells); the page offers them one click away.
   */
  FigureView view(Figure figure, Locale locale, boolean foldTeams) {
    String slug = figure.kind().slug();
    List<TableView> tables = figure.tables().stream().filter(table -> !table.rows().isEmpty())
        .map(table -> table(figure, table, locale, foldTeams)).toList();
    Map<String, Object> chart = chart(figure, locale);
    @SuppressWarnings("unchecked")
    List<Double> drawn = ((List<Map<String, Object>>) chart.get("series")).stream()
        .flatMap(series -> ((List<Double>) series.get("values")).stream()).toList();
    String empty = drawn.stream().allMatch(value -> value == null) ? "hidden"
        : drawn.stream().allMatch(value -> value != null && value == 0) ? "nothing"
        : drawn.stream().allMatch(value -> value == null || value == 0) ? "sparse" : null;
    try {
      return new FigureView(slug, text("insight.figure." + slug + ".title", locale), summary(figure, locale),
          json.writeValueAsString(chart), text("insight.figure." + slug + ".chart", locale), empty, tables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A chart of plain numbers and labels is always JSON", e);
    }
  }

  TableView table(Figure figure, FigureTable table, Locale locale) {
    return table(figure, table, locale, false);
  }

  TableView table(Figure figure, FigureTable table, Locale locale, boolean foldTeams) {
    List<RowView> rows = new ArrayList<>();
    int folded = 0;
    // Once per table, not per cell: a unit's page has some thousands of cells.
    Map<Shown.Hidden, String> spoken = new EnumMap<>(Shown.Hidden.class);
    for (FigureTable.Row row : table.rows()) {
      if (foldTeams && row.team() != null) {
        folded++;
        continue;
      }
      List<CellView> cells = new ArrayList<>();
      for (int i = 0; i < row.cells().size(); i++) {
        Shown shown = row.cells().get(i);
        // A reporting frequency of one kind of absence is a small number per employee: two decimals (0,04).
        boolean frequency = row.key().equals("REPORTING_FREQUENCY")
            || table.columns().get(i).equals("REPORTING_FREQUENCY");
        String text = shown.visible() && frequency ? String.format(locale, "%.2f", shown.value())
            : cell(shown, locale);
        cells.add(shown.visible() ? new CellView(text, null, null) : new CellView(text, shown.hidden().name(),
            spoken.computeIfAbsent(shown.hidden(), hidden -> switch (hidden) {
              case SMALL_GROUP -> text("insight.hidden.cell.small", locale, gate.minimumGroup());
              case PROTECTS_SMALL_GROUP -> text("insight.hidden.cell.protects", locale);
              case UNKNOWN_POPULATION -> text("insight.hidden.cell.population", locale);
            })));
      }
      rows.add(new RowView(rowLabel(row, locale), FigureTable.Row.TOTAL.equals(row.key()), cells));
    }
    String year = String.valueOf(figure.query().year());
    return new TableView(table.key(), text("insight.table." + table.key(), locale, year),
        text("insight.table." + table.key() + ".rows", locale),
        table.columns().stream().map(column -> label(column, locale)).toList(), rows, folded);
  }

  String rowLabel(FigureTable.Row row, Locale locale) {
    return row.team() != null ? row.team() : label(row.key(), locale);
  }

  String label(String key, Locale locale) {
    return text("insight.label." + key, locale);
  }

  /** A number as a cell shows it: whole numbers without decimals; hidden as "&lt; 10" or a dash. */
  String cell(Shown shown, Locale locale) {
    if (!shown.visible()) {
      return switch (shown.hidden()) {
        case SMALL_GROUP -> "< " + gate.minimumGroup();
        case PROTECTS_SMALL_GROUP -> "–";
        case UNKNOWN_POPULATION -> text("insight.hidden.population.short", locale);
      };
    }
    double value = shown.value();
    return value == Math.rint(value) ? String.valueOf((long) value)
        : String.format(locale, "%.1f", value);
  }

  private String summary(Figure figure, Locale locale) {
    String year = String.valueOf(figure.query().year());
    return switch (figure.kind()) {
      case THROUGHPUT -> {
        FigureTable.Row flows = figure.table("flow-teams").headline();
        String in = spokenAt(figure, "flow-teams", flows, InsightFigures.INFLOW, locale);
        String out = spokenAt(figure, "flow-teams", flows, InsightFigures.OUTFLOW, locale);
        FigureTable openTable = figure.table("open");
        FigureTable.Row open = openTable.headline();
        if (open == null) {
          // A team's figure has its year only (see InsightFigures.throughput).
          yield text("insight.figure.throughput.summary.team", locale, year, in, out);
        }
        String lastMonth = label(openTable.columns().get(openTable.columns().size() - 1), locale);
        yield text("insight.figure.throughput.summary", locale, year, in, out, lastMonth,
            spoken(open.cells().get(open.cells().size() - 1), locale));
      }
      case PHASES -> {
        FigureTable table = figure.table("phases");
        FigureTable.Row row = table.headline();
        Optional<String> largest = largest(table, row, column -> !column.equals(InsightFigures.TOTAL));
        yield largest.map(phase -> text("insight.figure.phases.summary", locale,
                spokenAt(figure, "phases", row, InsightFigures.TOTAL, locale), label(phase, locale),
                spokenAt(figure, "phases", row, phase, locale)))
            .orElse(text("insight.figure.phases.summary.none", locale,
                spokenAt(figure, "phases", row, InsightFigures.TOTAL, locale)));
      }
      case CYCLE_TIME -> {
        FigureTable table = figure.table("days");
        String longest = null;
        double days = -1;
        for (FigureTable.Row row : table.rows()) {
          Shown median = row.cells().get(1);
          if (median.visible() && median.value() > days) {
            days = median.value();
            longest = row.key();
          }
        }
        yield longest == null ? text("insight.figure.cycle-time.summary.none", locale, year)
            : text("insight.figure.cycle-time.summary", locale, year, label(longest, locale),
                spoken(Shown.of(days), locale));
      }
      case DEADLINES -> {
        FigureTable table = figure.table("deadlines");
        FigureTable.Row analysis = table.rows().get(0);
        yield text("insight.figure.deadlines.summary", locale, year, spoken(analysis.cells().get(0), locale),
            spoken(analysis.cells().get(1), locale), spoken(analysis.cells().get(2), locale));
      }
      case OUTCOMES -> {
        FigureTable.Row row = figure.table("outcomes").headline();
        FigureTable.Row back = figure.table("return").headline();
        yield text("insight.figure.outcomes.summary", locale, year,
            spokenAt(figure, "outcomes", row, InsightFigures.TOTAL, locale),
            spokenAt(figure, "outcomes", row, "OWN_WORK", locale),
            spoken(back.cells().get(1), locale));
      }
      case HELP_DEMAND -> {
        FigureTable table = figure.table("help-demand");
        int yearColumn = table.columns().indexOf(InsightFigures.YEAR);
        yield text("insight.figure.help-demand.summary", locale, year,
            spoken(row(table, InsightFigures.INFLOW).cells().get(yearColumn), locale),
            spoken(row(table, "INTENSITY_INTENSIEF").cells().get(yearColumn), locale),
            spoken(row(table, "BUDDY_RECOMMENDED").cells().get(yearColumn), locale));
      }
      case ABSENCE -> {
        FigureTable.Row row = figure.table("absence-teams").headline();
        FigureTable.Row duration = figure.table("duration").headline();
        if (row == null || duration == null) {
          yield text("insight.figure.absence.summary.none", locale, year);
        }
        Shown yearly = row.cells().get(0);
        String reports = spoken(row.cells().get(1), locale);
        String ended = ended(duration.cells().get(0), duration.cells().get(1), locale);
        if (yearly.visible()) {
          yield text("insight.figure.absence.summary", locale, year, spoken(yearly, locale), reports, ended);
        }
        yield text(yearly.hidden() == Shown.Hidden.UNKNOWN_POPULATION
            ? "insight.figure.absence.summary.no-population" : "insight.figure.absence.summary.hidden", locale,
            year, reports, ended);
      }
      case MISSING_ASPECTS -> {
        FigureTable.Row row = figure.table("missing-aspects").headline();
        yield text("insight.figure.missing-aspects.summary", locale,
            spokenAt(figure, "missing-aspects", row, "IN_GUIDANCE", locale),
            spokenAt(figure, "missing-aspects", row, "NO_RECENT_EVALUATION", locale));
      }
    };
  }

  /**
   * The ended sick periods and their mean duration in words. A mean is said only where it shows: a hidden one is a
   * small group of periods (never "after fewer than 10 days", which would read as a duration), and over no period
   * there is none.
   */
  private String ended(Shown count, Shown mean, Locale locale) {
    if (count.visible() && count.value() == 0) {
      return text("insight.figure.absence.ended.none", locale);
    }
    return mean.visible() ? text("insight.figure.absence.ended", locale, spoken(count, locale), spoken(mean, locale))
        : text("insight.figure.absence.ended.hidden", locale, spoken(count, locale));
  }

  /** The chart: labels and series of numbers the gate showed; a hidden one is null, a gap in the chart. */
  private Map<String, Object> chart(Figure figure, Locale locale) {
    Map<String, Object> chart = new LinkedHashMap<>();
    List<Map<String, Object>> series = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    boolean stacked = false;
    String type = "bar";
    switch (figure.kind()) {
      case THROUGHPUT -> {
        FigureTable flow = figure.table("flow");
        if (flow.rows().isEmpty()) {
          // A team's figure has its year only: its new and closed cases.
          FigureTable teams = figure.table("flow-teams");
          InsightFigures.FLOWS.forEach(column -> labels.add(label(column, locale)));
          series.add(series(text("insight.figure.throughput.series", locale), values(teams, teams.headline(),
              InsightFigures.FLOWS), "bar"));
        } else {
          List<String> months = flow.columns().stream().filter(c -> c.startsWith("M")).toList();
          months.forEach(month -> labels.add(label(month, locale)));
          for (String key : InsightFigures.FLOWS) {
            series.add(series(label(key, locale), values(flow, row(flow, key), months), "bar"));
          }
          FigureTable open = figure.table("open");
          series.add(series(label("OPEN_AT_MONTH_END", locale), values(open, open.headline(), months), "line"));
        }
      }
      case PHASES, OUTCOMES, MISSING_ASPECTS -> {
        FigureTable table = figure.tables().get(0);
        List<String> columns = table.columns().stream()
            .filter(c -> !c.equals(InsightFigures.TOTAL) && !c.equals("IN_GUIDANCE")).toList();
        columns.forEach(column -> labels.add(label(column, locale)));
        series.add(series(text("insight.figure." + figure.kind().slug() + ".series", locale),
            values(table, table.headline(), columns), "bar"));
      }
      case ABSENCE -> {
        FigureTable unit = figure.table("absence-unit");
        if (!unit.rows().isEmpty()) {
          // The unit's percentage by month.
          List<String> months = unit.columns().stream().filter(c -> c.startsWith("M")).toList();
          months.forEach(month -> labels.add(label(month, locale)));
          series.add(series(label("ABSENCE_PERCENTAGE", locale), values(unit, row(unit, "ABSENCE_PERCENTAGE"),
              months), "line"));
        } else {
          // A team has its year only: its ended sick periods by duration class.
          FigureTable duration = figure.table("duration");
          InsightFigures.DURATION_CLASSES.forEach(c -> labels.add(label(c, locale)));
          series.add(series(label("N", locale), values(duration, duration.headline(),
              InsightFigures.DURATION_CLASSES), "bar"));
        }
      }
      case CYCLE_TIME -> {
        FigureTable table = figure.table("days");
        table.rows().forEach(row -> labels.add(label(row.key(), locale)));
        series.add(series(label("MEDIAN", locale), column(table, "MEDIAN"), "bar"));
        series.add(series(label("P90", locale), column(table, "P90"), "bar"));
      }
      case DEADLINES -> {
        FigureTable table = figure.table("deadlines");
        table.rows().forEach(row -> labels.add(label(row.key(), locale)));
        for (String status : List.of("ON_TIME", "LATE", "MISSED_OPEN")) {
          series.add(series(label(status, locale), column(table, status), "bar"));
        }
        stacked = true;
      }
      case HELP_DEMAND -> {
        FigureTable table = figure.table("help-demand");
        List<String> quarters = table.columns().stream().filter(c -> c.startsWith("Q")).toList();
        if (quarters.isEmpty()) {
          // A team's figure has its year only: the new cases by the guidance the intake advised.
          InsightFigures.INTENSITIES.forEach(intensity -> labels.add(label(intensity, locale)));
          series.add(series(label(InsightFigures.INFLOW, locale), InsightFigures.INTENSITIES.stream()
              .map(intensity -> row(table, intensity).cells().get(0).value()).toList(), "bar"));
        } else {
          quarters.forEach(quarter -> labels.add(label(quarter, locale)));
          for (String intensity : InsightFigures.INTENSITIES) {
            series.add(series(label(intensity, locale), values(table, row(table, intensity), quarters), "bar"));
          }
          stacked = true;
        }
      }
    }
    chart.put("type", type);
    chart.put("stacked", stacked);
    chart.put("labels", labels);
    chart.put("series", series);
    return chart;
  }

  private static Map<String, Object> series(String label, List<Double> values, String kind) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("label", label);
    series.put("kind", kind);
    series.put("values", values);
    return series;
  }

  private static List<Double> values(FigureTable table, FigureTable.Row row, List<String> columns) {
    if (row == null) {
      return columns.stream().map(column -> (Double) null).toList();
    }
    return columns.stream().map(column -> row.cells().get(table.columns().indexOf(column)).value()).toList();
  }

  private static List<Double> column(FigureTable table, String column) {
    int index = table.columns().indexOf(column);
    return table.rows().stream().map(row -> row.cells().get(index).value()).toList();
  }

  private static FigureTable.Row row(FigureTable table, String key) {
    return table.rows().stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow();
  }

  private static Optional<String> largest(FigureTable table, FigureTable.Row row, Predicate<String> among) {
    String best = null;
    double most = 0;
    for (int i = 0; row != null && i < table.columns().size(); i++) {
      Shown shown = row.cells().get(i);
      if (among.test(table.columns().get(i)) && shown.visible() && shown.value() > most) {
        most = shown.value();
        best = table.columns().get(i);
      }
    }
    return Optional.ofNullable(best);
  }

  /** A number in a sentence: a hidden one in words ("fewer than 10", "a hidden number"), never its value. */
  String spoken(Shown shown, Locale locale) {
    if (shown.visible()) {
      return cell(shown, locale);
    }
    return switch (shown.hidden()) {
      case SMALL_GROUP -> text("insight.hidden.spoken.small", locale, String.valueOf(gate.minimumGroup()));
      case PROTECTS_SMALL_GROUP -> text("insight.hidden.spoken.protects", locale);
      case UNKNOWN_POPULATION -> text("insight.hidden.spoken.population", locale);
    };
  }

  private String spokenAt(Figure figure, String table, FigureTable.Row row, String column, Locale locale) {
    return row == null ? "0" : spoken(row.cells().get(figure.table(table).columns().indexOf(column)), locale);
  }

  String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
