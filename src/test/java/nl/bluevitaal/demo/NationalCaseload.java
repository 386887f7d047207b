package nl.bluevitaal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.demo.CaseLife.Plan;
import nl.bluevitaal.demo.CaseLife.Track;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.JourneyTimeMachine;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.poortwachter.DeadlineWeeks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * The benchmark's caseload at national scale: N active cases at realistic phases and M closed cases with their whole
 * history, each lived from its first sick day through the real use cases and the engine, exactly as the demo caseload
 * is ({@link CaseLife}). To do tens of thousands of cases in reasonable time the lives run side by side on one shared
 * engine clock: the clock moves in three-hour slots from the oldest first sick day to today, and in each slot every
 * case with something due is advanced by a pool of workers. Nothing is written behind the engine's back.
 */
public final class NationalCaseload {

  private static final Logger log = LoggerFactory.getLogger(NationalCaseload.class);
  private static final Duration SLOT = Duration.ofHours(3);
  private static final int ACTIVE_PER_COUNSELLOR = 50;
  private static final int ACTIVE_PER_DOCTOR = 100;
  private static final int EMPLOYEES_PER_TEAM = 40;

  /** Personnel numbers of the generated employees: NL-000001 and on. */
  public static final String PERSONNEL_PREFIX = "NL-";

  /** Benchmark logins: counsellors bgl-001.., doctors ba-001.., line managers lm-001.., employees mw-000001... */
  public static final String PASSWORD = "benchmark";
  public record Settings(int active, int closed, int workers, long seed) {
  }

  public record Summary(int active, int closed, int counsellors, int doctors, int teams, int advances,
      int failures, Duration took) {
  }

  private NationalCaseload() {
  }

  public static String counsellor(int number) {
    return "bgl-%03d".formatted(number);
  }

  /** The process owner of the benchmark: the workbench's pages are measured as them. */
  public static final String PROCESS_OWNER = "po-001";

  /** The benchmark's process owner, made where an earlier generated caseload has none. */
  public static void ensureProcessOwner(Accounts accounts) {
    accounts.ensureUser(PROCESS_OWNER, "Proceseigenaar", "001", PROCESS_OWNER + "@bench.invalid", PASSWORD,
        List.of(Groups.PROCESS_OWNER));
  }

  /** The benchmark's management account, the counsellors' lead and an administrator: the insight pages' readers. */
  public static final String MANAGEMENT = "mt-001";
  public static final String COUNSELLOR_LEAD = "bgl-lead";
  public static final String ADMINISTRATOR = "beheer-001";

  /** The insight pages' readers, made where an earlier generated caseload has none. */
  public static void ensureInsightReaders(Accounts accounts) {
    accounts.ensureUser(MANAGEMENT, "Management", "001", MANAGEMENT + "@bench.invalid", PASSWORD,
        List.of(Groups.MANAGEMENT));
    accounts.ensureUser(COUNSELLOR_LEAD, "Teamleider", "Begeleiding", COUNSELLOR_LEAD + "@bench.invalid", PASSWORD,
        List.of(Groups.COUNSELLOR, Groups.COUNSELLOR_LEAD));
    accounts.ensureUser(ADMINISTRATOR, "Beheerder", "001", ADMINISTRATOR + "@bench.invalid", PASSWORD,
        List.of(Groups.ADMINISTRATOR));
  }

  /**
   * The population of every team the read model knows (unit by unit, as management imports it): some four hundred
   * employees a team, from January two years back to this month, so the absence figures have their ratios at this
   * scale. Once: a unit whose population was entered is left alone.
   */
  public static void ensurePopulation(nl.bluevitaal.insight.Population population,
      org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock) {
    nl.bluevitaal.privacy.Actor management = new nl.bluevitaal.privacy.Actor(MANAGEMENT, java.util.Set.of(
        Groups.MANAGEMENT), false);
    java.time.YearMonth now = java.time.YearMonth.now(clock);
    java.util.Map<String, List<String>> teams = new java.util.TreeMap<>();
    jdbc.sql("select distinct unit, team from insight_case order by unit, team")
        .query((java.sql.ResultSet rs) -> {
          teams.computeIfAbsent(rs.getString(1), unit -> new ArrayList<>()).add(rs.getString(2));
        });
    teams.forEach((unit, unitTeams) -> {
      if (population.read(management, unit, now.getYear()).version() > 0) {
        return;
      }
      List<nl.bluevitaal.insight.Population.Entry> entries = new ArrayList<>();
      for (String team : unitTeams) {
        for (java.time.YearMonth month = java.time.YearMonth.of(now.getYear() - 2, 1); !month.isAfter(now);
            month = month.plusMonths(1)) {
          entries.add(new nl.bluevitaal.insight.Population.Entry(team, month, 400,
              new java.math.BigDecimal("368.5")));
        }
      }
      population.save(management, unit, entries, 0, true);
    });
  }

  public static String employeeUser(int number) {
    return "mw-%06d".formatted(number);
  }

  public static Summary generate(ApplicationContext context, Settings settings) {
    return generate(context, settings, 0, 1);
  }

  /**
   * One part of the caseload: the cases whose number modulo {@code parts} is {@code part}. Cases do not meet, so the
   * parts can be lived one after another, each a complete, consistent piece (the benchmark keeps a checkpoint after
   * each part, so a generation of hours survives an interruption). The first part also makes the logins.
   */
  public static Summary generate(ApplicationContext context, Settings settings, int part, int parts) {
    Instant started = Instant.now();
    Instant realNow = context.getBean(Clock.class).instant();
    int counsellors = Math.max(1, settings.active() / ACTIVE_PER_COUNSELLOR);
    int doctors = Math.max(1, settings.active() / ACTIVE_PER_DOCTOR);
    int teams = Math.max(1, (settings.active() + settings.closed()) / EMPLOYEES_PER_TEAM);
    List<Plan> all = plans(settings, counsellors, doctors, teams, new Random(settings.seed()));
    if (part == 0) {
      accounts(context.getBean(Accounts.class), all, counsellors, doctors, teams);
    }
    List<Plan> plans = new ArrayList<>();
    for (int i = part; i < all.size(); i += parts) {
      plans.add(all.get(i));
    }

    CaseLife.Services services = services(context);
    JourneyTimeMachine timeMachine = services.timeMachine();
    List<CaseLife> lives = plans.stream().map(plan -> new CaseLife(plan, services, realNow)).toList();
    AtomicInteger advances = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(settings.workers());
    try {
      timeMachine.withJobExecutorPaused(() -> {
        live(lives, realNow, timeMachine, pool, advances, failures);
        // Today: whatever fell due while cases stalled escalates now, as the job executor would have done.
        timeMachine.travelTo(realNow);
        inParallel(pool, lives, life -> {
          life.finish();
          return null;
        }, failures);
      });
    } finally {
      pool.shutdownNow();
    }
    return new Summary(settings.active(), settings.closed(), counsellors, doctors, teams, advances.get(),
        failures.get(), Duration.between(started, Instant.now()));
  }

  /**
   * The 3,000 cases of the timer storm: employees reported sick {@code daysAgo} days ago whose intake is done, so each
   * waits for its problem analysis with the week-6 deadline timer armed. With daysAgo = 41 every one of those timers
   * falls due at the start of tomorrow, all at the same moment. Returns the case ids.
   */
  public static List<UUID> stormCohort(ApplicationContext context, int count, int daysAgo, int workers) {
    CaseLife.Services services = services(context);
    Instant realNow = context.getBean(Clock.class).instant();
    LocalDate sickDay = LocalDate.ofInstant(realNow, CaseLife.ZONE).minusDays(daysAgo);
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      numbers.add(i);
    }
    List<UUID> cases = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      services.timeMachine().withJobExecutorPaused(() -> {
        services.timeMachine().travelTo(sickDay.atTime(LocalTime.of(9, 0)).atZone(CaseLife.ZONE).toInstant());
        inParallel(pool, numbers, number -> {
          Employee employee = services.registry().registerEmployee(new NewEmployee("ST-%06d".formatted(number),
              "Storm " + number, "st-%06d".formatted(number), "Eenheid Storm", "Team Storm %02d".formatted(number % 50),
              "lm-001"));
          UUID caseId = services.registry().reportSick(new SickReport(employee.id(), sickDay, counsellor(1),
              "ba-001"));
          DemoCaseFile.People people = DemoCaseFile.People.of(counsellor(1), "ba-001", employee.userId(), "lm-001");
          for (OpenStep step : services.tasks().openSteps(caseId)) {
            if (step.stepKey().equals(Element.TASK_REPORT_TO_COMPANY_DOCTOR)) {
              services.tasks().complete(people.counsellor(), caseId, step.taskId(), Map.of());
            }
            if (step.stepKey().equals(Element.TASK_INTAKE)) {
              services.caseFile().beforeStep(caseId, step.stepKey(), people, new Random(number));
              // A short expected absence and no work conflict: no buddy offer, no urgent doctor contact.
              services.tasks().complete(people.counsellor(), caseId, step.taskId(),
                  Map.of(Var.WORK_CONFLICT, false, Var.EXPECTED_ABSENCE_WEEKS, 2));
            }
          }
          if (services.registry().get(caseId).phase() != Phase.PROBLEM_ANALYSIS) {
            throw new IllegalStateException("Storm case " + caseId + " should wait for its problem analysis, but is in "
                + services.registry().get(caseId).phase());
          }
          cases.add(caseId);
          return null;
        }, failures);
        // Back to today: the watches send the warnings that fell due since, and wait for the deadline itself.
        services.timeMachine().travelTo(realNow);
        inParallel(pool, List.copyOf(cases), caseId -> services.tasks().catchUp(caseId), failures);
      });
    } finally {
      pool.shutdownNow();
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " storm cases could not be made; see the log");
    }
    return List.copyOf(cases);
  }

  /**
   * Employees who only check in (the check-in peak's cohort, where the caseload has fewer active employees with a
   * login than the peak asks): each registered with a login, reported sick today through the case registry (so a
   * journey runs for the triage to reach), counsellors and doctors spread like the caseload's. Logins ci-000001 and
   * on, from {@code first}; counsellors bgl-001 to the given number. Returns their user ids.
   */
  public static List<String> checkInCohort(ApplicationContext context, int first, int count, int counsellors,
      int workers) {
    CaseLife.Services services = services(context);
    Accounts accounts = context.getBean(Accounts.class);
    LocalDate today = LocalDate.ofInstant(context.getBean(Clock.class).instant(), CaseLife.ZONE);
    List<Integer> numbers = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      numbers.add(i);
    }
    List<String> users = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      inParallel(pool, numbers, number -> {
        String userId = "ci-%06d".formatted(number);
        Random random = new Random(number);
        String firstName = DemoCaseload.FIRST_NAMES.get(random.nextInt(DemoCaseload.FIRST_NAMES.size()));
        String last = DemoCaseload.SURNAMES.get(random.nextInt(DemoCaseload.SURNAMES.size()));
        accounts.ensureUser(userId, firstName, last, userId + "@bench.invalid", PASSWORD, List.of(Groups.EMPLOYEE));
        Employee employee = services.registry().registerEmployee(new NewEmployee("CI-%06d".formatted(number),
            firstName + " " + last, userId, "Eenheid " + (1 + number % 10), "Team CI %02d".formatted(number % 50),
            "lm-001"));
        services.registry().reportSick(new SickReport(employee.id(), today, counsellor(1 + number % counsellors),
            "ba-001"));
        users.add(userId);
        return null;
      }, failures);
    } finally {
      pool.shutdownNow();
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " check-in cohort employees could not be made; see the log");
    }
    return List.copyOf(users);
  }

  private static CaseLife.Services services(ApplicationContext context) {
    return new CaseLife.Services(context.getBean(CaseRegistry.class), context.getBean(DemoCaseFile.class),
        context.getBean(JourneyTasks.class), context.getBean(JourneyTimeMachine.class),
        context.getBean(JourneyRequests.class));
  }

  private record Scheduled(Instant at, CaseLife life, boolean begun, int count) {
  }

  private static void live(List<CaseLife> lives, Instant realNow, JourneyTimeMachine timeMachine,
      ExecutorService pool, AtomicInteger advances, AtomicInteger failures) {
    PriorityQueue<Scheduled> agenda = new PriorityQueue<>(Comparator.comparing(Scheduled::at));
    for (CaseLife life : lives) {
      Instant first = life.firstMoment();
      agenda.add(new Scheduled(first.isAfter(realNow) ? realNow : first, life, false, 0));
    }
    Instant lastReport = Instant.now();
    int begun = 0;
    while (!agenda.isEmpty() && !agenda.peek().at().isAfter(realNow)) {
      Instant slotEnd = slotEnd(agenda.peek().at());
      if (slotEnd.isAfter(realNow)) {
        slotEnd = realNow;
      }
      timeMachine.travelTo(slotEnd);
      List<Scheduled> due = new ArrayList<>();
      while (!agenda.isEmpty() && !agenda.peek().at().isAfter(slotEnd)) {
        due.add(agenda.poll());
      }
      List<Scheduled> next = inParallel(pool, due, scheduled -> {
        Instant at = scheduled.begun() ? scheduled.life().advance() : scheduled.life().begin();
        advances.incrementAndGet();
        if (at == null) {
          return null;
        }
        // 400 moments cover two years of steps and timers; a life that needs more is stuck, and counted as failed.
        if (scheduled.count() >= 400) {
          failures.incrementAndGet();
          log.warn("Case {} needed more than 400 moments and is left where it stands", scheduled.life().caseId());
          return null;
        }
        return new Scheduled(at, scheduled.life(), true, scheduled.count() + 1);
      }, failures);
      for (Scheduled scheduled : next) {
        if (scheduled != null) {
          agenda.add(scheduled);
        }
      }
      begun += (int) due.stream().filter(s -> !s.begun()).count();
      if (Duration.between(lastReport, Instant.now()).toSeconds() >= 30) {
        lastReport = Instant.now();
        log.info("National caseload: at {}, {} of {} cases begun, {} moments lived, {} failures",
            LocalDate.ofInstant(slotEnd, CaseLife.ZONE), begun, lives.size(), advances.get(), failures.get());
      }
      if (failures.get() > Math.max(10, lives.size() / 100)) {
        throw new IllegalStateException("Too many failures while generating (" + failures.get() + "); see the log");
      }
    }
  }

  /** The end of the three-hour slot (local time) that holds this moment. */
  private static Instant slotEnd(Instant moment) {
    ZonedDateTime local = moment.atZone(CaseLife.ZONE);
    ZonedDateTime dayStart = local.truncatedTo(ChronoUnit.DAYS);
    long slots = Duration.between(dayStart, local).dividedBy(SLOT) + 1;
    return dayStart.plus(SLOT.multipliedBy(slots)).toInstant();
  }

  private static <T, R> List<R> inParallel(ExecutorService pool, List<T> items, Function<T, R> work,
      AtomicInteger failures) {
    List<Future<R>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> work.apply(item)));
    }
    List<R> results = new ArrayList<>();
    for (Future<R> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        failures.incrementAndGet();
        log.warn("A case failed and is left where it stands", e.getCause());
        results.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return results;
  }

  /**
   * Active cases spread over the journey as in a real caseload (most in spoor 1, some past the first year, a few
   * recovered and in the 28-day relapse watch); closed cases returned to work after a few weeks to almost two years
   * and closed within the last two years (older files are gone by the retention rules).
   */
  static List<Plan> plans(Settings settings, int counsellors, int doctors, int teams, Random random) {
    List<Plan> plans = new ArrayList<>();
    int[][] bands = DemoCaseload.bands(DeadlineWeeks.DEFAULTS);
    int weightSum = 0;
    for (int[] band : bands) {
      weightSum += band[2];
    }
    int inWatch = settings.active() / 10;
    int banded = settings.active() - inWatch;
    int number = 0;
    for (int i = 0; i < banded; i++) {
      int pick = random.nextInt(weightSum);
      int[] band = bands[0];
      for (int[] candidate : bands) {
        if (pick < candidate[2]) {
          band = candidate;
          break;
        }
        pick -= candidate[2];
      }
      int daysSick = band[0] * 7 + random.nextInt(Math.max(1, (band[1] - band[0]) * 7));
      // About one case in six stalls just before a legal deadline that has passed by today, which then escalates.
      Integer stall = random.nextInt(6) == 0 ? CaseLife.stallBefore(daysSick, DeadlineWeeks.DEFAULTS) : null;
      plans.add(plan(++number, random, daysSick, stall, null, counsellors, doctors, teams));
    }
    for (int i = 0; i < inWatch; i++) {
      int recoveredDaysAgo = 1 + random.nextInt(26);
      plans.add(plan(++number, random, recoveredDaysAgo + 30 + random.nextInt(200), null, recoveredDaysAgo,
          counsellors, doctors, teams));
    }
    for (int i = 0; i < settings.closed(); i++) {
      int roll = random.nextInt(100);
      int length = roll < 35 ? 10 + random.nextInt(32) : roll < 70 ? 42 + random.nextInt(140)
          : roll < 90 ? 182 + random.nextInt(182) : 364 + random.nextInt(336);
      int recoveredDaysAgo = 35 + random.nextInt(660);
      plans.add(plan(++number, random, recoveredDaysAgo + length, null, recoveredDaysAgo, counsellors, doctors,
          teams));
    }
    return plans;
  }


  private static Plan plan(int number, Random random, int daysSick, Integer stall, Integer recoveredDaysAgo,
      int counsellors, int doctors, int teams) {
    int team = 1 + random.nextInt(teams);
    String name = DemoCaseload.FIRST_NAMES.get(random.nextInt(DemoCaseload.FIRST_NAMES.size())) + " "
        + DemoCaseload.SURNAMES.get(random.nextInt(DemoCaseload.SURNAMES.size()));
    int roll = random.nextInt(10);
    Track track = roll < 6 ? Track.SPOOR_2 : roll < 9 ? Track.SPOOR_1 : Track.EARLY_IVA;
    return new Plan(PERSONNEL_PREFIX + "%06d".formatted(number), name, employeeUser(number), "Eenheid " + (1 + team % 10),
        "Team %03d".formatted(team), "lm-%03d".formatted(team), counsellor(1 + number % counsellors),
        "ba-%03d".formatted(1 + number % doctors), daysSick, stall, recoveredDaysAgo, track,
        random.nextInt(8) == 0, null);
  }

  /** Logins for the staff and for the employees of the active cases (the benchmark logs in as some of them). */
  private static void accounts(Accounts accounts, List<Plan> plans, int counsellors, int doctors, int teams) {
    ensureProcessOwner(accounts);
    for (int i = 1; i <= counsellors; i++) {
      accounts.ensureUser(counsellor(i), "Begeleider", "%03d".formatted(i), counsellor(i) + "@bench.invalid",
          PASSWORD, List.of(Groups.COUNSELLOR));
    }
    for (int i = 1; i <= doctors; i++) {
      String id = "ba-%03d".formatted(i);
      accounts.ensureUser(id, "Bedrijfsarts", "%03d".formatted(i), id + "@bench.invalid", PASSWORD,
          List.of(Groups.COMPANY_DOCTOR));
    }
    for (int i = 1; i <= teams; i++) {
      String id = "lm-%03d".formatted(i);
      accounts.ensureUser(id, "Leidinggevende", "%03d".formatted(i), id + "@bench.invalid", PASSWORD,
          List.of(Groups.LINE_MANAGER));
    }
    for (Plan plan : plans) {
      if (plan.recoveredDaysAgo() == null) {
        String[] name = plan.name().split(" ", 2);
        accounts.ensureUser(plan.userId(), name[0], name[1], plan.userId() + "@bench.invalid", PASSWORD,
            List.of(Groups.EMPLOYEE));
      }
    }
  }
}
