package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import nl.bluevitaal.support.ApplicationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A read kept for one engine command: once inside it, every time outside, and never into the next command. */
@ApplicationTest
class CommandReadsTest {

  @Autowired ProcessEngine engine;

  @Test
  void insideOneCommandTheCaseIsReadOnce() {
    AtomicInteger reads = new AtomicInteger();
    String first = inCommand(() -> {
      CommandReads.once("people:1", () -> "carla#" + reads.incrementAndGet());
      return CommandReads.once("people:1", () -> "carla#" + reads.incrementAndGet());
    });
    assertThat(first).isEqualTo("carla#1");
    assertThat(reads).hasValue(1);

    // The next command reads again: nothing outlives the transaction that read it.
    assertThat(inCommand(() -> CommandReads.once("people:1", () -> "carla#" + reads.incrementAndGet())))
        .isEqualTo("carla#2");
    // A read that found nothing is kept as nothing, not read again.
    assertThat(inCommand(() -> {
      CommandReads.once("people:2", () -> {
        reads.incrementAndGet();
        return null;
      });
      return CommandReads.once("people:2", () -> "read again");
    })).isNull();
    assertThat(reads).hasValue(3);
  }

  @Test
  void outsideACommandEveryReadGoesToTheSource() {
    AtomicInteger reads = new AtomicInteger();
    CommandReads.once("people:3", reads::incrementAndGet);
    CommandReads.once("people:3", reads::incrementAndGet);
    assertThat(reads).hasValue(2);
  }

  private String inCommand(java.util.function.Supplier<String> body) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> body.get());
  }
}
