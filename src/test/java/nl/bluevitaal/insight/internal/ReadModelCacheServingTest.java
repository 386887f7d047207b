package nl.bluevitaal.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.bluevitaal.support.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The cache as production runs it (serving while computing, which the other tests switch off): after a change the
 * kept value is served while the new one is computed once in the background; a value never computed, or kept longer
 * than the keep with a change since, is computed while the reader waits; what was read lately is computed again
 * before it gets that old.
 */
@ApplicationTest
class ReadModelCacheServingTest {

  @Autowired
  ReadModelVersion version;

  @Autowired
  ScheduledTaskHolder scheduled;

  ReadModelCache cache;

  @AfterEach
  void stop() {
    if (cache != null) {
      cache.stop();
    }
  }

  @Test
  void afterAChangeTheKeptValueIsServedWhileTheNewOneIsComputedOnce() throws InterruptedException {
    cache = new ReadModelCache(version, 200, Duration.ofMinutes(10), true, Duration.ofHours(1));
    Object key = UUID.randomUUID();
    AtomicInteger computed = new AtomicInteger();
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(1);
    version.changed();

    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<Integer> slow = () -> {
      started.countDown();
      try {
        // Bounded: computed while the reader waits (the fault this test is for), it returns instead of hanging.
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return computed.incrementAndGet();
    };
    assertThat(cache.get(key, slow)).as("the kept value, while the new one is computed").isEqualTo(1);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(cache.get(key, slow)).as("asked again meanwhile: no second computation").isEqualTo(1);
    release.countDown();

    int served = 1;
    for (int i = 0; i < 200 && served == 1; i++) {
      Thread.sleep(50);
      served = cache.get(key, computed::incrementAndGet);
    }
    assertThat(served).isEqualTo(2);
    assertThat(computed).hasValue(2);
  }

  @Test
  void aValueNeverComputedIsComputedWhileTheReaderWaits() {
    cache = new ReadModelCache(version, 200, Duration.ofMinutes(10), true, Duration.ofHours(1));
    AtomicInteger computed = new AtomicInteger();

    assertThat(cache.<Integer>get(UUID.randomUUID(), computed::incrementAndGet)).isEqualTo(1);
    assertThat(cache.<Integer>get(UUID.randomUUID(), computed::incrementAndGet)).isEqualTo(2);
  }

  /**
   * A value past its keep, with no change since, is served while it is computed again once (a unit nobody read for a
   * while does not make its reader wait); the next reader gets the new one.
   */
  @Test
  void aValueKeptLongerThanTheKeepIsServedWhileItIsComputedAgain() throws InterruptedException {
    cache = new ReadModelCache(version, 200, Duration.ZERO, true, Duration.ofHours(1));
    Object key = UUID.randomUUID();
    AtomicInteger computed = new AtomicInteger();
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(1);

    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).as("the kept value, computed again meanwhile")
        .isEqualTo(1);
    assertThat(awaitServed(key, 2, computed)).isEqualTo(2);
  }

  /** Past its keep and changed since, a value is not served: the reader waits for the new one. */
  @Test
  void aValueKeptLongerThanTheKeepWithAChangeSinceIsComputedWhileTheReaderWaits() {
    cache = new ReadModelCache(version, 200, Duration.ZERO, true, Duration.ofHours(1));
    Object key = UUID.randomUUID();
    AtomicInteger computed = new AtomicInteger();
    cache.get(key, computed::incrementAndGet);

    version.changed();
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(2);
  }

  /** Past half its keep a value read is served and computed again in the background: a unit read often never waits. */
  @Test
  void aValueReadPastHalfItsKeepIsComputedAgainInTheBackground() throws InterruptedException {
    cache = new ReadModelCache(version, 200, Duration.ofSeconds(4), true, Duration.ofHours(1));
    Object key = UUID.randomUUID();
    AtomicInteger computed = new AtomicInteger();
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(1);
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).as("young: kept as it is").isEqualTo(1);
    assertThat(computed).hasValue(1);

    Thread.sleep(2_500);
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).as("past half its keep: served").isEqualTo(1);
    assertThat(awaitServed(key, 2, computed)).isEqualTo(2);
  }

  /**
   * What readers got lately is computed again in the background once it is older than half its keep, so it never
   * gets older than the keep: after a change its next reader gets it at once instead of waiting.
   */
  @Test
  void aValueReadLatelyIsComputedAgainBeforeItGetsOlderThanItsKeep() throws InterruptedException {
    cache = new ReadModelCache(version, 200, Duration.ofSeconds(4), true, Duration.ofHours(1));
    Object key = UUID.randomUUID();
    AtomicInteger computed = new AtomicInteger();
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(1);

    Thread.sleep(2_100);
    cache.refreshRead();
    for (int i = 0; i < 200 && computed.get() < 2; i++) {
      Thread.sleep(50);
    }
    assertThat(computed).as("past half its keep: computed again in the background").hasValue(2);

    Thread.sleep(2_100);
    version.changed();
    // Four seconds and more after the first read, changed just now: without the refresh the reader would compute -1.
    assertThat(cache.<Integer>get(key, () -> -1)).as("served at once").isEqualTo(2);
  }

  @Test
  void theApplicationsCacheLooksForWhatToComputeAgainEveryMinute() {
    assertThat(scheduled.getScheduledTasks()).anySatisfy(task -> {
      assertThat(task.getTask().getRunnable().toString()).contains("ReadModelCache.refreshRead");
      assertThat(task.getTask()).isInstanceOfSatisfying(FixedDelayTask.class,
          every -> assertThat(every.getIntervalDuration()).isEqualTo(Duration.ofMinutes(1)));
    });
  }

  /** What nobody read within the refresh's window is not computed again: its next reader computes it. */
  @Test
  void aValueNobodyReadLatelyIsLeftToItsNextReader() throws InterruptedException {
    cache = new ReadModelCache(version, 200, Duration.ofSeconds(2), true, Duration.ofSeconds(1));
    Object key = UUID.randomUUID();
    AtomicInteger computed = new AtomicInteger();
    cache.get(key, computed::incrementAndGet);

    Thread.sleep(2_100);
    cache.refreshRead();
    Thread.sleep(200);
    assertThat(computed).as("not computed again in the background").hasValue(1);
    version.changed();
    // The reader's own computation, not a value computed again meanwhile: a refreshed value would be served instead.
    assertThat(cache.<Integer>get(key, () -> -1)).as("computed while the reader waits").isEqualTo(-1);
  }

  /** Reads until the cache serves {@code expected} (computed in the background), at most ten seconds. */
  private int awaitServed(Object key, int expected, AtomicInteger computed) throws InterruptedException {
    int served = 0;
    for (int i = 0; i < 200 && served != expected; i++) {
      Thread.sleep(50);
      // Not counting: whatever this read starts in the background is not what is waited for.
      served = cache.get(key, computed::get);
    }
    return served;
  }
}
