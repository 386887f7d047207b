package nl.bluevitaal.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.ToLongBiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.FigureTable.Row;
import nl.bluevitaal.insight.internal.FigureQueries;
import nl.bluevitaal.insight.internal.FigureQueries.Spread;
import nl.bluevitaal.insight.internal.FigureQueries.Tally;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.InsightScope;
import nl.bluevitaal.privacy.TeamLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit's figures (insight.md): throughput, phases, cycle times, deadlines met, outcomes, help demand and missing
 * aspects, per unit with a row per team, for a calendar year on the fixed grid of months and quarters.
 *
 * <p>Every answer counts the whole unit, every team a row, in one {@link Disclosure} released through the
 * {@link GroupSizeGate}; a team's figure is that team's row of it. So a team filter shows nothing the unit's figure
 * does not (it cannot isolate a person the unit hides), and two filters cannot be subtracted to find a hidden cell.
 * Statistics (medians, percentiles) are shown only over a group of at least the gate's minimum. Every read is checked
 * and audited ({@link AccessPolicy#checkInsight}).
 */
@Service
@Transactional(readOnly = true)
public class InsightFigures {

  public static final String TOTAL = Row.TOTAL;
  public static final String YEAR = "YEAR";
  /** The cases open at the start of the year, before January's flows. */
  public static final String START = "START";

  /** The phases a case can be in while open. */
  public static final List<String> OPEN_PHASES = Stream.of(Phase.values()).filter(phase -> phase != Phase.CLOSED)
      .map(Phase::name).toList();
  /** The milestones whose deadline a case meets (the end of wage payment is a date, not a step). */
  public static final List<String> MILESTONES = Stream.of(Milestone.values())
      .filter(milestone -> milestone != Milestone.END_OF_WAGE_PAYMENT).map(Milestone::name).toList();
  public static final List<String> DEADLINE_STATUSES = List.of("ON_TIME", "LATE", "MISSED_OPEN", "NOT_DUE");
  /** Rungs of the escalation ladder: 0 is the warning, 3 stands for 3 and up. */
  public static final List<String> RUNGS = List.of("0", "1", "2", "3");
  public static final List<String> OUTCOMES = List.of("OWN_WORK", "OTHER_WORK", "SPOOR_2", "WIA", "OTHER");
  /** The closed cases that returned to work, partly or fully, on the way. */
  public static final String RETURNED = "RETURNED";
  /** The intake's guidance intensities (decision IntakeRouting); UNKNOWN: not routed yet. */
  public static final List<String> INTENSITIES = List.of("INTENSITY_LICHT", "INTENSITY_STANDAARD",
      "INTENSITY_INTENSIEF", "INTENSITY_UNKNOWN");
  public static final String INFLOW = "INFLOW";
  public static final List<String> HELP_DEMAND = Stream.concat(Stream.concat(Stream.of(INFLOW),
      INTENSITIES.stream()), Stream.of("BUDDY_RECOMMENDED", "AREA_CONTENT", "AREA_RELATIONS", "AREA_CONDITIONS",
      "AREA_TERMS")).toList();
  public static final List<String> ASPECTS = List.of("IN_GUIDANCE", "NO_RECENT_EVALUATION", "NO_AGREED_GOAL",
      "NO_SHARED_RELAPSE_PLAN", "BUDDY_NOT_INVOLVED");
  public static final List<String> SPREAD = List.of("N", "MEDIAN", "P75", "P90");

  private final FigureQueries queries;
  private final GroupSizeGate gate;
  private final AccessPolicy access;
  private final ObjectProvider<TeamLookup> teamLookup;
  private final Clock clock;

  InsightFigures(FigureQueries queries, GroupSizeGate gate, AccessPolicy access, ObjectProvider<TeamLookup> teamLookup,
      Clock clock) {
    this.queries = queries;
    this.gate = gate;
    this.access = access;
    this.teamLookup = teamLookup;
    this.clock = clock;
  }

  /** Whether the policy lets the actor read unit-wide figures at all (of any unit); nothing is audited by asking. */
  public boolean readsUnits(Actor actor) {
    return access.permitsInsight(actor, InsightScope.unit(""));
  }

  /** Whether the actor may read a unit's figures (the policy says; nothing is audited by asking). */
  public boolean readsUnit(Actor actor, String unit) {
    return access.permitsInsight(actor, InsightScope.unit(unit));
  }

  /** The units the read model knows, for a unit-wide reader's choice. */
  public List<String> units() {
    return queries.units();
  }

  /** The teams of a unit, for the choice of a team; rows of every figure of the unit. */
  public List<String> teams(String unit) {
    return queries.teams(unit);
  }

  /** The teams this person leads as line manager, as the case file knows them now. */
  public List<TeamLookup.Team> teamsLedBy(Actor actor) {
    TeamLookup lookup = teamLookup.getIfAvailable();
    if (lookup == null || !actor.isIn(Groups.LINE_MANAGER)) {
      return List.of();
    }
    return List.copyOf(lookup.teamsLedBy(actor.userId()));
  }

  /** The years one may choose: the current one back to the first year a case was opened in (at most ten). */
  public List<Integer> years() {
    int now = today().getYear();
    return IntStream.rangeClosed(0, 9).map(back -> now - back).boxed().toList();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The figure, checked and audited for the actor: a unit-wide read, or a team's read when {@code team} is set. */
  public Figure figure(Actor actor, FigureKind kind, FigureQuery query) {
    InsightScope scope = query.team() == null ? InsightScope.unit(query.unit())
        : InsightScope.team(query.unit(), query.team());
    access.checkInsight(actor, scope, "figure " + kind.slug() + " " + query.year());
    Grid grid = new Grid(query);
    return switch (kind) {
      case THROUGHPUT -> throughput(grid);
      case PHASES -> phases(grid);
      case CYCLE_TIME -> cycleTime(grid);
      case DEADLINES -> deadlines(grid);
      case OUTCOMES -> outcomes(grid);
      case HELP_DEMAND -> helpDemand(grid);
      case MISSING_ASPECTS -> missingAspects(grid);
    };
  }

  private Figure throughput(Grid grid) {
    Map<String, Map<String, Long>> flows = byTeam(queries.flows(grid.unit(), grid.from(), grid.to()));
    Map<String, Map<String, Long>> start = byTeam(queries.openAt(grid.unit(), grid.from()));
    Disclosure disclosure = new Disclosure();
    CountTable<String, String> in = CountTable.of(disclosure, grid.teams, grid.months,
        (team, month) -> value(flows, team, "IN:" + month.substring(1)));
    CountTable<String, String> out = CountTable.of(disclosure, grid.teams, grid.months,
        (team, month) -> value(flows, team, "OUT:" + month.substring(1)));
    List<String> stockColumns = new ArrayList<>(List.of(START));
    stockColumns.addAll(grid.months);
    Map<String, Map<String, Long>> stocks = new HashMap<>();
    for (String team : grid.teams) {
      Map<String, Long> line = new HashMap<>();
      long open = value(start, team, "OPEN");
      line.put(START, open);
      for (String month : grid.months) {
        open += value(flows, team, "IN:" + month.substring(1)) - value(flows, team, "OUT:" + month.substring(1));
        line.put(month, open);
      }
      stocks.put(team, line);
    }
    // Cases open at each month's end for the unit only. A team's stock beside its monthly flows pins down the flows the
    // gate must hide (this month's stock minus last month's is inflow minus outflow), and the gate then hid whole
    // years of the unit's own totals to protect them. The line manager's team view has no stock table.
    Map<String, Disclosure.Count> open = new LinkedHashMap<>();
    for (String column : stockColumns) {
      open.put(column, disclosure.count(grid.teams.stream().mapToLong(team -> stocks.get(team).get(column)).sum()));
    }
    for (int i = 1; i < stockColumns.size(); i++) {
      String month = stockColumns.get(i);
      disclosure.balance(open.get(month), open.get(stockColumns.get(i - 1)), in.columnTotal(month),
          out.columnTotal(month));
    }
    Map<String, Map<String, Disclosure.Count>> inQuarters = in.group(grid.quarterMonths());
    Map<String, Map<String, Disclosure.Count>> outQuarters = out.group(grid.quarterMonths());
    Released released = gate.release(disclosure);
    List<String> flowColumns = new ArrayList<>(grid.months);
    flowColumns.addAll(grid.quarters);
    flowColumns.add(YEAR);
    return new Figure(FigureKind.THROUGHPUT, grid.query, List.of(
        grid.teamRows("inflow", released, flowColumns, flowCount(in, inQuarters)),
        grid.teamRows("outflow", released, flowColumns, flowCount(out, outQuarters)),
        new FigureTable("open", stockColumns, grid.query.team() != null ? List.of()
            : List.of(Row.of(TOTAL, stockColumns.stream().map(column -> released.shown(open.get(column))).toList())))));
  }

  private static BiFunction<String, String, Disclosure.Count> flowCount(CountTable<String, String> table,
      Map<String, Map<String, Disclosure.Count>> quarters) {
    return (team, column) -> {
      if (column.equals(YEAR)) {
        return team == null ? table.total() : table.rowTotal(team);
      }
      if (column.startsWith("Q")) {
        return quarters.get(column).get(team);
      }
      return cellOrTotal(table, team, column);
    };
  }

  private Figure phases(Grid grid) {
    Map<String, Map<String, Long>> now = byTeam(queries.phasesNow(grid.unit()));
    Disclosure disclosure = new Disclosure();
    CountTable<String, String> table = CountTable.of(disclosure, grid.teams, OPEN_PHASES,
        (team, phase) -> value(now, team, phase));
    Released released = gate.release(disclosure);
    List<String> columns = new ArrayList<>(OPEN_PHASES);
    columns.add(TOTAL);
    return new Figure(FigureKind.PHASES, grid.query, List.of(grid.teamRows("phases", released, columns,
        (team, column) -> column.equals(TOTAL) ? rowTotalOrTotal(table, team) : cellOrTotal(table, team, column))));
  }

  private Figure cycleTime(Grid grid) {
    Map<String, Map<String, Long>> counts = byTeam(queries.phaseStayCounts(grid.unit(), grid.from(), grid.to()));
    Disclosure disclosure = new Disclosure();
    Map<String, CountTable<String, String>> perPhase = new LinkedHashMap<>();
    for (String phase : OPEN_PHASES) {
      perPhase.put(phase, CountTable.of(disclosure, grid.teams, grid.quarters,
          (team, quarter) -> value(counts, team, phase + ":" + quarter)));
    }
    Released released = gate.release(disclosure);
    String team = grid.query.team();
    Map<String, Spread> year = new HashMap<>();
    queries.phaseDays(grid.unit(), team, grid.from(), grid.to(), false).forEach(s -> year.put(s.group(), s));
    Map<String, Spread> quarters = new HashMap<>();
    queries.phaseDays(grid.unit(), team, grid.from(), grid.to(), true)
        .forEach(s -> quarters.put(s.group() + ":" + s.period(), s));
    List<Row> spreadRows = new ArrayList<>();
    List<Row> trendRows = new ArrayList<>();
    for (String phase : OPEN_PHASES) {
      Spread spread = year.get(phase);
      spreadRows.add(Row.of(phase, List.of(released.shown(rowTotalOrTotal(perPhase.get(phase), team)),
          statistic(spread, Spread::median), statistic(spread, Spread::p75), statistic(spread, Spread::p90))));
      trendRows.add(Row.of(phase, grid.quarters.stream()
          .map(quarter -> statistic(quarters.get(phase + ":" + quarter), Spread::median)).toList()));
    }
    return new Figure(FigureKind.CYCLE_TIME, grid.query, List.of(new FigureTable("days", SPREAD, spreadRows),
        new FigureTable("trend", grid.quarters, trendRows)));
  }

  private Figure deadlines(Grid grid) {
    Map<String, Map<String, Long>> met = byTeam(queries.deadlines(grid.unit(), grid.from(), grid.to(), today()));
    Map<String, Map<String, Long>> rungs = byTeam(queries.escalations(grid.unit(), grid.from(), grid.to()));
    Disclosure disclosure = new Disclosure();
    Map<String, CountTable<String, String>> perMilestone = new LinkedHashMap<>();
    for (String milestone : MILESTONES) {
      perMilestone.put(milestone, CountTable.of(disclosure, grid.teams, DEADLINE_STATUSES,
          (team, status) -> value(met, team, milestone + ":" + status)));
    }
    // A case can reach several rungs: each rung's teams sum to its total, the rungs themselves are no parts of one.
    Map<String, Map<String, Disclosure.Count>> escalations = columns(disclosure, grid.teams, RUNGS,
        (team, rung) -> value(rungs, team, rung));
    Released released = gate.release(disclosure);
    String team = grid.query.team();
    Map<String, Spread> late = new HashMap<>();
    queries.daysLate(grid.unit(), team, grid.from(), grid.to()).forEach(s -> late.put(s.group(), s));
    List<String> metColumns = new ArrayList<>(DEADLINE_STATUSES);
    metColumns.add(TOTAL);
    metColumns.add("MEDIAN_DAYS_LATE");
    List<Row> rows = new ArrayList<>();
    for (String milestone : MILESTONES) {
      List<Shown> cells = new ArrayList<>();
      for (String status : DEADLINE_STATUSES) {
        cells.add(released.shown(cellOrTotal(perMilestone.get(milestone), team, status)));
      }
      cells.add(released.shown(rowTotalOrTotal(perMilestone.get(milestone), team)));
      cells.add(statistic(late.get(milestone), Spread::median));
      rows.add(Row.of(milestone, cells));
    }
    return new Figure(FigureKind.DEADLINES, grid.query, List.of(new FigureTable("deadlines", metColumns, rows),
        grid.teamRows("escalations", released, RUNGS, (t, rung) -> escalations.get(rung).get(t))));
  }

  private Figure outcomes(Grid grid) {
    Map<String, Map<String, Long>> ended = byTeam(queries.outcomes(grid.unit(), grid.from(), grid.to()));
    Disclosure disclosure = new Disclosure();
    CountTable<String, String> table = CountTable.of(disclosure, grid.teams, OUTCOMES,
        (team, outcome) -> value(ended, team, outcome));
    // The cases among them that returned to work (partly): the group of the median time to return.
    Map<String, Map<String, Disclosure.Count>> returned = columns(disclosure, grid.teams, List.of(RETURNED),
        (team, column) -> value(ended, team, RETURNED));
    Released released = gate.release(disclosure);
    List<String> columns = new ArrayList<>(OUTCOMES);
    columns.add(TOTAL);
    Spread toReturn = queries.daysToReturn(grid.unit(), grid.query.team(), grid.from(), grid.to());
    return new Figure(FigureKind.OUTCOMES, grid.query, List.of(
        grid.teamRows("outcomes", released, columns,
            (team, column) -> column.equals(TOTAL) ? rowTotalOrTotal(table, team) : cellOrTotal(table, team, column)),
        new FigureTable("return", List.of("N", "MEDIAN"), List.of(Row.of(RETURNED, List.of(
            released.shown(returned.get(RETURNED).get(grid.query.team())),
            statistic(toReturn, Spread::median)))))));
  }

  private Figure helpDemand(Grid grid) {
    Map<String, Map<String, Long>> asked = byTeam(queries.helpDemand(grid.unit(), grid.from(), grid.to()));
    for (Map<String, Long> line : asked.values()) {
      for (String quarter : grid.quarters) {
        line.put(INFLOW + ":" + quarter, INTENSITIES.stream()
            .mapToLong(intensity -> line.getOrDefault(intensity + ":" + quarter, 0L)).sum());
      }
    }
    // A case is in one intensity but may be in several A's: a table per category, each with its year per team.
    Disclosure disclosure = new Disclosure();
    Map<String, CountTable<String, String>> perCategory = new LinkedHashMap<>();
    for (String category : HELP_DEMAND) {
      perCategory.put(category, CountTable.of(disclosure, grid.teams, grid.quarters,
          (team, quarter) -> value(asked, team, category + ":" + quarter)));
    }
    // The intensities part the inflow: tie them, so that the inflow minus three intensities tells nothing.
    for (String quarter : grid.quarters) {
      for (String team : withTotal(grid.teams)) {
        disclosure.sum(cellOrTotal(perCategory.get(INFLOW), team, quarter), INTENSITIES.stream()
            .map(intensity -> cellOrTotal(perCategory.get(intensity), team, quarter)).toList());
      }
    }
    Released released = gate.release(disclosure);
    String team = grid.query.team();
    List<String> shownColumns = new ArrayList<>(grid.quarters);
    shownColumns.add(YEAR);
    List<Row> rows = new ArrayList<>();
    for (String category : HELP_DEMAND) {
      List<Shown> cells = new ArrayList<>();
      for (String quarter : grid.quarters) {
        cells.add(released.shown(cellOrTotal(perCategory.get(category), team, quarter)));
      }
      cells.add(released.shown(rowTotalOrTotal(perCategory.get(category), team)));
      rows.add(Row.of(category, cells));
    }
    return new Figure(FigureKind.HELP_DEMAND, grid.query, List.of(new FigureTable("help-demand", shownColumns,
        rows)));
  }

  private Figure missingAspects(Grid grid) {
    Map<String, Map<String, Long>> missing = byTeam(queries.missingAspects(grid.unit(), today()));
    Disclosure disclosure = new Disclosure();
    // A case may lack several things: each aspect's teams sum to its total, the aspects are no parts of one.
    Map<String, Map<String, Disclosure.Count>> table = columns(disclosure, grid.teams, ASPECTS,
        (team, aspect) -> value(missing, team, aspect));
    Released released = gate.release(disclosure);
    return new Figure(FigureKind.MISSING_ASPECTS, grid.query, List.of(grid.teamRows("missing-aspects", released,
        ASPECTS, (team, aspect) -> table.get(aspect).get(team))));
  }

  private Shown statistic(Spread spread, java.util.function.Function<Spread, Double> value) {
    if (spread == null || value.apply(spread) == null) {
      return gate.statistic(0, 0);
    }
    return gate.statistic(spread.n(), value.apply(spread));
  }

  /**
   * Counts per team for each column, each column's teams tied to its unit total (key null), and no sum across the
   * columns: where columns overlap (a case lacks two things) or their sum means nothing (stocks of twelve months),
   * such a sum is shown nowhere, and as a count of the disclosure it would only make the gate hide more.
   */
  private static Map<String, Map<String, Disclosure.Count>> columns(Disclosure disclosure, List<String> teams,
      List<String> columns, ToLongBiFunction<String, String> people) {
    Map<String, Map<String, Disclosure.Count>> result = new LinkedHashMap<>();
    for (String column : columns) {
      Map<String, Disclosure.Count> perTeam = new HashMap<>();
      long sum = 0;
      for (String team : teams) {
        long value = people.applyAsLong(team, column);
        sum += value;
        perTeam.put(team, disclosure.count(value));
      }
      Disclosure.Count total = disclosure.count(sum);
      disclosure.sum(total, teams.stream().map(perTeam::get).toList());
      perTeam.put(null, total);
      result.put(column, perTeam);
    }
    return result;
  }

  private static List<String> withTotal(List<String> teams) {
    List<String> all = new ArrayList<>(teams);
    all.add(null);
    return all;
  }

  private static Disclosure.Count cellOrTotal(CountTable<String, String> table, String team, String column) {
    return team == null ? table.columnTotal(column) : table.cell(team, column);
  }

  private static Disclosure.Count rowTotalOrTotal(CountTable<String, String> table, String team) {
    return team == null ? table.total() : table.rowTotal(team);
  }

  private static Map<String, Map<String, Long>> byTeam(List<Tally> tallies) {
    Map<String, Map<String, Long>> result = new HashMap<>();
    tallies.forEach(t -> result.computeIfAbsent(t.team(), team -> new HashMap<>()).merge(t.column(), t.count(),
        Long::sum));
    return result;
  }

  private static long value(Map<String, Map<String, Long>> counts, String team, String column) {
    return counts.getOrDefault(team, Map.of()).getOrDefault(column, 0L);
  }

  /** The fixed grid of a query: the unit's teams, the year's months so far and their quarters. */
  private final class Grid {

    private final FigureQuery query;
    private final List<String> teams;
    private final List<String> months;
    private final List<String> quarters;

    Grid(FigureQuery query) {
      this.query = query;
      Set<String> known = new TreeSet<>(queries.teams(query.unit()));
      if (query.team() != null) {
        // A team without cases yet is still a row (of zeros), never a reason to differ from the unit's grid.
        known.add(query.team());
      }
      this.teams = List.copyOf(known);
      LocalDate today = today();
      int last = query.year() < today.getYear() ? 12 : query.year() == today.getYear() ? today.getMonthValue() : 0;
      this.months = IntStream.rangeClosed(1, last).mapToObj(month -> "M" + month).toList();
      this.quarters = IntStream.rangeClosed(1, (last + 2) / 3).mapToObj(quarter -> "Q" + quarter).toList();
    }

    String unit() {
      return query.unit();
    }

    LocalDate from() {
      return LocalDate.of(query.year(), 1, 1);
    }

    LocalDate to() {
      return LocalDate.of(query.year(), 12, 31);
    }

    Map<String, List<String>> quarterMonths() {
      Map<String, List<String>> groups = new LinkedHashMap<>();
      for (String quarter : quarters) {
        int q = Integer.parseInt(quarter.substring(1));
        groups.put(quarter, months.stream().filter(m -> (Integer.parseInt(m.substring(1)) + 2) / 3 == q).toList());
      }
      return groups;
    }

    /** A row per team and the unit's total; for a team's figure only that team's row. */
    FigureTable teamRows(String key, Released released, List<String> columns,
        BiFunction<String, String, Disclosure.Count> count) {
      List<Row> rows = new ArrayList<>();
      List<String> shownTeams = query.team() == null ? teams : List.of(query.team());
      for (String team : shownTeams) {
        rows.add(Row.ofTeam(team, columns.stream().map(column -> released.shown(count.apply(team, column))).toList()));
      }
      if (query.team() == null) {
        rows.add(Row.of(TOTAL, columns.stream().map(column -> released.shown(count.apply(null, column))).toList()));
      }
      return new FigureTable(key, columns, rows);
    }
  }
}
