package nl.bluevitaal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.JourneyTimeMachine;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * About 130 fictitious cases spread over the whole journey. Each case is lived from its first sick day to today
 * through the real use cases and the engine: the clock jumps from one step or timer to the next, steps are done a
 * few days before they are due, and some cases stall so their deadlines pass and escalate as they would in reality.
 * Deterministic for a given seed. Names are invented (flowers and birds), so no real person is meant.
 */
@Component
class DemoCaseload {

  static final String PERSONNEL_PREFIX = "DEMO-";

  private static final Logger log = LoggerFactory.getLogger(DemoCaseload.class);
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final String COUNSELLOR = "carla";
  private static final String COMPANY_DOCTOR = "dirk";
  private static final String OWN_TEAM = "Team Noord";
  private static final String OWN_TEAM_MANAGER = "eva";
  private static final List<String> OTHER_TEAMS =
      List.of("Team Zuid", "Team Haven", "Team Centrum", "Team Recherche", "Team Verkeer", "Team Water");
  private static final List<String> FIRST_NAMES = List.of("Ayla", "Bas", "Chantal", "Daan", "Esra", "Floor",
      "Gijs", "Hatice", "Iris", "Jesse", "Kim", "Lars", "Mila", "Noah", "Olga", "Pim", "Roos", "Sem", "Tess",
      "Umut", "Vera", "Wout", "Yara", "Zeno", "Anouk", "Bilal", "Coen", "Dewi", "Elif", "Fenna");
  private static final List<String> SURNAMES = List.of("Akkerwinde", "Boterbloem", "Dotterbloem", "Egelantier",
      "Fluitenkruid", "Goudsbloem", "Hondsroos", "IJsvogel", "Judasboom", "Kievitsbloem", "Leeuwerik",
      "Madeliefje", "Nachtegaal", "Ooievaar", "Pinksterbloem", "Reigersbek", "Sleutelbloem", "Tjiftjaf",
      "Veldleeuwerik", "Winterkoning", "Zilverschoon", "Grutto", "Koekoeksbloem", "Wielewaal");

  /** Where a demo case should stand today, and how it got there. */
  record Plan(String personnelNumber, String name, String userId, String team, String lineManager, int daysSick,
      Integer stallAfterDay, Integer recoveredDaysAgo, Track track, boolean workConflict, String holdStep) {
  }

  enum Track { SPOOR_1, SPOOR_2, EARLY_IVA }

  private final CaseRegistry registry;
  private final DemoCaseFile caseFile;
  private final JourneyTasks tasks;
  private final JourneyEvents events;
  private final JourneyTimeMachine timeMachine;
  private final Clock clock;
  private final DemoProperties properties;

  DemoCaseload(CaseRegistry registry, DemoCaseFile caseFile, JourneyTasks tasks, JourneyEvents events, JourneyTimeMachine timeMachine,
      Clock clock, DemoProperties properties) {
    this.registry = registry;
    this.caseFile = caseFile;
    this.tasks = tasks;
    this.events = events;
    this.timeMachine = timeMachine;
    this.clock = clock;
    this.properties = properties;
  }

  boolean isPresent() {
    return registry.employeeByPersonnelNumber(PERSONNEL_PREFIX + "0001").isPresent();
  }

  void create() {
    Instant started = Instant.now();
    Instant realNow = clock.instant();
    List<Plan> plans = plans(properties.caseCount(), new Random(properties.seed()));
    timeMachine.withJobExecutorPaused(() -> {
      for (Plan plan : plans) {
        live(plan, realNow);
      }
    });
    log.info("Demo caseload: {} cases lived through the journey in {} s", plans.size(),
        Duration.between(started, Instant.now()).toSeconds());
  }

  /** The spread over the journey: every phase, some overdue, some recovered, anna and bram in Team Noord. */
  static List<Plan> plans(int count, Random random) {
    List<Plan> plans = new ArrayList<>();
    // anna: a week off sick; the problem analysis waits for her to read it before it goes to the employer side
    // (her review, due a week after the analysis, is not late yet).
    plans.add(new Plan(PERSONNEL_PREFIX + "0001", "Anna Zonnebloem", "anna", OWN_TEAM, OWN_TEAM_MANAGER, 7,
        null, null, Track.SPOOR_1, false, Element.TASK_REVIEW_PROBLEM_ANALYSIS));
    // bram: in spoor 1, plan of action agreed, evaluations running.
    plans.add(new Plan(PERSONNEL_PREFIX + "0002", "Bram Waterlelie", "bram", OWN_TEAM, OWN_TEAM_MANAGER, 20 * 7 + 3,
        null, null, Track.SPOOR_1, true, null));
    // Weeks sick today, by share of the caseload: intake .. WIA application, then recovered and closed.
    int[][] bands = {{0, 1, 6}, {1, 6, 14}, {6, 8, 9}, {8, 46, 38}, {46, 52, 9}, {52, 88, 18}, {88, 93, 7},
        {93, 103, 6}};
    int planned = 0;
    int total = count - plans.size();
    int recoveredShare = Math.max(2, total / 10);
    int closedShare = Math.max(2, total / 12);
    int banded = total - recoveredShare - closedShare;
    int weightSum = 0;
    for (int[] band : bands) {
      weightSum += band[2];
    }
    int number = plans.size();
    for (int b = 0; b < bands.length; b++) {
      int inBand = b == bands.length - 1 ? banded - planned : Math.round((float) banded * bands[b][2] / weightSum);
      for (int i = 0; i < inBand; i++) {
        number++;
        int daysSick = bands[b][0] * 7 + random.nextInt(Math.max(1, (bands[b][1] - bands[b][0]) * 7));
        // About one case in six stalls just before a legal deadline that has passed by today, which then escalates.
        Integer stall = random.nextInt(6) == 0 ? stallBefore(daysSick) : null;
        plans.add(plan(number, random, daysSick, stall, null));
      }
      planned += inBand;
    }
    for (int i = 0; i < recoveredShare; i++) {
      number++;
      plans.add(plan(number, random, 30 + random.nextInt(200), null, 1 + random.nextInt(26)));
    }
    for (int i = 0; i < closedShare; i++) {
      number++;
      plans.add(plan(number, random, 80 + random.nextInt(300), null, 35 + random.nextInt(40)));
    }
    return plans;
  }

  /** Counted days of the legal deadlines (weeks 6, 8, 42, 52, 91, 93). */
  private static final int[] DEADLINE_DAYS = {42, 56, 294, 364, 637, 651};

  private static Integer stallBefore(int daysSick) {
    Integer stall = null;
    for (int day : DEADLINE_DAYS) {
      if (day < daysSick - 1) {
        stall = day - 12;
      }
    }
    return stall;
  }

  private static Plan plan(int number, Random random, int daysSick, Integer stall, Integer recoveredDaysAgo) {
    boolean ownTeam = number % 10 < 1;
    String team = ownTeam ? OWN_TEAM : OTHER_TEAMS.get(number % OTHER_TEAMS.size());
    String manager = ownTeam ? OWN_TEAM_MANAGER : "lm-" + team.substring(5).toLowerCase();
    String name = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
        + SURNAMES.get(random.nextInt(SURNAMES.size()));
    int roll = random.nextInt(10);
    Track track = roll < 6 ? Track.SPOOR_2 : roll < 9 ? Track.SPOOR_1 : Track.EARLY_IVA;
    // A user id without an account: the demo acts in the file as this employee (release, sign); nobody logs in.
    return new Plan(PERSONNEL_PREFIX + "%04d".formatted(number), name, "mw-%04d".formatted(number), team, manager,
        daysSick, stall,
        recoveredDaysAgo, track, random.nextInt(8) == 0, null);
  }

  /** Lives one case from its first sick day to today. */
  private void live(Plan plan, Instant realNow) {
    LocalDate today = LocalDate.ofInstant(realNow, ZONE);
    LocalDate firstSickDay = today.minusDays(plan.daysSick());
    timeMachine.travelTo(firstSickDay.atTime(LocalTime.of(8, 30)).atZone(ZONE).toInstant());
    Employee employee = registry.registerEmployee(new NewEmployee(plan.personnelNumber(), plan.name(),
        plan.userId(), "Eenheid Rotterdam", plan.team(), plan.lineManager()));
    UUID caseId = registry.reportSick(new SickReport(employee.id(), firstSickDay, COUNSELLOR, COMPANY_DOCTOR));
    DemoCaseFile.People people = DemoCaseFile.People.of(COUNSELLOR, COMPANY_DOCTOR, plan.userId(), plan.lineManager());

    Instant stallAt = plan.stallAfterDay() == null ? null
        : firstSickDay.plusDays(plan.stallAfterDay()).atStartOfDay(ZONE).toInstant();
    Instant recoverAt = plan.recoveredDaysAgo() == null ? null
        : today.minusDays(plan.recoveredDaysAgo()).atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
    Map<String, Instant> plannedSteps = new HashMap<>();
    Random random = new Random(plan.personnelNumber().hashCode());
    // Many employees start working some hours along the way; the clock keeps running (partial work counts as sick).
    Instant partialAt = plan.daysSick() > 70 && random.nextInt(5) < 2
        ? firstSickDay.plusDays(60 + random.nextInt(plan.daysSick() - 65)).atTime(LocalTime.of(10, 0))
            .atZone(ZONE).toInstant()
        : null;
    int partialPct = 20 + 10 * random.nextInt(6);

    for (int guard = 0; guard < 400; guard++) {
      tasks.catchUp(caseId);
      Instant now = timeMachine.now();
      List<OpenStep> doable = tasks.openSteps(caseId).stream()
          .filter(step -> !step.stepKey().equals(plan.holdStep()))
          .toList();
      Instant next = null;
      for (OpenStep step : doable) {
        // A case that waits for its employee at one step gets there without dawdling.
        Instant at = plannedSteps.computeIfAbsent(step.taskId(), id -> plan.holdStep() == null
            ? plannedMoment(step, now, random) : now.plus(Duration.ofHours(20 + random.nextInt(48))));
        next = earliest(next, at);
      }
      next = earliest(next, timeMachine.nextTimer(caseId).orElse(null));
      boolean open = registry.get(caseId).status() == CaseStatus.OPEN;
      if (recoverAt != null && open) {
        next = earliest(next, recoverAt);
      }
      if (partialAt != null && open) {
        next = earliest(next, partialAt);
      }
      if (next == null || next.isAfter(realNow) || (stallAt != null && next.isAfter(stallAt))) {
        break;
      }
      timeMachine.travelTo(next.isBefore(now) ? now : next);
      if (recoverAt != null && !timeMachine.now().isBefore(recoverAt)
          && registry.get(caseId).status() == CaseStatus.OPEN) {
        events.fullRecovery(caseId, LocalDate.ofInstant(recoverAt, ZONE));
        continue;
      }
      if (partialAt != null && !timeMachine.now().isBefore(partialAt)) {
        if (registry.get(caseId).status() == CaseStatus.OPEN) {
          events.partialRecovery(caseId, partialPct);
        }
        partialAt = null;
        continue;
      }
      tasks.catchUp(caseId);
      for (OpenStep step : tasks.openSteps(caseId)) {
        Instant at = plannedSteps.get(step.taskId());
        if (at != null && !at.isAfter(timeMachine.now())) {
          caseFile.beforeStep(caseId, step.stepKey(), people, random);
          tasks.complete(caseId, step.taskId(), outcome(step, plan, random));
        }
      }
    }
    // Whatever fell due while the case stalled escalates now, as the job executor would have done.
    timeMachine.travelTo(realNow);
    tasks.catchUp(caseId);
  }

  /**
   * Staff do a step a few days after it appears; a step due weeks ahead (an evaluation, the first-year or final
   * evaluation) is done shortly before it is due, as in practice, so cases spend their time in the phase they are in.
   */
  private static Instant plannedMoment(OpenStep step, Instant now, Random random) {
    Instant soon = now.plus(Duration.ofHours(20 + random.nextInt(4 * 24)));
    if (step.due() == null) {
      return soon;
    }
    Instant beforeDue = step.due().minus(Duration.ofDays(1 + random.nextInt(8)));
    Instant planned = beforeDue.isAfter(now.plus(Duration.ofDays(14))) || beforeDue.isBefore(soon) ? beforeDue : soon;
    return planned.isBefore(now) ? now : planned;
  }

  private static Map<String, Object> outcome(OpenStep step, Plan plan, Random random) {
    return switch (step.stepKey()) {
      // anna expects to be back soon (no buddy offer), so her review is open within her first week.
      case Element.TASK_INTAKE -> Map.of(Var.WORK_CONFLICT, plan.workConflict(),
          Var.EXPECTED_ABSENCE_WEEKS, plan.holdStep() != null ? 2 : 2 + random.nextInt(20));
      case Element.TASK_REVIEW_PROBLEM_ANALYSIS -> Map.of(Var.CORRECTION_REQUESTED, false);
      case Element.TASK_AGREE_PLAN_EMPLOYEE -> Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true);
      case Element.TASK_AGREE_PLAN_LINE_MANAGER -> Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, true);
      case Element.TASK_FIRST_YEAR_EVALUATION -> Map.of(
          Var.RETURN_TO_OWN_WORK_REALISTIC, plan.track() == Track.SPOOR_1,
          Var.DURABLE_FULL_INCAPACITY_EXPECTED, plan.track() == Track.EARLY_IVA,
          Var.WORK_CAPACITY_PCT, plan.track() == Track.SPOOR_1 ? 50 + random.nextInt(40) : random.nextInt(40));
      default -> Map.of();
    };
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
