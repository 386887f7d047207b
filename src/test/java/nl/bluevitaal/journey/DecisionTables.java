package nl.bluevitaal.journey;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** Parses the real decision files from decisions/ (on the test classpath under decisions/). */
final class DecisionTables {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DecisionTables() {
  }

  static DmnDecision load(String key) {
    try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream("decisions/" + key + ".dmn")) {
      return ENGINE.parseDecision(key, in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
