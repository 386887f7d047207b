package nl.bluevitaal.journey;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays journeys forward in time: the demo caseload is made by living each case from its first sick day to today
 * through the real engine, so its history, deadlines and escalations are what they would have been. Moves the
 * engine's clock (and with it the application clock), so it is for demo data on an otherwise idle node only.
 */
@Component
public class JourneyTimeMachine {

  private final ProcessEngine processEngine;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  JourneyTimeMachine(ProcessEngine processEngine, RuntimeService runtimeService, ManagementService managementService) {
    this.processEngine = processEngine;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /** Runs the work with the job executor stopped, and leaves the clock at real time afterwards. */
  public void withJobExecutorPaused(Runnable work) {
    JobExecutor jobExecutor =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
    boolean wasActive = jobExecutor != null && jobExecutor.isActive();
    if (wasActive) {
      jobExecutor.shutdown();
    }
    try {
      work.run();
    } finally {
      ClockUtil.reset();
      if (wasActive) {
        jobExecutor.start();
      }
    }
  }

  public void travelTo(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** When the next timer of this case falls due, if it waits for one. */
  public Optional<Instant> nextTimer(UUID caseId) {
    Instant next = null;
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId.toString()).list()) {
      for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).timers()
          .orderByJobDuedate().asc().listPage(0, 1)) {
        Instant due = job.getDuedate().toInstant();
        if (next == null || due.isBefore(next)) {
          next = due;
        }
      }
    }
    return Optional.ofNullable(next);
  }
}
