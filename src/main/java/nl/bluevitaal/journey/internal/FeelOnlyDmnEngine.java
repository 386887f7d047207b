package nl.bluevitaal.journey.internal;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN engine of its own, outside the process engine (so nothing it evaluates lands in the engine's history), that
 * evaluates FEEL only: a table in JUEL or a script language would run code on the server (FEEL here calls no Java).
 * The one way the journey builds such an engine: the workbench's test bench (drafts, before the model contract has
 * passed them), the check-in triage (scores that must not reach decision history) and the escalation ladder (its
 * answers kept per version of its table).
 */
final class FeelOnlyDmnEngine {

  private FeelOnlyDmnEngine() {
  }

  static DmnEngine build(List<DmnDecisionTableEvaluationListener> afterTables) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(afterTables);
    configuration.elProvider(expression -> {
      throw new IllegalArgumentException("This engine evaluates FEEL only, not " + expression);
    });
    configuration.scriptEngineResolver(language -> null);
    return configuration.buildEngine();
  }
}
