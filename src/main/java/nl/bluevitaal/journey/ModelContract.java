package nl.bluevitaal.journey;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * The model contract: what a process or decision file must be before it may run on the server. The same check runs
 * in the build over {@code processes/} and {@code decisions/} and before a model deploys from the browser. A model is
 * code that runs on the server: it may call only what the journey offers to models, keep only the journey's
 * variables, and keep every legal deadline watched.
 */
public interface ModelContract {

  /**
   * The rules {@code model} breaks; empty when it may deploy.
   *
   * @param set the other models it is deployed with (the journey's processes and decisions)
   * @param current the version of the same model running now, if any: what it offers its steps must stay offered
   */
  List<ModelViolation> check(ModelFile model, List<ModelFile> set, @Nullable ModelFile current);

  default List<ModelViolation> check(ModelFile model) {
    return check(model, List.of(), null);
  }

  /**
   * The check before a model deploys from the browser: against the version of the same model running now (the
   * latest deployed one with the same process or decision id), if there is one.
   */
  List<ModelViolation> checkBeforeDeployment(ModelFile model);
}
