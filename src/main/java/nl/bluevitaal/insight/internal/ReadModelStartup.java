package nl.bluevitaal.insight.internal;

import nl.bluevitaal.insight.ReadModelRebuild;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty read model at start-up when cases exist (a database from before insight, or a read model lost). On
 * every node at once this is safe: one claims the rebuild, the others skip it. Before the demo data (order 10), which
 * fills a new database through the events itself.
 */
@Component
class ReadModelStartup {

  private final ReadModelRebuild rebuild;

  ReadModelStartup(ReadModelRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  void fillWhenEmpty() {
    rebuild.rebuildIfEmpty();
  }
}
