package nl.bluevitaal.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseSummary;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * The journey's working day at full speed: workers take the next open step of one active case after another and
 * complete it as its person, through {@link JourneyTasks#complete(nl.bluevitaal.privacy.Actor, UUID, String, Map)}
 * as the API and the task forms do: access check, the engine's completion with the journey's writes to the case file,
 * and the audit event, in one transaction. With {@code withFileWrite} the person first writes what the step asks for
 * in the file (the problem analysis, the plan, an evaluation with notes and goals: the case-file services with their
 * access checks and audit events, each in its own transactions as the pages do them).
 */
public final class NationalWorkload {

  private static final Logger log = LoggerFactory.getLogger(NationalWorkload.class);

  public record Result(int workers, boolean withFileWrite, long completions, Duration measured, long failures) {

    public double perSecond() {
      return completions * 1000.0 / measured.toMillis();
    }
  }

  private NationalWorkload() {
  }

  public static Result completeSteps(ApplicationContext context, int workers, boolean withFileWrite, Duration warmup,
      Duration measure) {
    CaseRegistry registry = context.getBean(CaseRegistry.class);
    JourneyTasks tasks = context.getBean(JourneyTasks.class);
    DemoCaseFile caseFile = context.getBean(DemoCaseFile.class);
    // The generated caseload's open cases (personnel numbers NL-...), not whatever else the database holds.
    List<UUID> cases = new ArrayList<>(registry.casesWithStatus(CaseStatus.OPEN).stream().map(CaseSummary::id)
        .filter(id -> registry.employeeOfCase(id).personnelNumber().startsWith(NationalCaseload.PERSONNEL_PREFIX))
        .toList());
    Collections.shuffle(cases, new Random(42));
    ConcurrentLinkedQueue<UUID> queue = new ConcurrentLinkedQueue<>(cases);
    AtomicBoolean counting = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong completions = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicInteger idle = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(workers);
    for (int w = 0; w < workers; w++) {
      Random random = new Random(w);
      Thread worker = new Thread(() -> {
        try {
          while (!stop.get()) {
            UUID caseId = queue.poll();
            if (caseId == null) {
              idle.incrementAndGet();
              return;
            }
            try {
              if (completeNextStep(registry, tasks, withFileWrite ? caseFile : null, caseId, random)
                  && counting.get()) {
                completions.incrementAndGet();
              }
            } catch (RuntimeException e) {
              if (counting.get()) {
                failures.incrementAndGet();
              }
              log.warn("Step of case {} failed", caseId, e);
            }
            // Back in line: its next step comes up again after every other case had a turn.
            queue.add(caseId);
          }
        } finally {
          done.countDown();
        }
      }, "workload-" + w);
      worker.start();
    }
    try {
      Thread.sleep(warmup.toMillis());
      counting.set(true);
      long start = System.nanoTime();
      Thread.sleep(measure.toMillis());
      counting.set(false);
      Duration measured = Duration.ofNanos(System.nanoTime() - start);
      long counted = completions.get();
      stop.set(true);
      done.await();
      return new Result(workers, withFileWrite, counted, measured, failures.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean completeNextStep(CaseRegistry registry, JourneyTasks tasks, DemoCaseFile caseFile,
      UUID caseId, Random random) {
    List<OpenStep> steps = tasks.openSteps(caseId);
    if (steps.isEmpty()) {
      return false;
    }
    // As people do: the report is compiled once its parts are written (it refuses to complete before).
    OpenStep step = steps.stream().filter(s -> !s.stepKey().equals(Element.TASK_COMPILE_REINTEGRATION_REPORT)
        || steps.stream().noneMatch(other -> CaseLife.REPORT_PARTS.contains(other.stepKey()))).findFirst()
        .orElse(steps.get(0));
    if (caseFile != null) {
      // Who writes and who completes: the people of the case (read here only where they are used, so the engine's
      // own completion below is measured without two reads the product does not make).
      CaseSummary summary = registry.get(caseId);
      Employee employee = registry.employeeOfCase(caseId);
      DemoCaseFile.People people = DemoCaseFile.People.of(summary.counsellorUserId(), summary.companyDoctorUserId(),
          employee.userId(), employee.lineManagerUserId());
      caseFile.beforeStep(caseId, step.stepKey(), people, random);
      tasks.complete(people.takes(step), caseId, step.taskId(), outcome(step.stepKey(), random));
    } else {
      // Without the file write the engine's part alone is measured: the journey's own completion, which does not ask
      // for the step's document (a person's completion does, and there is none without the write).
      tasks.complete(caseId, step.taskId(), outcome(step.stepKey(), random));
    }
    return true;
  }

  private static Map<String, Object> outcome(String stepKey, Random random) {
    return switch (stepKey) {
      case Element.TASK_INTAKE -> Map.of(Var.WORK_CONFLICT, random.nextInt(8) == 0,
          Var.EXPECTED_ABSENCE_WEEKS, 2 + random.nextInt(20));
      case Element.TASK_REVIEW_PROBLEM_ANALYSIS -> Map.of(Var.CORRECTION_REQUESTED, false);
      case Element.TASK_AGREE_PLAN_EMPLOYEE -> Map.of(Var.PLAN_AGREED_BY_EMPLOYEE, true);
      case Element.TASK_AGREE_PLAN_LINE_MANAGER -> Map.of(Var.PLAN_AGREED_BY_LINE_MANAGER, true);
      case Element.TASK_DOCTOR_FIRST_YEAR_ADVICE -> Map.of(Var.DURABLE_FULL_INCAPACITY_EXPECTED, false);
      case Element.TASK_FIRST_YEAR_EVALUATION -> Map.of(Var.RETURN_TO_OWN_WORK_REALISTIC, true,
          Var.WORK_CAPACITY_PCT, 50 + random.nextInt(40));
      case Element.TASK_RECORD_EXPERT_OPINION -> Map.of(Var.EXPERT_OPINION_ASKS_CHANGE, false);
      case Element.TASK_RECORD_EARLY_IVA_DECISION -> Map.of(Var.EARLY_IVA_GRANTED, false);
      default -> Map.of();
    };
  }
}
