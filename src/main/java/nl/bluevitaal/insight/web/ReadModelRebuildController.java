package nl.bluevitaal.insight.web;

import nl.bluevitaal.insight.ReadModelRebuild;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's rebuild of insight's read model: what it wrote and how long it took. */
@RestController
@RequestMapping("/api/insight/read-model")
class ReadModelRebuildController {

  private final ReadModelRebuild rebuild;
  private final CurrentActor actor;

  ReadModelRebuildController(ReadModelRebuild rebuild, CurrentActor actor) {
    this.rebuild = rebuild;
    this.actor = actor;
  }

  /** The answer: cases, steps and deadlines written, and the duration in milliseconds. */
  record Rebuilt(int cases, int steps, int deadlines, long durationMs) {
  }

  @PostMapping("/rebuild")
  Rebuilt rebuild() {
    ReadModelRebuild.Result result = rebuild.rebuild(actor.get());
    return new Rebuilt(result.cases(), result.steps(), result.deadlines(), result.duration().toMillis());
  }
}
