package nl.bluevitaal.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.FigureTable.Row;
import nl.bluevitaal.insight.internal.AbsenceQueries;
import nl.bluevitaal.insight.internal.AbsenceQueries.SickSpell;
import nl.bluevitaal.insight.internal.AbsenceQueries.TeamMonth;
import nl.bluevitaal.insight.internal.FigureQueries;
import nl.bluevitaal.insight.internal.FigureQueries.Spread;
import nl.bluevitaal.insight.internal.FigureQueries.Tally;
import nl.bluevitaal.insight.internal.ReadModelCache;
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
  /** Figures that count the same people, released as one disclosure ({@link #figures}). */
  static final List<Set<FigureKind>> LINKED = List.of(
      EnumSet.of(FigureKind.THROUGHPUT, FigureKind.HELP_DEMAND, FigureKind.OUTCOMES),
      EnumSet.of(FigureKind.PHASES, FigureKind.MISSING_ASPECTS));
  /** Rungs of the escalation ladder: 0 is the warning, 3 stands for 3 and up. */
  public static final List<String> RUNGS = List.of("0", "1", "2", "3");
  public static final List<String> OUTCOMES = List.of("OWN_WORK", "OTHER_WORK", "SPOOR_2", "WIA", "OTHER");
  /** The closed cases that returned to work, partly or fully, on the way. */
  public static final String RETURNED = "RETURNED";
  /** The intake's guidance intensities (decision IntakeRouting); UNKNOWN: not routed yet. */
  public static final List<String> INTENSITIES = List.of("INTENSITY_LICHT", "INTENSITY_STANDAARD",
      "INTENSITY_INTENSIEF", "INTENSITY_UNKNOWN");
  public static final String INFLOW = "INFLOW";
  public static final String OUTFLOW = "OUTFLOW";
  /** The flows of the throughput: cases opened and cases closed. */
  public static final List<String> FLOWS = List.of(INFLOW, OUTFLOW);
  public static final List<String> HELP_DEMAND = Stream.concat(Stream.concat(Stream.of(INFLOW),
      INTENSITIES.stream()), Stream.of("BUDDY_RECOMMENDED", "AREA_CONTENT", "AREA_RELATIONS", "AREA_CONDITIONS",
      "AREA_TERMS")).toList();
  public static final List<String> ASPECTS = List.of("IN_GUIDANCE", "NO_RECENT_EVALUATION", "NO_AGREED_GOAL",
      "NO_SHARED_RELAPSE_PLAN", "BUDDY_NOT_INVOLVED");
  public static final List<String> SPREAD = List.of("N", "MEDIAN", "P75", "P90");
  /** The Vernet duration classes of an ended sick period in calendar days; the last one holds 366 days and more. */
  public static final List<String> DURATION_CLASSES = List.of("DAYS_1_7", "DAYS_8_42", "DAYS_43_365",
      "DAYS_366_PLUS");
  private static final int[] DURATION_CLASS_UPPER = {7, 42, 365};
  public static final List<String> DURATION = Stream.concat(Stream.of("N", "MEAN_DAYS"), DURATION_CLASSES.stream())
      .toList();
  public static final List<String> POPULATION = List.of("HEADCOUNT", "FTE");
  /** A team's absence figures of the year. */
  public static final List<String> ABSENCE_TEAMS = List.of("ABSENCE_PERCENTAGE", "REPORTS", "REPORTING_FREQUENCY");

  private final FigureQueries queries;
  private final AbsenceQueries absence;
  private final GroupSizeGate gate;
  private final AccessPolicy access;
  private final ObjectProvider<TeamLookup> teamLookup;
  private final ReadModelCache cache;
  private final Clock clock;

  InsightFigures(FigureQueries queries, AbsenceQueries absence, GroupSizeGate gate, AccessPolicy access,
      ObjectProvider<TeamLookup> teamLookup, ReadModelCache cache, Clock clock) {
    this.queries = queries;
    this.absence = absence;
    this.gate = gate;
    this.access = access;
    this.teamLookup = teamLookup;
    this.cache = cache;
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
    // Every address of a figure checks its unit against these: a scan of every case and population row, kept.
    return cache.get(List.of("units"), () -> List.copyOf(queries.units()));
  }

  /** The teams of a unit, for the choice of a team; rows of every figure of the unit. */
  public List<String> teams(String unit) {
    return cache.get(unit, List.of("teams", unit), () -> List.copyOf(queries.teams(unit)));
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
    return figures(actor, List.of(kind), query).get(kind);
  }

  /**
   * The figures in the order asked, each checked and audited for the actor. Figures that count the same people
   * ({@link #LINKED}) are released as one disclosure, whichever of them is asked, so that one answer cannot fill in
   * what another hides: a team's new cases are throughput's inflow and the sum of help demand's intensities, its
   * closed cases throughput's outflow and the sum of its outcomes, its cases in guidance its open cases minus those
   * watching for a relapse. The first of them is released as if alone ({@link Disclosure#settle}); a linked one
   * protects what the first hides by hiding more of its own.
   */
  public Map<FigureKind, Figure> figures(Actor actor, List<FigureKind> kinds, FigureQuery query) {
    InsightScope scope = query.team() == null ? InsightScope.unit(query.unit())
        : InsightScope.team(query.unit(), query.team());
    for (FigureKind kind : kinds) {
      access.checkInsight(actor, scope, "figure " + kind.slug() + " " + query.year());
    }
    LocalDate today = today();
    Map<FigureKind, Figure> released = new EnumMap<>(FigureKind.class);
    for (FigureKind kind : kinds) {
      if (!released.containsKey(kind)) {
        Set<FigureKind> group = LINKED.stream().filter(linked -> linked.contains(kind)).findFirst()
            .orElse(EnumSet.of(kind));
        // Kept per read model version and day (the year so far, what is overdue): computed once per change.
        released.putAll(cache.get(query.unit(), List.of("figures", group, query, today),
            () -> figures(query, group, today)));
      }
    }
    Map<FigureKind, Figure> asked = new LinkedHashMap<>();
    kinds.forEach(kind -> asked.put(kind, released.get(kind)));
    return asked;
  }

  /**
   * The figures of one disclosure for the query. A team's figures are its rows of its unit's disclosure (so that the
   * team's view and the unit's never tell apart what either hides): the unit's release is kept once and every team of
   * the unit reads its rows from it, instead of the gate's work for the whole unit again per team. A team the unit's
   * grid does not know (no case, no population) is released on a grid of its own, with its row of zeros.
   */
  private Map<FigureKind, Figure> figures(FigureQuery query, Set<FigureKind> group, LocalDate today) {
    FigureQuery unitQuery = new FigureQuery(query.unit(), null, query.year());
    // Never a release kept for an older version: the figures are kept under the version read before this one.
    Release unit = cache.getFresh(query.unit(), List.of("release", group, unitQuery, today),
        () -> release(new Grid(unitQuery), group));
    if (query.team() != null && !unit.grid().teams.contains(query.team())) {
      Grid own = new Grid(query);
      return release(own, group).read(own);
    }
    return unit.read(unit.grid().as(query));
  }

  /** A disclosure released by the gate, with what reads each figure's cells from it for a view of its grid. */
  private record Release(Grid grid, Released released, Map<FigureKind, BiFunction<Released, Grid, Figure>> pending) {

    Map<FigureKind, Figure> read(Grid view) {
      Map<FigureKind, Figure> figures = new EnumMap<>(FigureKind.class);
      pending.forEach((kind, figure) -> figures.put(kind, figure.apply(released, view)));
      return figures;
    }
  }

  /** One disclosure: each figure registers its counts, the gate releases them at once. */
  private Release release(Grid grid, Set<FigureKind> kinds) {
    Disclosure disclosure = new Disclosure();
    Links links = new Links();
    Map<FigureKind, BiFunction<Released, Grid, Figure>> pending = new EnumMap<>(FigureKind.class);
    // In the kinds' order: throughput and phases register the counts the others are tied to.
    for (FigureKind kind : EnumSet.copyOf(kinds)) {
      pending.put(kind, switch (kind) {
        case THROUGHPUT -> throughput(grid, disclosure, links);
        case PHASES -> phases(grid, disclosure, links);
        case CYCLE_TIME -> cycleTime(grid, disclosure, links);
        case DEADLINES -> deadlines(grid, disclosure, links);
        case OUTCOMES -> outcomes(grid, disclosure, links);
        case HELP_DEMAND -> helpDemand(grid, disclosure, links);
        case MISSING_ASPECTS -> missingAspects(grid, disclosure, links);
        case ABSENCE -> absence(grid, disclosure, links);
      });
      // Each figure is released as if alone, before the linked ones that follow it: they hide more of their own.
      disclosure.settle();
    }
    return new Release(grid, gate.release(disclosure), pending);
  }

  /**
   * Counts one figure holds that a linked figure's counts equal: per flow its teams' years (team null: the unit) and
   * the unit's quarters; the open cases per team and phase.
   */
  private static final class Links {
    private Map<String, Map<String, Disclosure.Count>> flowYears;
    private Map<String, Map<String, Disclosure.Count>> flowPeriods;
    private CountTable<String, String> phases;
  }

  /** Two counts of the same people: the gate treats them as one. */
  private static void same(Disclosure disclosure, Disclosure.Count one, Disclosure.Count other) {
    disclosure.sum(one, List.of(other));
  }

  /**
   * The unit by month, quarter and year, with its open cases at every month's end; each team by year only. A team's
   * month is rarely a group of ten, and a grid of seventy teams by months tied to quarters, years and a stock left the
   * gate two seconds of work for one answer at national scale (and hid much of the unit's own months to protect them).
   */
  private BiFunction<Released, Grid, Figure> throughput(Grid grid, Disclosure disclosure, Links links) {
    Map<String, Map<String, Long>> flows = byTeam(queries.flows(grid.unit(), grid.from(), grid.to()));
    Map<String, Map<String, Long>> start = byTeam(queries.openAt(grid.unit(), grid.from()));
    // Per flow its teams' years, tied to the unit's year; the unit's months, tied to its quarters and its year.
    Map<String, Map<String, Disclosure.Count>> teamYears = columns(disclosure, grid.teams, FLOWS,
        (team, flow) -> grid.months.stream().mapToLong(month -> value(flows, team, flowColumn(flow, month))).sum());
    Map<String, Map<String, Disclosure.Count>> unit = new LinkedHashMap<>();
    Map<String, Long> monthly = new HashMap<>();
    for (String flow : FLOWS) {
      Map<String, Disclosure.Count> periods = new LinkedHashMap<>();
      for (String month : grid.months) {
        long sum = grid.teams.stream().mapToLong(team -> value(flows, team, flowColumn(flow, month))).sum();
        monthly.put(flow + month, sum);
        periods.put(month, disclosure.count(sum));
      }
      grid.quarterMonths().forEach((quarter, months) -> {
        periods.put(quarter, disclosure.count(months.stream().mapToLong(month -> monthly.get(flow + month)).sum()));
        disclosure.sum(periods.get(quarter), months.stream().map(periods::get).toList());
      });
      Disclosure.Count year = teamYears.get(flow).get(null);
      if (!grid.quarters.isEmpty()) {
        disclosure.sum(year, grid.quarters.stream().map(periods::get).toList());
      }
      periods.put(YEAR, year);
      unit.put(flow, periods);
    }
    // The unit's cases open at the start of the year and at every month's end: last month's plus inflow minus outflow.
    List<String> stockColumns = new ArrayList<>(List.of(START));
    stockColumns.addAll(grid.months);
    Map<String, Disclosure.Count> open = new LinkedHashMap<>();
    long stock = grid.teams.stream().mapToLong(team -> value(start, team, "OPEN")).sum();
    open.put(START, disclosure.count(stock));
    String previous = START;
    for (String month : grid.months) {
      stock += monthly.get(INFLOW + month) - monthly.get(OUTFLOW + month);
      open.put(month, disclosure.count(stock));
      disclosure.balance(open.get(month), open.get(previous), unit.get(INFLOW).get(month),
          unit.get(OUTFLOW).get(month));
      previous = month;
    }
    links.flowYears = teamYears;
    links.flowPeriods = unit;
    return (released, view) -> {
      List<String> flowColumns = new ArrayList<>(view.months);
      flowColumns.addAll(view.quarters);
      flowColumns.add(YEAR);
      boolean wholeUnit = view.query.team() == null;
      return new Figure(FigureKind.THROUGHPUT, view.query, List.of(
          new FigureTable("flow", flowColumns, !wholeUnit ? List.of() : FLOWS.stream()
              .map(flow -> Row.of(flow, flowColumns.stream().map(column -> released.shown(unit.get(flow).get(column)))
                  .toList())).toList()),
          new FigureTable("open", stockColumns, !wholeUnit ? List.of()
              : List.of(Row.of(TOTAL, stockColumns.stream().map(column -> released.shown(open.get(column))).toList()))),
          view.teamRows("flow-teams", released, FLOWS, (team, flow) -> teamYears.get(flow).get(team))));
    };
  }

  private static String flowColumn(String flow, String month) {
    return (flow.equals(INFLOW) ? "IN:" : "OUT:") + month.substring(1);
  }

  private BiFunction<Released, Grid, Figure> phases(Grid grid, Disclosure disclosure, Links links) {
    Map<String, Map<String, Long>> now = byTeam(queries.phasesNow(grid.unit()));
    CountTable<String, String> table = CountTable.of(disclosure, grid.teams, OPEN_PHASES,
        (team, phase) -> value(now, team, phase));
    links.phases = table;
    return (released, view) -> {
      List<String> columns = new ArrayList<>(OPEN_PHASES);
      columns.add(TOTAL);
      return new Figure(FigureKind.PHASES, view.query, List.of(view.teamRows("phases", released, columns,
          (team, column) -> column.equals(TOTAL) ? rowTotalOrTotal(table, team) : cellOrTotal(table, team, column))));
    };
  }

  /**
   * Per phase the days spent in it (median, p75, p90) over the year and the median per quarter. The count behind each
   * is each team's cases with a stay ended in the year, tied to the unit's; a statistic shows only over at least the
   * gate's minimum. The quarters' counts are not shown, so they are not in the disclosure: as cells tied to the year
   * they only made the gate hide more, and slowly (a grid of seventy teams by quarters for each phase).
   */
  private BiFunction<Released, Grid, Figure> cycleTime(Grid grid, Disclosure disclosure, Links links) {
    Map<String, Map<String, Long>> counts = byTeam(queries.phaseStayCounts(grid.unit(), grid.from(), grid.to()));
    // A case may pass several phases in a year: each phase's teams sum to its total, the phases are no parts of one.
    Map<String, Map<String, Disclosure.Count>> perPhase = columns(disclosure, grid.teams, OPEN_PHASES,
        (team, phase) -> value(counts, team, phase));
    return (released, view) -> {
      String team = view.query.team();
      Map<String, Spread> year = new HashMap<>();
      queries.phaseDays(view.unit(), team, view.from(), view.to(), false).forEach(s -> year.put(s.group(), s));
      Map<String, Spread> quarters = new HashMap<>();
      queries.phaseDays(view.unit(), team, view.from(), view.to(), true)
          .forEach(s -> quarters.put(s.group() + ":" + s.period(), s));
      List<Row> spreadRows = new ArrayList<>();
      List<Row> trendRows = new ArrayList<>();
      for (String phase : OPEN_PHASES) {
        Spread spread = year.get(phase);
        spreadRows.add(Row.of(phase, List.of(released.shown(perPhase.get(phase).get(team)),
            statistic(spread, Spread::median), statistic(spread, Spread::p75), statistic(spread, Spread::p90))));
        trendRows.add(Row.of(phase, view.quarters.stream()
            .map(quarter -> statistic(quarters.get(phase + ":" + quarter), Spread::median)).toList()));
      }
      return new Figure(FigureKind.CYCLE_TIME, view.query, List.of(new FigureTable("days", SPREAD, spreadRows),
          new FigureTable("trend", view.quarters, trendRows)));
    };
  }

  private BiFunction<Released, Grid, Figure> deadlines(Grid grid, Disclosure disclosure, Links links) {
    Map<String, Map<String, Long>> met = byTeam(queries.deadlines(grid.unit(), grid.from(), grid.to(), today()));
    Map<String, Map<String, Long>> rungs = byTeam(queries.escalations(grid.unit(), grid.from(), grid.to()));
    Map<String, CountTable<String, String>> perMilestone = new LinkedHashMap<>();
    for (String milestone : MILESTONES) {
      perMilestone.put(milestone, CountTable.of(disclosure, grid.teams, DEADLINE_STATUSES,
          (team, status) -> value(met, team, milestone + ":" + status)));
    }
    // A case can reach several rungs: each rung's teams sum to its total, the rungs themselves are no parts of one.
    Map<String, Map<String, Disclosure.Count>> escalations = columns(disclosure, grid.teams, RUNGS,
        (team, rung) -> value(rungs, team, rung));
    return (released, view) -> {
      String team = view.query.team();
      Map<String, Spread> late = new HashMap<>();
      queries.daysLate(view.unit(), team, view.from(), view.to()).forEach(s -> late.put(s.group(), s));
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
      return new Figure(FigureKind.DEADLINES, view.query, List.of(new FigureTable("deadlines", metColumns, rows),
          view.teamRows("escalations", released, RUNGS, (t, rung) -> escalations.get(rung).get(t))));
    };
  }

  private BiFunction<Released, Grid, Figure> outcomes(Grid grid, Disclosure disclosure, Links links) {
    Map<String, Map<String, Long>> ended = byTeam(queries.outcomes(grid.unit(), grid.from(), grid.to()));
    CountTable<String, String> table = CountTable.of(disclosure, grid.teams, OUTCOMES,
        (team, outcome) -> value(ended, team, outcome));
    // The cases among them that returned to work (partly): the group of the median time to return.
    Map<String, Map<String, Disclosure.Count>> returned = columns(disclosure, grid.teams, List.of(RETURNED),
        (team, column) -> value(ended, team, RETURNED));
    if (links.flowYears != null) {
      // A team's closed cases are its outflow of the year.
      Map<String, Disclosure.Count> outflow = links.flowYears.get(OUTFLOW);
      grid.teams.forEach(team -> same(disclosure, outflow.get(team), table.rowTotal(team)));
      same(disclosure, outflow.get(null), table.total());
    }
    return (released, view) -> {
      List<String> columns = new ArrayList<>(OUTCOMES);
      columns.add(TOTAL);
      Spread toReturn = queries.daysToReturn(view.unit(), view.query.team(), view.from(), view.to());
      return new Figure(FigureKind.OUTCOMES, view.query, List.of(
          view.teamRows("outcomes", released, columns,
              (team, column) -> column.equals(TOTAL) ? rowTotalOrTotal(table, team) : cellOrTotal(table, team, column)),
          new FigureTable("return", List.of("N", "MEDIAN"), List.of(Row.of(RETURNED, List.of(
              released.shown(returned.get(RETURNED).get(view.query.team())),
              statistic(toReturn, Spread::median)))))));
    };
  }

  /**
   * Per team the year; per quarter only the unit. A team's quarter is rarely a group of ten, and a grid of seventy
   * teams by quarters in ten categories, tied together, left the gate half a minute of work for one answer.
   */
  private BiFunction<Released, Grid, Figure> helpDemand(Grid grid, Disclosure disclosure, Links links) {
    Map<String, Map<String, Long>> asked = byTeam(queries.helpDemand(grid.unit(), grid.from(), grid.to()));
    for (Map<String, Long> line : asked.values()) {
      for (String quarter : grid.quarters) {
        line.put(INFLOW + ":" + quarter, INTENSITIES.stream()
            .mapToLong(intensity -> line.getOrDefault(intensity + ":" + quarter, 0L)).sum());
      }
    }
    // A case is in one intensity but may be in several A's: per category its teams' years, tied to the unit's year,
    // and the unit's quarters, tied to that year.
    Map<String, Map<String, Disclosure.Count>> teamYears = columns(disclosure, grid.teams, HELP_DEMAND,
        (team, category) -> grid.quarters.stream().mapToLong(q -> value(asked, team, category + ":" + q)).sum());
    Map<String, Map<String, Disclosure.Count>> unitQuarters = new LinkedHashMap<>();
    for (String category : HELP_DEMAND) {
      Map<String, Disclosure.Count> quarters = new LinkedHashMap<>();
      for (String quarter : grid.quarters) {
        quarters.put(quarter, disclosure.count(grid.teams.stream()
            .mapToLong(team -> value(asked, team, category + ":" + quarter)).sum()));
      }
      if (!quarters.isEmpty()) {
        disclosure.sum(teamYears.get(category).get(null), quarters.values());
      }
      unitQuarters.put(category, quarters);
    }
    // The intensities part the inflow: tie them, so that the inflow minus three intensities tells nothing.
    for (String quarter : grid.quarters) {
      disclosure.sum(unitQuarters.get(INFLOW).get(quarter), INTENSITIES.stream()
          .map(intensity -> unitQuarters.get(intensity).get(quarter)).toList());
    }
    for (String team : withTotal(grid.teams)) {
      disclosure.sum(teamYears.get(INFLOW).get(team), INTENSITIES.stream()
          .map(intensity -> teamYears.get(intensity).get(team)).toList());
    }
    if (links.flowYears != null) {
      // The new cases are throughput's inflow, per team and per quarter of the unit.
      withTotal(grid.teams).forEach(team -> same(disclosure, links.flowYears.get(INFLOW).get(team),
          teamYears.get(INFLOW).get(team)));
      grid.quarters.forEach(quarter -> same(disclosure, links.flowPeriods.get(INFLOW).get(quarter),
          unitQuarters.get(INFLOW).get(quarter)));
    }
    return (released, view) -> {
      String team = view.query.team();
      List<String> shownColumns = new ArrayList<>(team == null ? view.quarters : List.of());
      shownColumns.add(YEAR);
      List<Row> rows = new ArrayList<>();
      for (String category : HELP_DEMAND) {
        List<Shown> cells = new ArrayList<>();
        if (team == null) {
          view.quarters.forEach(quarter -> cells.add(released.shown(unitQuarters.get(category).get(quarter))));
        }
        cells.add(released.shown(teamYears.get(category).get(team)));
        rows.add(Row.of(category, cells));
      }
      return new Figure(FigureKind.HELP_DEMAND, view.query, List.of(new FigureTable("help-demand", shownColumns,
          rows)));
    };
  }

  private BiFunction<Released, Grid, Figure> missingAspects(Grid grid, Disclosure disclosure, Links links) {
    Map<String, Map<String, Long>> missing = byTeam(queries.missingAspects(grid.unit(), today()));
    // A case may lack several things: each aspect's teams sum to its total, the aspects are no parts of one.
    Map<String, Map<String, Disclosure.Count>> table = columns(disclosure, grid.teams, ASPECTS,
        (team, aspect) -> value(missing, team, aspect));
    if (links.phases != null) {
      // The cases in guidance are the open cases but those watching for a relapse.
      String watching = Phase.RELAPSE_WATCH.name();
      grid.teams.forEach(team -> disclosure.sum(links.phases.rowTotal(team),
          List.of(table.get("IN_GUIDANCE").get(team), links.phases.cell(team, watching))));
      disclosure.sum(links.phases.total(), List.of(table.get("IN_GUIDANCE").get(null),
          links.phases.columnTotal(watching)));
    }
    return (released, view) -> new Figure(FigureKind.MISSING_ASPECTS, view.query, List.of(
        view.teamRows("missing-aspects", released, ASPECTS, (team, aspect) -> table.get(aspect).get(team))));
  }

  /**
   * The standard absence figures (insight.md) of the sick periods BlueVitaal guides, on the year's months so far (the
   * current month up to today). Absence percentage: sick calendar days, each weighed by the share of incapacity that
   * day and by the part-time factor, over the population's available calendar days (full-time equivalents times days).
   * BlueVitaal does not know the sick employee's own hours, so it weighs by the team's average factor (FTE over
   * headcount) that month. Reporting frequency: sick periods begun, over the average headcount, per year. Duration: of
   * the sick periods whose last sick day lies in the year, from their first day to full work (or to the day a case that
   * never recovered closed), whatever part of it fell in earlier years.
   *
   * <p>The group behind a percentage is the people sick in that cell: it shows only where the gate shows that count.
   * The days are additive where those people are not (a person sick in January and February is one person in the
   * quarter, but the quarter's days are the sum of the months'), so the people counts carry the days' sums too: the
   * gate then hides a second cell wherever a hidden cell's days could be worked out from the others. The same for the
   * mean duration, shown only where the count of ended periods is.
   */
  private BiFunction<Released, Grid, Figure> absence(Grid grid, Disclosure disclosure, Links links) {
    LocalDate today = today();
    LocalDate from = grid.from();
    LocalDate to = grid.to().isAfter(today) ? today : grid.to();
    int monthCount = grid.months.size();
    Map<String, double[]> days = new HashMap<>();
    Map<String, long[]> reports = new HashMap<>();
    Map<String, long[]> ended = new HashMap<>();
    Map<String, long[]> endedDays = new HashMap<>();
    Map<String, Map<String, Set<UUID>>> sick = new HashMap<>();
    if (monthCount > 0) {
      for (SickSpell spell : absence.spells(grid.unit(), from, to)) {
        String team = spell.team();
        double[] teamDays = days.computeIfAbsent(team, t -> new double[13]);
        Map<String, Set<UUID>> teamSick = sick.computeIfAbsent(team, t -> new HashMap<>());
        LocalDate first = spell.from().isBefore(from) ? from : spell.from();
        LocalDate end = spell.until() == null || spell.until().isAfter(to) ? to.plusDays(1) : spell.until();
        int lastMonth = 0;
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
          int monthValue = day.getMonthValue();
          teamDays[monthValue] += spell.incapacityOn(day);
          if (monthValue != lastMonth) {
            // Once per month of the spell, not per sick day: the sets of people sick in the month, quarter and year.
            lastMonth = monthValue;
            teamSick.computeIfAbsent("M" + monthValue, m -> new HashSet<>()).add(spell.caseId());
            teamSick.computeIfAbsent("Q" + ((monthValue + 2) / 3), q -> new HashSet<>()).add(spell.caseId());
            teamSick.computeIfAbsent(YEAR, y -> new HashSet<>()).add(spell.caseId());
          }
        }
        if (!spell.from().isBefore(from)) {
          reports.computeIfAbsent(team, t -> new long[13])[spell.from().getMonthValue()]++;
        }
        if (spell.until() != null && !spell.until().minusDays(1).isBefore(from)
            && !spell.until().minusDays(1).isAfter(to)) {
          long length = ChronoUnit.DAYS.between(spell.from(), spell.until());
          int durationClass = 0;
          while (durationClass < DURATION_CLASS_UPPER.length && length > DURATION_CLASS_UPPER[durationClass]) {
            durationClass++;
          }
          ended.computeIfAbsent(team, t -> new long[DURATION_CLASSES.size()])[durationClass]++;
          endedDays.computeIfAbsent(team, t -> new long[1])[0] += length;
        }
      }
    }
    Map<String, Map<YearMonth, TeamMonth>> population = new HashMap<>();
    absence.population(grid.unit(), from, to)
        .forEach(p -> population.computeIfAbsent(p.team(), t -> new HashMap<>()).put(p.month(), p));

    // The unit by month, quarter and year; each team by year only. A team's quarter is rarely a group of ten sick
    // people, and a grid of team quarters tied to their year left the gate so many sums that protecting one small cell
    // hid the unit's own year.
    List<String> periods = new ArrayList<>(grid.months);
    periods.addAll(grid.quarters);
    periods.add(YEAR);
    Map<String, List<String>> quarterMonths = grid.quarterMonths();
    // People sick: distinct people, so the unit's quarter is no sum of its months; their days are, so tie them alike.
    Map<String, Disclosure.Count> sickInUnit = new LinkedHashMap<>();
    for (String period : periods) {
      Set<UUID> people = new HashSet<>();
      grid.teams.forEach(team -> people.addAll(sick.getOrDefault(team, Map.of()).getOrDefault(period, Set.of())));
      sickInUnit.put(period, disclosure.count(people.size()));
    }
    Map<String, Disclosure.Count> sickInTeam = new LinkedHashMap<>();
    grid.teams.forEach(team -> sickInTeam.put(team, disclosure.count(
        sick.getOrDefault(team, Map.of()).getOrDefault(YEAR, Set.of()).size())));
    Map<String, Disclosure.Count> reportsInUnit = new LinkedHashMap<>();
    for (String month : grid.months) {
      reportsInUnit.put(month, disclosure.count(grid.teams.stream()
          .mapToLong(team -> reports.getOrDefault(team, new long[13])[Integer.parseInt(month.substring(1))]).sum()));
    }
    for (String quarter : grid.quarters) {
      reportsInUnit.put(quarter, disclosure.count(quarterMonths.get(quarter).stream()
          .mapToLong(month -> disclosure.valueOf(reportsInUnit.get(month))).sum()));
    }
    reportsInUnit.put(YEAR, disclosure.count(grid.months.stream()
        .mapToLong(month -> disclosure.valueOf(reportsInUnit.get(month))).sum()));
    Map<String, Disclosure.Count> reportsInTeam = new LinkedHashMap<>();
    grid.teams.forEach(team -> reportsInTeam.put(team, disclosure.count(
        java.util.Arrays.stream(reports.getOrDefault(team, new long[13])).sum())));
    for (Map<String, Disclosure.Count> unit : List.of(sickInUnit, reportsInUnit)) {
      for (String quarter : grid.quarters) {
        disclosure.sum(unit.get(quarter), quarterMonths.get(quarter).stream().map(unit::get).toList());
      }
      if (!grid.quarters.isEmpty()) {
        disclosure.sum(unit.get(YEAR), grid.quarters.stream().map(unit::get).toList());
      }
    }
    disclosure.sum(sickInUnit.get(YEAR), grid.teams.stream().map(sickInTeam::get).toList());
    disclosure.sum(reportsInUnit.get(YEAR), grid.teams.stream().map(reportsInTeam::get).toList());
    CountTable<String, String> endedTable = CountTable.of(disclosure, grid.teams, DURATION_CLASSES,
        (team, durationClass) -> ended.getOrDefault(team, new long[DURATION_CLASSES.size()])[
            DURATION_CLASSES.indexOf(durationClass)]);
    return (released, view) -> {
      Absence sums = new Absence(view, today, days, population);
      List<FigureTable> tables = new ArrayList<>();
      List<Row> unitRows = new ArrayList<>();
      if (view.query.team() == null) {
        unitRows.add(Row.of("ABSENCE_PERCENTAGE", periods.stream()
            .map(period -> percentage(sums.percentage(null, period), released.shown(sickInUnit.get(period))))
            .toList()));
        unitRows.add(Row.of("REPORTS", periods.stream().map(period -> released.shown(reportsInUnit.get(period)))
            .toList()));
        unitRows.add(Row.of("REPORTING_FREQUENCY", periods.stream().map(period -> {
          Shown count = released.shown(reportsInUnit.get(period));
          return count.visible() ? sums.frequency(null, period, count.count()) : count;
        }).toList()));
      }
      // The unit's months and quarters; a team's figure has none (see above), like the open cases of the throughput.
      tables.add(new FigureTable("absence-unit", periods, unitRows));
      tables.add(view.teamCells("absence-teams", ABSENCE_TEAMS, (team, column) -> {
        Shown people = released.shown(team == null ? sickInUnit.get(YEAR) : sickInTeam.get(team));
        Shown count = released.shown(team == null ? reportsInUnit.get(YEAR) : reportsInTeam.get(team));
        return switch (column) {
          case "ABSENCE_PERCENTAGE" -> percentage(sums.percentage(team, YEAR), people);
          case "REPORTS" -> count;
          default -> count.visible() ? sums.frequency(team, YEAR, count.count()) : count;
        };
      }));
      tables.add(view.teamCells("duration", DURATION, (team, column) -> {
        Disclosure.Count n = rowTotalOrTotal(endedTable, team);
        return switch (column) {
          case "N" -> released.shown(n);
          case "MEAN_DAYS" -> {
            Shown count = released.shown(n);
            if (!count.visible() || count.count() == 0) {
              yield count.visible() ? gate.statistic(0, 0) : count;
            }
            long total = (team == null ? view.teams : List.of(team)).stream()
                .mapToLong(t -> endedDays.getOrDefault(t, new long[1])[0]).sum();
            yield Shown.of(Math.round(10.0 * total / count.count()) / 10.0);
          }
          default -> released.shown(cellOrTotal(endedTable, team, column));
        };
      }));
      tables.add(view.teamCells("population", POPULATION, sums::population));
      return new Figure(FigureKind.ABSENCE, view.query, tables);
    };
  }

  /** A percentage as known from the population, unless the gate hides the people sick behind it. */
  private static Shown percentage(Shown known, Shown people) {
    return known.visible() && !people.visible() ? people : known;
  }

  /**
   * The ratios of the absence figure: sums of the sick days and of the population over a team (or every team: null)
   * and a period. A population not known for every month of the period makes its ratio unknown, never a guess.
   */
  private record Absence(Grid grid, LocalDate today, Map<String, double[]> days,
      Map<String, Map<YearMonth, TeamMonth>> population) {

    Shown percentage(String team, String period) {
      double weighed = 0;
      double available = 0;
      for (String t : teamsOf(team)) {
        for (int month : months(period)) {
          double sickDays = days.getOrDefault(t, new double[13])[month];
          TeamMonth known = population.getOrDefault(t, Map.of()).get(YearMonth.of(grid.query.year(), month));
          if (known == null || known.headcount() == 0) {
            if (known == null || sickDays > 0) {
              return Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION);
            }
            continue;
          }
          double fte = known.fte().doubleValue();
          weighed += sickDays * fte / known.headcount();
          available += fte * daysCounted(month);
        }
      }
      if (available == 0) {
        return Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION);
      }
      return Shown.of(Math.round(1000.0 * weighed / available) / 10.0);
    }

    /** Sick periods begun per employee per year: the period's reports over its average headcount, made yearly. */
    Shown frequency(String team, String period, long reports) {
      List<Integer> months = months(period);
      double headcount = 0;
      for (int month : months) {
        for (String t : teamsOf(team)) {
          TeamMonth known = population.getOrDefault(t, Map.of()).get(YearMonth.of(grid.query.year(), month));
          if (known == null) {
            return Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION);
          }
          headcount += known.headcount();
        }
      }
      if (months.isEmpty() || headcount == 0) {
        return Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION);
      }
      double average = headcount / months.size();
      return Shown.of(Math.round(100.0 * reports / average * 12 / months.size()) / 100.0);
    }

    /** The average headcount and FTE over the year's months so far that have a population. */
    Shown population(String team, String column) {
      double sum = 0;
      int months = 0;
      for (int month : months(YEAR)) {
        double monthSum = 0;
        for (String t : teamsOf(team)) {
          TeamMonth known = population.getOrDefault(t, Map.of()).get(YearMonth.of(grid.query.year(), month));
          if (known == null) {
            monthSum = -1;
            break;
          }
          monthSum += column.equals("HEADCOUNT") ? known.headcount() : known.fte().doubleValue();
        }
        if (monthSum >= 0) {
          sum += monthSum;
          months++;
        }
      }
      return months == 0 ? Shown.hidden(Shown.Hidden.UNKNOWN_POPULATION)
          : Shown.of(Math.round(10.0 * sum / months) / 10.0);
    }

    private List<String> teamsOf(String team) {
      return team == null ? grid.teams : List.of(team);
    }

    private List<Integer> months(String period) {
      if (period.equals(YEAR)) {
        return grid.months.stream().map(m -> Integer.parseInt(m.substring(1))).toList();
      }
      if (period.startsWith("Q")) {
        return grid.quarterMonths().get(period).stream().map(m -> Integer.parseInt(m.substring(1))).toList();
      }
      return List.of(Integer.parseInt(period.substring(1)));
    }

    /** The calendar days of a month that count: all of them, or up to today in the current month. */
    private int daysCounted(int month) {
      YearMonth yearMonth = YearMonth.of(grid.query.year(), month);
      return yearMonth.equals(YearMonth.from(today)) ? today.getDayOfMonth() : yearMonth.lengthOfMonth();
    }
  }

  private Shown statistic(Spread spread, Function<Spread, Double> value) {
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

    private Grid(FigureQuery query, List<String> teams, List<String> months, List<String> quarters) {
      this.query = query;
      this.teams = teams;
      this.months = months;
      this.quarters = quarters;
    }

    /** The same grid read for another query of it: the unit, or one of its teams (its rows only). */
    Grid as(FigureQuery view) {
      return new Grid(view, teams, months, quarters);
    }

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
      return teamCells(key, columns, (team, column) -> released.shown(count.apply(team, column)));
    }

    /** A row per team and the unit's total (team null) of what {@code shown} says; for a team's figure its row. */
    FigureTable teamCells(String key, List<String> columns, BiFunction<String, String, Shown> shown) {
      List<Row> rows = new ArrayList<>();
      List<String> shownTeams = query.team() == null ? teams : List.of(query.team());
      for (String team : shownTeams) {
        rows.add(Row.ofTeam(team, columns.stream().map(column -> shown.apply(team, column)).toList()));
      }
      if (query.team() == null) {
        rows.add(Row.of(TOTAL, columns.stream().map(column -> shown.apply(null, column)).toList()));
      }
      return new FigureTable(key, columns, rows);
    }
  }
}
