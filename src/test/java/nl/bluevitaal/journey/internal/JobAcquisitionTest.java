package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bluevitaal.support.ApplicationTest;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * The job executor as the application's settings make it (by the starter's own factory: the tests run without a job
 * executor), through the engine's own acquisition strategy: a node that lost some due jobs to another node (both took
 * the oldest first) asks next for no more than it can run. With the engine's backoff the number doubled at every such
 * collision, and in the benchmark's storm on two nodes each node soon held hundreds of locked jobs it could not run;
 * the other node then found nothing to take and searched every job for it several times a second (a third of the
 * database's work in that storm), and a node that stopped then would have held those deadlines until their locks ran
 * out.
 */
@ApplicationTest
class JobAcquisitionTest {

  private static final String ENGINE = "default";

  @Autowired
  CamundaBpmProperties settings;

  @Test
  void aNodeThatLostDueJobsToAnotherAsksForNoMoreThanItCanRun() {
    JobExecutor executor = DefaultJobConfiguration.JobConfiguration.jobExecutor(new SyncTaskExecutor(), settings);
    BackoffJobAcquisitionStrategy strategy = new BackoffJobAcquisitionStrategy(executor);
    int perAcquisition = executor.getMaxJobsPerAcquisition();
    assertThat(perAcquisition).as("as the settings say").isEqualTo(16);
    assertThat(perAcquisition).as("no more than its queue takes").isLessThanOrEqualTo(
        settings.getJobExecution().getQueueCapacity());

    for (int cycle = 0; cycle < 10; cycle++) {
      AcquiredJobs acquired = new AcquiredJobs(perAcquisition);
      for (int i = 0; i < perAcquisition; i++) {
        acquired.addJobIdBatch("job-" + cycle + "-" + i);
      }
      // Half of them the other node locked first.
      for (int i = 0; i < perAcquisition / 2; i++) {
        acquired.removeJobId("job-" + cycle + "-" + i);
      }
      JobAcquisitionContext context = new JobAcquisitionContext();
      context.submitAcquiredJobs(ENGINE, acquired);
      assertThat(context.hasJobAcquisitionLockFailureOccurred()).isTrue();

      strategy.reconfigure(context);

      assertThat(strategy.getNumJobsToAcquire(ENGINE)).as("after collision %d", cycle + 1)
          .isEqualTo(perAcquisition);
    }
  }
}
