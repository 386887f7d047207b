package nl.bluevitaal.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.JourneyTimeMachine;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.poortwachter.DeadlineWeeks;
import nl.bluevitaal.poortwachter.Milestone;

/**
 * One fictitious case lived from its first sick day to today through the real use cases and the engine, one moment
 * at a time: {@link #begin} reports the employee sick, each {@link #advance} does what falls due at the engine's
 * current time (a timer, a recovery, the steps its people planned) and says when the case next needs attention.
 * The caller moves the clock between moments, so it can play one case after another (the demo) or many cases side by
 * side on one shared clock (the benchmark's national caseload). Staff do a step a few days after it appears; some
 * cases stall so their deadlines pass and escalate as they would in reality.
 */
final class CaseLife {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** Where a case should stand today, and how it got there. */
  record Plan(String personnelNumber, String name, String userId, String unit, String team, String lineManager,
      String counsellor, String companyDoctor, int daysSick, Integer stallAfterDay, Integer recoveredDaysAgo,
      Track track, boolean workConflict, String holdStep) {
  }

  enum Track { SPOOR_1, SPOOR_2, EARLY_IVA }

  /** The services a life acts through: the same ones the pages and the API use. */
  record Services(CaseRegistry registry, DemoCaseFile caseFile, JourneyTasks tasks,
      JourneyTimeMachine timeMachine, JourneyRequests requests) {
  }

  /** The parts of the re-integration report the employer waits for before compiling it (the workload does too). */
  static final List<String> REPORT_PARTS = List.of(Element.TASK_WRITE_EMPLOYEE_VIEW,
      Element.TASK_GIVE_MEDICAL_INFORMATION);

  /** The legal deadlines a case can stall before (the end of wage payment is not a step). */
  private static final List<Milestone> STEPPED = List.of(Milestone.PROBLEM_ANALYSIS, Milestone.PLAN_OF_ACTION,
      Milestone.UWV_NOTIFICATION, Milestone.FIRST_YEAR_EVALUATION, Milestone.FINAL_EVALUATION,
      Milestone.WIA_APPLICATION);

  private final Plan plan;
  private final Services services;
  private final Instant realNow;
  private final LocalDate firstSickDay;
  private final Instant stallAt;
  private final Instant recoverAt;
  private final int partialPct;
  private final Random random;
  private final Map<String, Instant> plannedSteps = new HashMap<>();
  private final DemoCaseFile.People people;
  private Instant partialAt;
  private Instant expertOpinionAt;
  private final boolean lateUwvNotification;
  private UUID caseId;

  CaseLife(Plan plan, Services services, Instant realNow) {
    this.plan = plan;
    this.services = services;
    this.realNow = realNow;
    LocalDate today = LocalDate.ofInstant(realNow, ZONE);
    this.firstSickDay = today.minusDays(plan.daysSick());
    this.stallAt = plan.stallAfterDay() == null ? null
        : firstSickDay.plusDays(plan.stallAfterDay()).atStartOfDay(ZONE).toInstant();
    this.recoverAt = plan.recoveredDaysAgo() == null ? null
        : today.minusDays(plan.recoveredDaysAgo()).atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
    this.random = new Random(plan.personnelNumber().hashCode());
    // Many employees start working some hours along the way; the clock keeps running (partial work counts as sick).
    this.partialAt = plan.daysSick() > 70 && random.nextInt(5) < 2
        ? firstSickDay.plusDays(60 + random.nextInt(plan.daysSick() - 65)).atTime(LocalTime.of(10, 0))
            .atZone(ZONE).toInstant()
        : null;
    this.partialPct = 20 + 10 * random.nextInt(6);
    // A conflict at work that drags on: employer and employee ask UWV for an expert opinion after about four months.
    this.expertOpinionAt = plan.workConflict() && plan.daysSick() > 150
        ? firstSickDay.plusDays(120 + random.nextInt(20)).atTime(LocalTime.of(11, 0)).atZone(ZONE).toInstant()
        : null;
    // Now and then the 42-week notification goes out ten days late: UWV extends the wage payment by the delay.
    this.lateUwvNotification = plan.daysSick() > 7 * 42 + 30 && random.nextInt(6) == 0;
    this.people = DemoCaseFile.People.of(plan.counsellor(), plan.companyDoctor(), plan.userId(), plan.lineManager());
  }

  /** A day shortly before the last legal deadline a case this long has passed: stalling there lets it escalate. */
  static Integer stallBefore(int daysSick, DeadlineWeeks weeks) {
    Integer stall = null;
    for (Milestone milestone : STEPPED) {
      int day = weeks.weeksFor(milestone) * 7;
      if (day < daysSick - 1) {
        stall = day - 12;
      }
    }
    return stall;
  }

  Plan plan() {
    return plan;
  }

  UUID caseId() {
    return caseId;
  }

  /** The moment the employee reports sick: the clock should stand there when {@link #begin} is called. */
  Instant firstMoment() {
    return firstSickDay.atTime(LocalTime.of(8, 30)).atZone(ZONE).toInstant();
  }

  /** Reports the employee sick; returns when the case next needs attention, or null when never before today. */
  Instant begin() {
    Employee employee = services.registry().registerEmployee(new NewEmployee(plan.personnelNumber(), plan.name(),
        plan.userId(), plan.unit(), plan.team(), plan.lineManager()));
    caseId = services.registry().reportSick(new SickReport(employee.id(), firstSickDay, plan.counsellor(),
        plan.companyDoctor()));
    return next();
  }

  /** Does what has fallen due by the engine's current time; returns the next moment as {@link #begin} does. */
  Instant advance() {
    Instant now = services.timeMachine().now();
    if (recoverAt != null && !now.isBefore(recoverAt) && isOpen()) {
      services.registry().reportFullRecovery(caseId, LocalDate.ofInstant(recoverAt, ZONE));
      return next();
    }
    if (partialAt != null && !now.isBefore(partialAt)) {
      if (isOpen()) {
        // Recorded by the counsellor, as on the case page; the journey hears of it and asks to adjust the plan.
        services.registry().recordWorkCapacity(caseId, partialPct, null, plan.counsellor(),
            services.registry().get(caseId).version());
      }
      partialAt = null;
      return next();
    }
    if (expertOpinionAt != null && !now.isBefore(expertOpinionAt)) {
      if (isOpen() && services.requests().openTo(people.counsellor(), caseId)
          .contains(JourneyRequests.Request.EXPERT_OPINION)) {
        services.requests().request(people.counsellor(), caseId, JourneyRequests.Request.EXPERT_OPINION);
      }
      expertOpinionAt = null;
      return next();
    }
    services.tasks().catchUp(caseId);
    List<OpenStep> open = services.tasks().openSteps(caseId);
    for (OpenStep step : open) {
      Instant at = plannedSteps.get(step.taskId());
      boolean waitsForParts = step.stepKey().equals(Element.TASK_COMPILE_REINTEGRATION_REPORT)
          && open.stream().anyMatch(other -> REPORT_PARTS.contains(other.stepKey()));
      if (at != null && !at.isAfter(now) && !waitsForParts) {
        services.caseFile().beforeStep(caseId, step.stepKey(), people, random);
        services.tasks().complete(people.takes(step), caseId, step.taskId(), outcome(step));
        afterStep(step);
        return next();
      }
    }
    return next();
  }

  /**
   * What follows a step outside the journey: the counsellor records the day UWV received the 42-week notification
   * (the day it was sent, so a late step is a late notification); the employee applies for early IVA after talking
   * it over.
   */
  private void afterStep(OpenStep step) {
    if (step.stepKey().equals(Element.TASK_UWV_NOTIFICATION)) {
      LocalDate today = LocalDate.ofInstant(services.timeMachine().now(), ZONE);
      services.registry().recordUwvNotification(caseId, today, services.registry().get(caseId).version());
    } else if (step.stepKey().equals(Element.TASK_DISCUSS_EARLY_IVA)
        && services.requests().openTo(people.employee(), caseId).contains(JourneyRequests.Request.EARLY_IVA)) {
      services.requests().request(people.employee(), caseId, JourneyRequests.Request.EARLY_IVA);
    }
  }

  /** Whatever fell due while the case stalled escalates now, as the job executor would have done. */
  void finish() {
    services.tasks().catchUp(caseId);
  }

  private Instant next() {
    services.tasks().catchUp(caseId);
    Instant now = services.timeMachine().now();
    List<OpenStep> doable = services.tasks().openSteps(caseId).stream()
        .filter(step -> !step.stepKey().equals(plan.holdStep()))
        .toList();
    Instant next = null;
    for (OpenStep step : doable) {
      // A case that waits for its employee at one step gets there without dawdling.
      Instant at = plannedSteps.computeIfAbsent(step.taskId(), id -> lateUwvNotification
          && step.stepKey().equals(Element.TASK_UWV_NOTIFICATION) && step.due() != null
          ? step.due().plus(Duration.ofDays(10))
          : plan.holdStep() == null
          ? plannedMoment(step, now, random) : now.plus(Duration.ofHours(20 + random.nextInt(48))));
      next = earliest(next, at);
    }
    next = earliest(next, services.timeMachine().nextTimer(caseId).orElse(null));
    boolean open = isOpen();
    if (recoverAt != null && open) {
      next = earliest(next, recoverAt);
    }
    if (partialAt != null && open) {
      next = earliest(next, partialAt);
    }
    if (expertOpinionAt != null && open) {
      next = earliest(next, expertOpinionAt);
    }
    if (next == null || next.isAfter(realNow) || (stallAt != null && next.isAfter(stallAt))) {
      return null;
    }
    return next.isBefore(now) ? now : next;
  }

  private boolean isOpen() {
    return services.registry().get(caseId).status() == CaseStatus.OPEN;
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

  private Map<String, Object> outcome(OpenStep step) {
    return switch (step.stepKey()) {
      // anna expects to be back soon (no buddy offer), so her review is open within her first week.
      case Element.TASK_INTAKE -> Map.of(Var.WORK_CONFLICT, plan.workConflict(),
          Var.EXPECTED_ABSENCE_WEEKS, plan.holdStep() != null ? 2 : 2 + random.nextInt(20));
      case Element.TASK_REVIEW_PROBLEM_ANALYSIS -> Map.of(Var.CORRECTION_REQUESTED, false);
      case Element.TASK_AGREE_PLAN_EMPLOYEE -> Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true);
      case Element.TASK_AGREE_PLAN_LINE_MANAGER -> Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, true);
      case Element.TASK_DOCTOR_FIRST_YEAR_ADVICE -> Map.of(
          Var.DURABLE_FULL_INCAPACITY_EXPECTED, plan.track() == Track.EARLY_IVA);
      case Element.TASK_FIRST_YEAR_EVALUATION -> Map.of(
          Var.RETURN_TO_OWN_WORK_REALISTIC, plan.track() == Track.SPOOR_1,
          Var.WORK_CAPACITY_PCT, plan.track() == Track.SPOOR_1 ? 50 + random.nextInt(40) : random.nextInt(40));
      case Element.TASK_RECORD_EXPERT_OPINION -> Map.of(Var.EXPERT_OPINION_ASKS_CHANGE, true);
      // UWV refuses: the journey goes on (the way back the law leaves open).
      case Element.TASK_RECORD_EARLY_IVA_DECISION -> Map.of(Var.EARLY_IVA_GRANTED, false);
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
