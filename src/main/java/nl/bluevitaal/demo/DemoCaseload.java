package nl.bluevitaal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.demo.CaseLife.Plan;
import nl.bluevitaal.demo.CaseLife.Track;
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.JourneyTimeMachine;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.DeadlineWeeks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * About 130 fictitious cases spread over the whole journey. Each case is lived from its first sick day to today
 * through the real use cases and the engine: the clock jumps from one step or timer to the next, steps are done a
 * few days before they are due, and some cases stall so their deadlines pass and escalate as they would in reality.
 * Deterministic for a given seed. Names are invented (flowers and birds), so no real person is meant.
 */
@Component
// It lives cases on the engine's moving clock, so it exists where the time machine does (never in production).
@ConditionalOnProperty(name = "bluevitaal.journey.time-travel", havingValue = "true")
class DemoCaseload {

  static final String PERSONNEL_PREFIX = "DEMO-";

  private static final Logger log = LoggerFactory.getLogger(DemoCaseload.class);
  private static final String COUNSELLOR = "carla";
  /** The unit's counsellors: carla keeps the fixed cases, the others share the rest with her (DemoUsers makes them). */
  static final List<String> COUNSELLORS = List.of(COUNSELLOR, "mila", "ruben", "noor");
  private static final String COMPANY_DOCTOR = "dirk";
  private static final String UNIT = "Eenheid Rotterdam";
  private static final String OWN_TEAM = "Team Noord";
  private static final String OWN_TEAM_MANAGER = "eva";
  private static final List<String> OTHER_TEAMS =
      List.of("Team Zuid", "Team Haven", "Team Centrum", "Team Recherche", "Team Verkeer", "Team Water");
  static final List<String> FIRST_NAMES = List.of("Ayla", "Bas", "Chantal", "Daan", "Esra", "Floor",
      "Gijs", "Hatice", "Iris", "Jesse", "Kim", "Lars", "Mila", "Noah", "Olga", "Pim", "Roos", "Sem", "Tess",
      "Umut", "Vera", "Wout", "Yara", "Zeno", "Anouk", "Bilal", "Coen", "Dewi", "Elif", "Fenna");
  static final List<String> SURNAMES = List.of("Akkerwinde", "Boterbloem", "Dotterbloem", "Egelantier",
      "Fluitenkruid", "Goudsbloem", "Hondsroos", "IJsvogel", "Judasboom", "Kievitsbloem", "Leeuwerik",
      "Madeliefje", "Nachtegaal", "Ooievaar", "Pinksterbloem", "Reigersbek", "Sleutelbloem", "Tjiftjaf",
      "Veldleeuwerik", "Winterkoning", "Zilverschoon", "Grutto", "Koekoeksbloem", "Wielewaal");

  private final CaseRegistry registry;
  private final CaseLife.Services services;
  private final JourneyTimeMachine timeMachine;
  private final Clock clock;
  private final DemoProperties properties;
  private final DeadlineWeeks weeks;

  DemoCaseload(CaseRegistry registry, DemoCaseFile caseFile, JourneyTasks tasks,
      JourneyTimeMachine timeMachine, JourneyRequests requests, Clock clock, DemoProperties properties,
      DeadlineEngine deadlines) {
    this.weeks = deadlines.weeks();
    this.registry = registry;
    this.services = new CaseLife.Services(registry, caseFile, tasks, timeMachine, requests);
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
    List<Plan> plans = plans(properties.caseCount(), properties.historyCount(), new Random(properties.seed()), weeks);
    timeMachine.withJobExecutorPaused(() -> {
      for (Plan plan : plans) {
        live(plan, realNow);
      }
    });
    log.info("Demo caseload: {} cases lived through the journey in {} s", plans.size(),
        Duration.between(started, Instant.now()).toSeconds());
  }

  /**
   * The spread over the journey: every phase, some overdue, some recovered, anna and bram in Team Noord; and the
   * history of the last two years (see {@link #history}), so insight has throughput, outcomes and returns to show.
   */
  static List<Plan> plans(int count, int historyCount, Random random, DeadlineWeeks weeks) {
    List<Plan> plans = present(count, random, weeks);
    plans.addAll(history(plans.size(), historyCount, random, weeks));
    return plans;
  }

  /** The caseload of today: every phase, some overdue, some recovered, anna and bram in Team Noord. */
  static List<Plan> present(int count, Random random, DeadlineWeeks weeks) {
    List<Plan> plans = new ArrayList<>();
    // anna: a week off sick; the problem analysis waits for her to read it before it goes to the employer side
    // (her review, due a week after the analysis, is not late yet).
    plans.add(new Plan(PERSONNEL_PREFIX + "0001", "Anna Zonnebloem", "anna", UNIT, OWN_TEAM, OWN_TEAM_MANAGER,
        COUNSELLOR, COMPANY_DOCTOR, 7, null, null, Track.SPOOR_1, false, Element.TASK_REVIEW_PROBLEM_ANALYSIS));
    // bram: in spoor 1, plan of action agreed, evaluations running.
    plans.add(new Plan(PERSONNEL_PREFIX + "0002", "Bram Waterlelie", "bram", UNIT, OWN_TEAM, OWN_TEAM_MANAGER,
        COUNSELLOR, COMPANY_DOCTOR, 20 * 7 + 3, null, null, Track.SPOOR_1, true, null));
    // The problem analysis was due the day before yesterday and is not written: its escalation is at the doctor's rung.
    plans.add(new Plan(PERSONNEL_PREFIX + "0003", "Sanne Veldbies", "mw-0003", UNIT, OTHER_TEAMS.get(0),
        "lm-zuid", COUNSELLOR, COMPANY_DOCTOR, weeks.problemAnalysis() * 7 + 2, 30, null, Track.SPOOR_1, false, null));
    // The problem analysis was due six days ago and is not written: its escalation climbed from the doctor's rung
    // (three days) to the counsellor's (five), where it stays for three more days. Stalled like the case above, whose
    // timing is known to hold; an earlier version stalled at week 6 for the plan of action, which its planned steps
    // had often done by then, so the counsellor's rung was empty on some days.
    plans.add(new Plan(PERSONNEL_PREFIX + "0004", "Tim Rietgors", "mw-0004", UNIT, OTHER_TEAMS.get(1),
        "lm-haven", COUNSELLOR, COMPANY_DOCTOR, weeks.problemAnalysis() * 7 + 5, 30, null, Track.SPOOR_1, false,
        null));
    // Week 7: the problem analysis is released and the counsellor is drafting the plan of action (due next week).
    // Fixed, like the cases above: whether a random case sits in this short phase today depends on the weekday.
    plans.add(new Plan(PERSONNEL_PREFIX + "0005", "Lotte Kroosvaren", "mw-0005", UNIT, OTHER_TEAMS.get(2),
        "lm-" + OTHER_TEAMS.get(2).substring(5).toLowerCase(), COUNSELLOR, COMPANY_DOCTOR,
        weeks.planOfAction() * 7 - 6, null, null, Track.SPOOR_1, false, Element.TASK_DRAFT_PLAN_OF_ACTION));
    // Weeks sick today, by share of the caseload: intake .. WIA application, then recovered and closed.
    int[][] bands = bands(weeks);
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
        Integer stall = random.nextInt(6) == 0 ? CaseLife.stallBefore(daysSick, weeks) : null;
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

  /**
   * Cases of the last two years that have ended, with the outcomes the journey knows: most recovered within weeks or
   * months (back at their own work), some recovered in spoor 2 after the first-year evaluation (other work), some ran
   * to the end of wage payment in week 104 with the WIA application done. Their first sick days lie up to two years
   * and two months back, so every month and quarter of the last two years has cases opening and closing.
   */
  static List<Plan> history(int numbered, int count, Random random, DeadlineWeeks weeks) {
    List<Plan> plans = new ArrayList<>();
    int number = numbered;
    int wageEnd = weeks.endOfWagePayment() * 7;
    int firstYear = weeks.firstYearEvaluation() * 7;
    int spoor2 = Math.max(1, count / 6);
    int toTheEnd = Math.max(1, count / 6);
    for (int i = 0; i < count; i++) {
      number++;
      Plan plan;
      if (i < toTheEnd) {
        // Week 104 passed up to two months ago: wage payment ended, the WIA application went in.
        plan = plan(number, random, wageEnd + 3 + random.nextInt(60), null, null);
        plan = withTrack(plan, random.nextBoolean() ? Track.SPOOR_1 : Track.SPOOR_2);
      } else if (i < toTheEnd + spoor2) {
        // Spoor 2 chosen at the first-year evaluation, fully back some weeks into it.
        int duration = firstYear + 40 + random.nextInt(70);
        int daysSick = duration + 35 + random.nextInt(Math.max(1, wageEnd - duration - 35));
        plan = withTrack(plan(number, random, daysSick, null, daysSick - duration), Track.SPOOR_2);
      } else {
        // Back at work after two to twenty weeks, some time in the last two years.
        int duration = 14 + random.nextInt(130);
        int daysSick = duration + 35 + random.nextInt(Math.max(1, wageEnd - duration - 35));
        plan = plan(number, random, daysSick, null, daysSick - duration);
      }
      plans.add(plan);
    }
    return plans;
  }

  private static Plan withTrack(Plan plan, Track track) {
    return new Plan(plan.personnelNumber(), plan.name(), plan.userId(), plan.unit(), plan.team(), plan.lineManager(),
        plan.counsellor(), plan.companyDoctor(), plan.daysSick(), plan.stallAfterDay(), plan.recoveredDaysAgo(), track,
        plan.workConflict(), plan.holdStep());
  }

  /**
   * Bands of weeks sick today with their share of the caseload ({from, to, weight}), cut at the legal deadlines:
   * intake, up to the problem analysis, up to the plan, the long stretch of the first year, its evaluation, the second
   * year, the final evaluation and WIA application, and the last weeks of wage payment.
   */
  static int[][] bands(DeadlineWeeks weeks) {
    int analysis = weeks.problemAnalysis();
    int plan = weeks.planOfAction();
    int firstYear = weeks.firstYearEvaluation();
    int finalEvaluation = weeks.finalEvaluation();
    int wia = weeks.wiaApplication();
    int end = weeks.endOfWagePayment();
    return new int[][] {{0, 1, 6}, {1, analysis, 14}, {analysis, plan, 9}, {plan, firstYear - 6, 38},
        {firstYear - 6, firstYear, 9}, {firstYear, finalEvaluation - 3, 18}, {finalEvaluation - 3, wia, 7},
        {wia, end - 1, 6}};
  }

  private static Plan plan(int number, Random random, int daysSick, Integer stall, Integer recoveredDaysAgo) {
    // One case in five in eva's team, so her team's figures reach the group size the insight pages show.
    boolean ownTeam = number % 5 < 1;
    String team = ownTeam ? OWN_TEAM : OTHER_TEAMS.get(number % OTHER_TEAMS.size());
    String manager = ownTeam ? OWN_TEAM_MANAGER : "lm-" + team.substring(5).toLowerCase();
    String name = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
        + SURNAMES.get(random.nextInt(SURNAMES.size()));
    int roll = random.nextInt(10);
    Track track = roll < 6 ? Track.SPOOR_2 : roll < 9 ? Track.SPOOR_1 : Track.EARLY_IVA;
    // A user id without an account: the demo acts in the file as this employee (release, sign); nobody logs in.
    return new Plan(PERSONNEL_PREFIX + "%04d".formatted(number), name, "mw-%04d".formatted(number), UNIT, team,
        manager, COUNSELLORS.get(number % COUNSELLORS.size()), COMPANY_DOCTOR, daysSick, stall,
        recoveredDaysAgo, track, random.nextInt(8) == 0, null);
  }

  /** Lives one case from its first sick day to today, moving the clock from one moment of the case to the next. */
  private void live(Plan plan, Instant realNow) {
    CaseLife life = new CaseLife(plan, services, realNow);
    timeMachine.travelTo(life.firstMoment());
    Instant next = life.begin();
    for (int guard = 0; next != null && guard < 400; guard++) {
      timeMachine.travelTo(next);
      next = life.advance();
    }
    // A case that stalled lives on without its steps: its watches warn and its escalations climb the ladder as days
    // pass, rung by rung, as the job executor would have done.
    for (int guard = 0; guard < 200; guard++) {
      Instant timer = timeMachine.nextTimer(life.caseId()).filter(at -> !at.isAfter(realNow)).orElse(null);
      if (timer == null) {
        break;
      }
      timeMachine.travelTo(timer);
      life.finish();
    }
    timeMachine.travelTo(realNow);
    life.finish();
  }
}
