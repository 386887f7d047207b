package nl.bluevitaal.modeling.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads case migrations run on, apart from the requests'. Two, so a run of the journey and one of its watch may
 * go on at once (one per process: the lock sees to that). On shutdown a run is not waited for: its thread is
 * interrupted, the run stops between two chunks and closes as interrupted, and what it did not move can be tried again.
 */
@Configuration(proxyBeanMethods = false)
class MigrationExecutor {

  @Bean
  ThreadPoolTaskExecutor caseMigrationExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setQueueCapacity(20);
    executor.setThreadNamePrefix("case-migration-");
    executor.setWaitForTasksToCompleteOnShutdown(false);
    return executor;
  }
}
