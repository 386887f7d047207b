package nl.bluevitaal.journey.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.journey.JourneyTimeMachine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's side of {@link JourneyTimeMachine}. Only where {@code bluevitaal.journey.time-travel=true}: the
 * embedded demo and tests that make a caseload; never in the postgres profile, where moving the clock would move
 * every real deadline.
 */
@Component
@ConditionalOnProperty(name = "bluevitaal.journey.time-travel", havingValue = "true")
class CamundaJourneyTimeMachine implements JourneyTimeMachine {

  private final ProcessEngine processEngine;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  CamundaJourneyTimeMachine(ProcessEngine processEngine, RuntimeService runtimeService, ManagementService managementService) {
    this.processEngine = processEngine;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  @Override
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

  @Override
  public void travelTo(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  @Override
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
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
