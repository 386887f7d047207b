package nl.bluevitaal.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.demo.NationalCaseload;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.Population;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.poortwachter.DeadlineWeeks;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.privacy.Actor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Insight's read model at a preset's size, written directly (issue 16): the national caseload lived through the
 * engine takes hours, the insight pages read only the read model. The rows are those {@code ReadModelWriter} writes
 * for the events of a case's life: its phase stays, its legal deadlines (most met on time, some late, some missed and
 * still open) with the escalation ladder's rungs, about fifteen steps of the deployed journey's elements (and the
 * deadline watch's), its sick periods and work capacity, the intake's routing, the 4 A's and what the method expects.
 * Cases opened over the last five years; the closed ones ended there, the active ones are open today. Accounts (the
 * counsellors, the readers) and each team's population per month go through the application's own services; the
 * case file gets only what the pages read of it: the employees of one line manager's team (the team insight page
 * finds the team there) and the open cases of the measured counsellor (their work list names the employees).
 */
final class InsightScale {

  static final int UNITS = 10;
  static final int CASES_PER_TEAM = 40;
  static final int ACTIVE_PER_COUNSELLOR = 35;
  private static final int YEARS = 5;
  private static final int BATCH = 1_000;
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final String JOURNEY = ReintegrationJourneyProcess.PROCESS_KEY;
  private static final String WATCH = ReintegrationJourneyProcess.WATCH_PROCESS_KEY;
  /** Day of each phase's start, from the first sick day, on a case that runs its full course (poortwachter weeks). */
  private static final DeadlineWeeks WEEKS = DeadlineWeeks.DEFAULTS;

  record Result(int active, int closed, int teams, int counsellors, String unit, String team, String lineManager,
      String counsellor, Map<String, Long> rows, Duration took) {
  }

  private final Random random;
  private final LocalDate today;
  private final int teams;
  private final int counsellors;
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private long taskNumber;

  private InsightScale(long seed, LocalDate today, int teams, int counsellors) {
    this.random = new Random(seed);
    this.today = today;
    this.teams = teams;
    this.counsellors = counsellors;
  }

  static String team(int number) {
    return "Team %03d".formatted(number);
  }

  static String unit(int team) {
    return "Eenheid " + (1 + team % UNITS);
  }

  /**
   * Writes the read model of {@code active} open and {@code closed} ended cases into {@code database}, whose schema the
   * booted {@code app} made, and the accounts and population through {@code app}'s services.
   */
  static Result generate(ConfigurableApplicationContext app, Postgres postgres, String database, int active,
      int closed, long seed) throws SQLException {
    long started = System.nanoTime();
    LocalDate today = LocalDate.now(app.getBean(Clock.class));
    int teams = Math.max(UNITS, (active + closed) / CASES_PER_TEAM);
    int counsellors = Math.max(1, (active + ACTIVE_PER_COUNSELLOR - 1) / ACTIVE_PER_COUNSELLOR);
    InsightScale scale = new InsightScale(seed, today, teams, counsellors);
    // The measured line manager leads team 1; the measured counsellor is the first.
    int measuredTeam = 1;
    String lineManager = "lm-%03d".formatted(measuredTeam);
    String counsellor = NationalCaseload.counsellor(1);

    Accounts accounts = app.getBean(Accounts.class);
    NationalCaseload.ensureProcessOwner(accounts);
    NationalCaseload.ensureInsightReaders(accounts);
    for (int i = 1; i <= counsellors; i++) {
      accounts.ensureUser(NationalCaseload.counsellor(i), "Begeleider", "%03d".formatted(i),
          NationalCaseload.counsellor(i) + "@bench.invalid", NationalCaseload.PASSWORD, List.of(Groups.COUNSELLOR));
    }
    accounts.ensureUser(lineManager, "Leidinggevende", "%03d".formatted(measuredTeam), lineManager + "@bench.invalid",
        NationalCaseload.PASSWORD, List.of(Groups.LINE_MANAGER));

    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database) + "?reWriteBatchedInserts=true",
        postgres.user(), "")) {
      c.setAutoCommit(false);
      scale.write(c, active, closed, measuredTeam, lineManager, counsellor);
      // Each unit its own version, as the writer gives a unit at its first case.
      try (var units = c.createStatement()) {
        units.executeUpdate(
            "insert into insight_unit_version (unit, version) select distinct unit, 0 from insight_case");
      }
      c.commit();
    }
    scale.population(app.getBean(Population.class));
    postgres.vacuumAnalyze(database);
    for (String table : List.of("insight_case", "insight_phase_stay", "insight_deadline", "insight_step",
        "insight_escalation", "insight_relapse", "insight_sick_period", "insight_work_capacity", "insight_population",
        "insight_population_unit", "employee", "reintegration_case")) {
      scale.rows.put(table, postgres.number(database, "select count(*) from " + table));
    }
    return new Result(active, closed, teams, counsellors, unit(measuredTeam), team(measuredTeam), lineManager,
        counsellor, scale.rows, Duration.ofNanos(System.nanoTime() - started));
  }

  // ---------------------------------------------------------------------------------------------- a case's life

  /** One case as the read model's writer leaves it, days counted from the first sick day. */
  private final class Life {
    final UUID id;
    final int team;
    final String counsellor;
    final LocalDate firstSickDay;
    /** The last day the case's life reached: today for an open case, the day it closed for an ended one. */
    final int horizon;
    final List<Object[]> stays = new ArrayList<>();
    final List<Object[]> deadlines = new ArrayList<>();
    final List<Object[]> steps = new ArrayList<>();
    final List<Object[]> escalations = new ArrayList<>();
    final List<Object[]> relapses = new ArrayList<>();
    final List<Object[]> sickPeriods = new ArrayList<>();
    final List<Object[]> capacities = new ArrayList<>();
    Phase phase = Phase.INTAKE;
    int openedOn;
    int phaseSince;
    Integer closedOn;
    String outcome;
    Integer firstReturn;
    Integer fullReturn;
    String intensity;
    boolean buddyRecommended;
    boolean buddyInvolved;
    boolean homeFront;
    boolean goal;
    boolean relapsePlan;
    Integer lastEvaluation;
    boolean[] areas = new boolean[4];

    Life(UUID id, int team, String counsellor, LocalDate firstSickDay, int horizon) {
      this.id = id;
      this.team = team;
      this.counsellor = counsellor;
      this.firstSickDay = firstSickDay;
      this.horizon = horizon;
    }

    LocalDate day(int offset) {
      return firstSickDay.plusDays(offset);
    }

    boolean reached(int offset) {
      return offset <= horizon;
    }

    void enter(Phase next, int on) {
      if (!stays.isEmpty()) {
        stays.get(stays.size() - 1)[3] = on;
      }
      stays.add(new Object[] {id, next.name(), on, null});
      phase = next;
      phaseSince = on;
    }

    /** A step opened and ended (or still open at the horizon); {@code done}: completed rather than cut off. */
    void step(String process, String element, int opened, int took, Integer due, boolean done, int cutOffAt) {
      if (!reached(opened) || opened >= cutOffAt) {
        return;
      }
      int end = opened + took;
      Integer ended = null;
      Boolean completed = null;
      if (end <= cutOffAt && reached(end)) {
        ended = end;
        completed = done;
      } else if (cutOffAt < end && reached(cutOffAt)) {
        // The flow moved on (a recovery, the end of the case) before the step was done.
        ended = cutOffAt;
        completed = false;
      }
      steps.add(new Object[] {"bench-" + (++taskNumber), id, process, element, opened, due, ended, completed});
      if (Boolean.TRUE.equals(completed) && Element.TASK_EVALUATION.equals(element)) {
        evaluated(ended);
      }
    }

    void evaluated(int on) {
      if (lastEvaluation == null || lastEvaluation < on) {
        lastEvaluation = on;
      }
    }
  }

  /**
   * Lives a case from its first sick day to {@code horizon}; {@code recovery}: the day of full work (null: still sick
   * at the horizon, or never, ending with the WIA).
   */
  private Life live(UUID id, int team, String counsellor, LocalDate firstSickDay, int horizon, Integer recovery,
      boolean endsWithWia) {
    Life life = new Life(id, team, counsellor, firstSickDay, horizon);
    int stop = recovery != null ? recovery : endsWithWia ? 7 * WEEKS.weeksFor(Milestone.END_OF_WAGE_PAYMENT)
        : Integer.MAX_VALUE;
    // Opened the day the sickness was reported, now and then a day or two after.
    life.openedOn = horizon >= 2 && random.nextInt(8) == 0 ? 1 + random.nextInt(2) : 0;
    life.enter(Phase.INTAKE, life.openedOn);
    life.sickPeriods.add(new Object[] {id, 0, null});
    // The intake's routing (decision IntakeRouting) on its second or third day.
    int routedOn = 1 + random.nextInt(3);
    if (life.reached(routedOn)) {
      int roll = random.nextInt(10);
      life.intensity = roll < 3 ? ReintegrationJourneyProcess.Intensity.LIGHT
          : roll < 8 ? ReintegrationJourneyProcess.Intensity.STANDARD : ReintegrationJourneyProcess.Intensity.INTENSIVE;
      life.buddyRecommended = random.nextInt(100) < (roll < 8 ? 30 : 60);
      life.buddyInvolved = life.buddyRecommended && random.nextInt(10) < 7 && life.reached(routedOn + 10);
      life.homeFront = random.nextInt(10) < 3;
    }
    life.step(JOURNEY, Element.TASK_INTAKE, 0, 1 + random.nextInt(3), 3, true, stop);
    life.step(JOURNEY, Element.TASK_ROUTE_INTAKE, routedOn, 1, null, true, stop);
    life.step(JOURNEY, Element.TASK_REPORT_TO_COMPANY_DOCTOR, 0, 1 + random.nextInt(5), 7, true, stop);
    if (random.nextInt(10) == 0) {
      life.step(JOURNEY, Element.TASK_URGENT_DOCTOR_CONTACT, routedOn, 1 + random.nextInt(3), routedOn + 2, true,
          stop);
    }
    if (life.buddyRecommended) {
      life.step(JOURNEY, Element.TASK_OFFER_BUDDY, routedOn, 2 + random.nextInt(10), routedOn + 14, true, stop);
    }

    // The phases, each a little later or sooner than the law's last day; a case stops where it recovers.
    int analysis = 7 + random.nextInt(14);
    int plan = dueDay(Milestone.PROBLEM_ANALYSIS) - random.nextInt(10) + lateness(8);
    int spoor1 = dueDay(Milestone.PLAN_OF_ACTION) - random.nextInt(10) + lateness(10);
    int firstYear = dueDay(Milestone.FIRST_YEAR_EVALUATION) - 42 + random.nextInt(14);
    int spoor2 = dueDay(Milestone.FIRST_YEAR_EVALUATION) + random.nextInt(21);
    boolean track2 = random.nextInt(10) < 6;
    int finalEvaluation = dueDay(Milestone.FINAL_EVALUATION) - 28 + random.nextInt(14);
    int wia = dueDay(Milestone.FINAL_EVALUATION) + random.nextInt(10);
    int[] starts = {analysis, plan, spoor1, firstYear, spoor2, finalEvaluation, wia};
    Phase[] phases = {Phase.PROBLEM_ANALYSIS, Phase.PLAN_OF_ACTION, Phase.SPOOR_1, Phase.FIRST_YEAR_EVALUATION,
        track2 ? Phase.SPOOR_2 : Phase.SPOOR_1, Phase.FINAL_EVALUATION, Phase.WIA_APPLICATION};
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] >= stop || !life.reached(starts[i])) {
        break;
      }
      if (phases[i] != life.phase) {
        life.enter(phases[i], starts[i]);
      }
    }
    int pa = dueDay(Milestone.PROBLEM_ANALYSIS);
    life.step(JOURNEY, Element.TASK_PROBLEM_ANALYSIS, analysis, Math.max(1, plan - analysis - 4), pa, true, stop);
    life.step(JOURNEY, Element.TASK_REVIEW_PROBLEM_ANALYSIS, plan - 4, 2, pa, true, stop);
    life.step(JOURNEY, Element.TASK_RELEASE_PROBLEM_ANALYSIS, plan - 2, 2, pa, true, stop);
    int poa = dueDay(Milestone.PLAN_OF_ACTION);
    life.step(JOURNEY, Element.TASK_DRAFT_PLAN_OF_ACTION, plan, Math.max(1, spoor1 - plan - 6), poa, true, stop);
    life.step(JOURNEY, Element.TASK_AGREE_PLAN_EMPLOYEE, spoor1 - 6, 1 + random.nextInt(3), poa, true, stop);
    life.step(JOURNEY, Element.TASK_AGREE_PLAN_LINE_MANAGER, spoor1 - 6, 1 + random.nextInt(5), poa, true, stop);
    life.step(JOURNEY, Element.TASK_RECORD_PLAN_OF_ACTION, spoor1 - 1, 1, poa, true, stop);
    if (life.reached(spoor1) && spoor1 < stop) {
      life.goal = random.nextInt(100) < 85;
      life.areas = new boolean[] {random.nextInt(10) < 6, random.nextInt(10) < 4, random.nextInt(10) < 3,
          random.nextInt(10) < 2};
      // Evaluations every six weeks after the plan; now and then one is late.
      for (int on = spoor1 + 42 - random.nextInt(7); on < stop && life.reached(on); on += 35 + random.nextInt(14)) {
        life.step(JOURNEY, Element.TASK_EVALUATION, on, 1 + random.nextInt(random.nextInt(8) == 0 ? 30 : 7), on + 14,
            true, stop);
      }
      int uwv = dueDay(Milestone.UWV_NOTIFICATION);
      life.step(JOURNEY, Element.TASK_UWV_NOTIFICATION, uwv - 14, 3 + random.nextInt(10) + lateness(10), uwv, true,
          stop);
      life.step(JOURNEY, Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, firstYear, 5 + random.nextInt(10), firstYear + 21,
          true, stop);
      int fye = dueDay(Milestone.FIRST_YEAR_EVALUATION);
      life.step(JOURNEY, Element.TASK_FIRST_YEAR_EVALUATION, firstYear + 14, 7 + random.nextInt(14) + lateness(10),
          fye, true, stop);
      life.step(JOURNEY, Element.TASK_DECIDE_NEXT_TRACK, spoor2 - 3, 1 + random.nextInt(5), fye + 7, true, stop);
      if (track2) {
        life.step(JOURNEY, Element.TASK_START_SPOOR_2, spoor2, 7 + random.nextInt(30), spoor2 + 42, true, stop);
      }
      int fe = dueDay(Milestone.FINAL_EVALUATION);
      life.step(JOURNEY, Element.TASK_CURRENT_OPINION, finalEvaluation, 5 + random.nextInt(10), fe - 7, true, stop);
      life.step(JOURNEY, Element.TASK_FINAL_EVALUATION, finalEvaluation + 10, 5 + random.nextInt(14) + lateness(10),
          fe, true, stop);
      life.step(JOURNEY, Element.TASK_COMPILE_REINTEGRATION_REPORT, finalEvaluation + 10, 7 + random.nextInt(10), fe,
          true, stop);
      life.step(JOURNEY, Element.TASK_WRITE_EMPLOYEE_VIEW, finalEvaluation + 14, 3 + random.nextInt(10), fe, true,
          stop);
      life.step(JOURNEY, Element.TASK_GIVE_MEDICAL_INFORMATION, finalEvaluation + 14, 3 + random.nextInt(10), fe, true,
          stop);
      int wiaDue = dueDay(Milestone.WIA_APPLICATION);
      life.step(JOURNEY, Element.TASK_WIA_APPLICATION, wia, 3 + random.nextInt(7) + lateness(10), wiaDue, true, stop);
    }

    // A (partial) return to work before the full one; some cases never return.
    int sickDays = Math.min(stop, horizon);
    if (sickDays > 21 && random.nextInt(10) < (recovery != null ? 8 : 4)) {
      int from = sickDays / 3 + random.nextInt(Math.max(1, sickDays / 3));
      int pct = 20 + 10 * random.nextInt(4);
      life.capacities.add(new Object[] {id, from, pct});
      life.firstReturn = from;
      life.step(JOURNEY, Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY, from, 2 + random.nextInt(7), from + 14, true,
          stop);
      int more = from + 14 + random.nextInt(Math.max(1, sickDays - from));
      if (more < sickDays && random.nextBoolean()) {
        life.capacities.add(new Object[] {id, more, Math.min(90, pct + 30)});
      }
      life.relapsePlan = random.nextInt(10) < 7;
    }
    // A relapse reported while still sick: an updated analysis.
    if (sickDays > 60 && random.nextInt(100) < 6) {
      int on = 30 + random.nextInt(sickDays - 30);
      life.relapses.add(new Object[] {id, on});
      life.step(JOURNEY, Element.TASK_UPDATE_ANALYSIS_WHILE_SICK, on, 3 + random.nextInt(10), on + 14, true, stop);
    }
    deadlines(life, stop);

    if (recovery != null && life.reached(recovery)) {
      life.fullReturn = recovery;
      if (life.firstReturn == null) {
        life.firstReturn = recovery;
      }
      life.sickPeriods.get(0)[2] = recovery;
      life.enter(Phase.RELAPSE_WATCH, recovery);
      life.step(JOURNEY, Element.TASK_START_RELAPSE_WATCH, recovery, 1, null, true, Integer.MAX_VALUE);
      if (recovery > dueDay(Milestone.UWV_NOTIFICATION)) {
        life.step(JOURNEY, Element.TASK_REPORT_RECOVERY_TO_UWV, recovery, 1 + random.nextInt(5), recovery + 7, true,
            Integer.MAX_VALUE);
      }
      int closes = recovery + 28;
      if (life.reached(closes)) {
        life.step(JOURNEY, Element.TASK_CLOSE_AFTER_RECOVERY, closes - 1, 1, null, true, Integer.MAX_VALUE);
        life.enter(Phase.CLOSED, closes);
        life.closedOn = closes;
        int roll = random.nextInt(100);
        life.outcome = (roll < 80 ? JourneyEvents.Outcome.OWN_WORK : roll < 95 ? JourneyEvents.Outcome.OTHER_WORK
            : JourneyEvents.Outcome.OTHER).name();
      }
    } else if (endsWithWia && life.reached(stop)) {
      life.step(JOURNEY, Element.TASK_END_WAGE_PAYMENT, stop - 7, 5, stop, true, Integer.MAX_VALUE);
      life.enter(Phase.CLOSED, stop);
      life.closedOn = stop;
      life.outcome = (random.nextInt(4) == 0 ? JourneyEvents.Outcome.SPOOR_2 : JourneyEvents.Outcome.WIA).name();
    }
    return life;
  }

  /** Extra days a step or phase runs late: most are on time, one in {@code oneIn} runs up to four weeks over. */
  private int lateness(int oneIn) {
    return random.nextInt(oneIn) == 0 ? 1 + random.nextInt(28) : 0;
  }

  private static int dueDay(Milestone milestone) {
    return 7 * WEEKS.weeksFor(milestone);
  }

  /**
   * The legal deadlines as the case file dates them: every one while the case is sick (the later ones not yet due),
   * those it reached once it recovered. Most met on time; some met late after the ladder's first rungs; some missed
   * and still open. Warnings (rung 0) a week ahead for a good part of them.
   */
  private void deadlines(Life life, int stop) {
    for (Milestone milestone : Milestone.values()) {
      int due = dueDay(milestone);
      // A case that recovered (or ended) before a deadline no longer has it; an open one has them all.
      if (due >= stop) {
        continue;
      }
      Integer met = null;
      boolean missed = false;
      int rung = 0;
      String watch = milestone == Milestone.END_OF_WAGE_PAYMENT ? null : milestone.name();
      if (watch != null && random.nextInt(3) == 0 && life.reached(due - 7)) {
        life.escalations.add(new Object[] {life.id, watch, 0, due - 7});
      }
      int roll = random.nextInt(100);
      if (milestone == Milestone.END_OF_WAGE_PAYMENT) {
        met = life.reached(due) ? due : null;
      } else if (roll < 82) {
        int on = due - random.nextInt(Math.min(due, 14));
        met = life.reached(on) ? on : null;
      } else if (roll < 94) {
        int on = due + 1 + random.nextInt(30);
        if (life.reached(due + 1)) {
          missed = true;
          rung = escalate(life, watch, due, Math.min(Math.min(on, stop), life.horizon));
          met = life.reached(on) && on < stop ? on : null;
        }
      } else if (life.reached(due + 1)) {
        missed = true;
        rung = escalate(life, watch, due, Math.min(stop, life.horizon));
        life.step(WATCH, Element.TASK_MARK_DEADLINE_OVERDUE, due + 1, 1, null, true, Integer.MAX_VALUE);
        life.step(WATCH, Element.TASK_HANDLE_OVERDUE_DEADLINE, due + 1, 3 + random.nextInt(40), due + 8, true, stop);
      }
      if (milestone == Milestone.PLAN_OF_ACTION && met != null) {
        life.evaluated(met);
      }
      life.deadlines.add(new Object[] {life.id, milestone.name(), due, met, missed, rung});
    }
  }

  /** The ladder's rungs 1 to 3 after a miss, as far as the days until {@code until} reach; the highest reached. */
  private int escalate(Life life, String watch, int due, int until) {
    int highest = 0;
    int[] after = {1, 8, 22};
    for (int r = 0; r < after.length; r++) {
      if (due + after[r] <= until) {
        life.escalations.add(new Object[] {life.id, watch, r + 1, due + after[r]});
        highest = r + 1;
      }
    }
    return highest;
  }

  // ---------------------------------------------------------------------------------------------- writing

  private void write(Connection c, int active, int closed, int measuredTeam, String lineManager,
      String measuredCounsellor) throws SQLException {
    Batches b = new Batches(c);
    List<UUID> measuredCases = new ArrayList<>();
    List<Object[]> teamEmployees = new ArrayList<>();
    int horizonDays = YEARS * 365;
    for (int n = 1; n <= active + closed; n++) {
      UUID id = UUID.nameUUIDFromBytes(("insight-bench-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      int team = 1 + random.nextInt(teams);
      String counsellor = NationalCaseload.counsellor(1 + n % counsellors);
      Life life;
      if (n <= active) {
        // Open today: most sick for weeks to months, some past the first year, some recovered and watching.
        int roll = random.nextInt(100);
        int days = roll < 30 ? 1 + random.nextInt(42) : roll < 65 ? 42 + random.nextInt(140)
            : roll < 88 ? 182 + random.nextInt(182) : 364 + random.nextInt(360);
        Integer recovery = random.nextInt(100) < 8 && days > 30 ? days - 1 - random.nextInt(27) : null;
        life = live(id, team, counsellor, today.minusDays(days), days, recovery, false);
        if (counsellor.equals(measuredCounsellor)) {
          measuredCases.add(id);
        }
      } else {
        int roll = random.nextInt(100);
        boolean wia = roll >= 95;
        int length = wia ? dueDay(Milestone.END_OF_WAGE_PAYMENT) : roll < 35 ? 10 + random.nextInt(32)
            : roll < 70 ? 42 + random.nextInt(140) : roll < 88 ? 182 + random.nextInt(182) : 364 + random.nextInt(336);
        int closes = wia ? length : length + 28;
        int endedDaysAgo = 1 + random.nextInt(Math.max(1, horizonDays - closes));
        LocalDate first = today.minusDays(endedDaysAgo + closes);
        life = live(id, team, counsellor, first, closes, wia ? null : length, wia);
      }
      if (team == measuredTeam || measuredCases.contains(id)) {
        teamEmployees.add(new Object[] {life, n});
      }
      b.add(life);
    }
    b.flush();
    caseFile(c, teamEmployees, measuredTeam, lineManager, measuredCases);
  }

  /** The case file's rows the pages read: the measured team's employees, the measured counsellor's open cases. */
  private void caseFile(Connection c, List<Object[]> people, int measuredTeam, String lineManager,
      List<UUID> measuredCases) throws SQLException {
    Timestamp now = Timestamp.from(java.time.Instant.now());
    try (PreparedStatement employee = c.prepareStatement("""
            insert into employee (id, personnel_number, display_name, user_id, unit, team, line_manager_user_id,
                created_at, employment_ended_on) values (?, ?, ?, null, ?, ?, ?, ?, null)""");
        PreparedStatement caseRow = c.prepareStatement("""
            insert into reintegration_case (id, case_number, employee_id, status, phase, counsellor_user_id,
                opened_at, updated_at) values (?, ?, ?, 'OPEN', ?, ?, ?, ?)""")) {
      for (Object[] person : people) {
        Life life = (Life) person[0];
        int n = (Integer) person[1];
        UUID employeeId = UUID.nameUUIDFromBytes(("insight-bench-employee-" + n)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        employee.setObject(1, employeeId);
        employee.setString(2, "IB-%06d".formatted(n));
        employee.setString(3, "Medewerker %06d".formatted(n));
        employee.setString(4, unit(life.team));
        employee.setString(5, team(life.team));
        employee.setString(6, life.team == measuredTeam ? lineManager : "lm-%03d".formatted(life.team));
        employee.setTimestamp(7, now);
        employee.addBatch();
        if (measuredCases.contains(life.id)) {
          caseRow.setObject(1, life.id);
          caseRow.setString(2, "IB-%06d".formatted(n));
          caseRow.setObject(3, employeeId);
          caseRow.setString(4, life.phase.name());
          caseRow.setString(5, life.counsellor);
          caseRow.setTimestamp(6, Timestamp.valueOf(life.firstSickDay.atStartOfDay()));
          caseRow.setTimestamp(7, now);
          caseRow.addBatch();
        }
      }
      employee.executeBatch();
      caseRow.executeBatch();
    }
  }

  /** One prepared insert per table, sent every thousand cases. */
  private final class Batches {
    private final PreparedStatement cases;
    private final PreparedStatement stays;
    private final PreparedStatement deadlines;
    private final PreparedStatement steps;
    private final PreparedStatement escalations;
    private final PreparedStatement relapses;
    private final PreparedStatement periods;
    private final PreparedStatement capacity;
    private int pending;

    Batches(Connection c) throws SQLException {
      cases = c.prepareStatement("""
          insert into insight_case (case_id, unit, team, counsellor_user_id, first_sick_day, opened_on, closed_on,
              phase, phase_since, outcome, first_return_on, full_return_on, relapses, guidance_intensity,
              buddy_recommended, buddy_involved, home_front_involved, has_agreed_goal, relapse_plan_shared,
              last_evaluation_on, area_content, area_relations, area_conditions, area_terms)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
      stays = c.prepareStatement(
          "insert into insight_phase_stay (case_id, phase, entered_on, left_on) values (?, ?, ?, ?)");
      deadlines = c.prepareStatement("""
          insert into insight_deadline (case_id, milestone, due_on, met_on, missed, highest_rung)
          values (?, ?, ?, ?, ?, ?)""");
      steps = c.prepareStatement("""
          insert into insight_step (task_id, case_id, process_key, element_id, opened_at, due_on, ended_at, completed)
          values (?, ?, ?, ?, ?, ?, ?, ?)""");
      escalations = c.prepareStatement("""
          insert into insight_escalation (case_id, watch, rung, raised_on) values (?, ?, ?, ?)
          on conflict do nothing""");
      relapses = c.prepareStatement("insert into insight_relapse (case_id, reported_on) values (?, ?)");
      periods = c.prepareStatement(
          "insert into insight_sick_period (case_id, sick_from, recovered_on) values (?, ?, ?)");
      capacity = c.prepareStatement("insert into insight_work_capacity (case_id, from_on, pct) values (?, ?, ?)");
    }

    void add(Life l) throws SQLException {
      int i = 0;
      cases.setObject(++i, l.id);
      cases.setString(++i, unit(l.team));
      cases.setString(++i, team(l.team));
      cases.setString(++i, l.counsellor);
      date(cases, ++i, l, 0);
      date(cases, ++i, l, l.openedOn);
      date(cases, ++i, l, l.closedOn);
      cases.setString(++i, l.phase.name());
      date(cases, ++i, l, l.phaseSince);
      cases.setString(++i, l.outcome);
      date(cases, ++i, l, l.firstReturn);
      date(cases, ++i, l, l.fullReturn);
      cases.setInt(++i, l.relapses.size());
      cases.setString(++i, l.intensity);
      cases.setBoolean(++i, l.buddyRecommended);
      cases.setBoolean(++i, l.buddyInvolved);
      cases.setBoolean(++i, l.homeFront);
      cases.setBoolean(++i, l.goal);
      cases.setBoolean(++i, l.relapsePlan);
      date(cases, ++i, l, l.lastEvaluation);
      for (boolean area : l.areas) {
        cases.setBoolean(++i, area);
      }
      cases.addBatch();
      for (Object[] s : l.stays) {
        stays.setObject(1, l.id);
        stays.setString(2, (String) s[1]);
        date(stays, 3, l, (Integer) s[2]);
        date(stays, 4, l, (Integer) s[3]);
        stays.addBatch();
      }
      for (Object[] d : l.deadlines) {
        deadlines.setObject(1, l.id);
        deadlines.setString(2, (String) d[1]);
        date(deadlines, 3, l, (Integer) d[2]);
        date(deadlines, 4, l, (Integer) d[3]);
        deadlines.setBoolean(5, (Boolean) d[4]);
        deadlines.setInt(6, (Integer) d[5]);
        deadlines.addBatch();
      }
      for (Object[] s : l.steps) {
        steps.setString(1, (String) s[0]);
        steps.setObject(2, l.id);
        steps.setString(3, (String) s[2]);
        steps.setString(4, (String) s[3]);
        // Office hours: a step opens and ends at some hour of its day.
        steps.setObject(5, moment(l, (Integer) s[4]), Types.TIMESTAMP_WITH_TIMEZONE);
        date(steps, 6, l, (Integer) s[5]);
        steps.setObject(7, s[6] == null ? null : moment(l, (Integer) s[6]), Types.TIMESTAMP_WITH_TIMEZONE);
        if (s[7] == null) {
          steps.setNull(8, Types.BOOLEAN);
        } else {
          steps.setBoolean(8, (Boolean) s[7]);
        }
        steps.addBatch();
      }
      for (Object[] e : l.escalations) {
        escalations.setObject(1, l.id);
        escalations.setString(2, (String) e[1]);
        escalations.setInt(3, (Integer) e[2]);
        date(escalations, 4, l, (Integer) e[3]);
        escalations.addBatch();
      }
      for (Object[] r : l.relapses) {
        relapses.setObject(1, l.id);
        date(relapses, 2, l, (Integer) r[1]);
        relapses.addBatch();
      }
      for (Object[] p : l.sickPeriods) {
        periods.setObject(1, l.id);
        date(periods, 2, l, (Integer) p[1]);
        date(periods, 3, l, (Integer) p[2]);
        periods.addBatch();
      }
      for (Object[] w : l.capacities) {
        capacity.setObject(1, l.id);
        date(capacity, 2, l, (Integer) w[1]);
        capacity.setInt(3, (Integer) w[2]);
        capacity.addBatch();
      }
      if (++pending >= BATCH) {
        flush();
      }
    }

    void flush() throws SQLException {
      for (PreparedStatement s : List.of(cases, stays, deadlines, steps, escalations, relapses, periods, capacity)) {
        s.executeBatch();
      }
      pending = 0;
    }

    private java.time.OffsetDateTime moment(Life l, int offset) {
      return l.day(offset).atTime(LocalTime.of(8 + random.nextInt(9), random.nextInt(60))).atZone(ZONE)
          .toOffsetDateTime();
    }

    private void date(PreparedStatement s, int index, Life l, Integer offset) throws SQLException {
      if (offset == null) {
        s.setNull(index, Types.DATE);
      } else {
        s.setDate(index, Date.valueOf(l.day(offset)));
      }
    }
  }

  /**
   * Each team's population per month over the five years, unit by unit as management imports it: some four hundred
   * people a team, most of them full-time.
   */
  private void population(Population population) {
    Actor management = new Actor(NationalCaseload.MANAGEMENT, Set.of(Groups.MANAGEMENT), false);
    Map<String, List<Integer>> byUnit = new TreeMap<>();
    for (int t = 1; t <= teams; t++) {
      byUnit.computeIfAbsent(unit(t), u -> new ArrayList<>()).add(t);
    }
    YearMonth now = YearMonth.from(today);
    byUnit.forEach((unit, unitTeams) -> {
      List<Population.Entry> entries = new ArrayList<>();
      for (int t : unitTeams) {
        int headcount = 360 + random.nextInt(80);
        for (YearMonth month = now.minusYears(YEARS).withMonth(1); !month.isAfter(now); month = month.plusMonths(1)) {
          headcount = Math.max(300, headcount + random.nextInt(5) - 2);
          BigDecimal fte = BigDecimal.valueOf(headcount * (0.86 + random.nextInt(8) / 100.0))
              .setScale(2, RoundingMode.HALF_UP);
          entries.add(new Population.Entry(team(t), month, headcount, fte));
        }
      }
      population.save(management, unit, entries, population.read(management, unit, now.getYear()).version(), true);
    });
  }
}
