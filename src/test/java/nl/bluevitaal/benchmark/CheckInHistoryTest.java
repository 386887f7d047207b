package nl.bluevitaal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The seeded check-ins are ones the check-in could have stored: answers on the scale, the table's triage. */
class CheckInHistoryTest {

  @Test
  void answersAreOnTheWho5ScaleAndAddUpToTheScore() {
    Random random = new Random(1);
    for (int raw = 0; raw <= 25; raw++) {
      for (int draw = 0; draw < 50; draw++) {
        int[] answers = CheckInHistory.answers(raw, random);

        assertThat(answers).hasSize(5);
        assertThat(Arrays.stream(answers).sum()).isEqualTo(raw);
        assertThat(Arrays.stream(answers).allMatch(a -> a >= 0 && a <= 5)).as("%s", Arrays.toString(answers)).isTrue();
      }
    }
  }

  @Test
  void triageIsTheShippedTablesForEveryWho5Score() throws Exception {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision table;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("decisions/CheckInTriage.dmn")) {
      table = engine.parseDecision("CheckInTriage", in);
    }
    for (int raw = 0; raw <= 25; raw++) {
      DmnDecisionRuleResult result = engine.evaluateDecisionTable(table, Variables.createVariables()
          .putValue("checkInInstrument", "WHO5").putValue("checkInScorePct", raw * 4)).getFirstResult();

      assertThat(CheckInHistory.triage(raw * 4)).as("WHO-5 at %d %%", raw * 4)
          .containsExactly(result.<String>getEntry("checkInTriage"), result.<String>getEntry("checkInTriageReason"));
    }
  }
}
