package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * One row per rule of decisions/EscalationLadder.dmn, with the rung boundaries and a deadline of each kind. The rows
 * are the decision's own test cases (decisions/EscalationLadder.tests.csv), which the test bench runs as well.
 */
class EscalationLadderDecisionTest {

  private static final DmnDecision DECISION =
      DecisionTables.load(ReintegrationJourneyProcess.DECISION_ESCALATION_LADDER);

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/decisions/EscalationLadder.tests.csv", numLinesToSkip = 1)
  void namesWhoTakesTheRung(String description, String milestone, int rung, String escalateTo, int days) {
    Map<String, Object> result = DecisionTables.ENGINE.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("milestone", milestone).putValue("escalationRung", rung)).getFirstResult().getEntryMap();

    assertThat(result).containsEntry("escalateTo", escalateTo);
    assertThat(((Number) result.get("daysToNextRung")).intValue()).isEqualTo(days);
  }
}
