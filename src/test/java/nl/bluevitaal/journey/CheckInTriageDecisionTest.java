package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * One row per rule of decisions/CheckInTriage.dmn, with the boundaries of WHO-5 (28/32 %, 48/50/52 %). The rows are
 * the decision's own test cases (decisions/CheckInTriage.tests.csv), which the test bench runs as well.
 */
class CheckInTriageDecisionTest {

  private static final DmnDecision DECISION =
      DecisionTables.load(ReintegrationJourneyProcess.DECISION_CHECK_IN_TRIAGE);

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/decisions/CheckInTriage.tests.csv", numLinesToSkip = 1)
  void triagesACheckIn(String description, String instrument, int scorePct, String level, String reason) {
    DmnDecisionRuleResult result = DecisionTables.ENGINE.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("checkInInstrument", instrument).putValue("checkInScorePct", scorePct)).getFirstResult();

    assertThat((String) result.getEntry("checkInTriage")).isEqualTo(level);
    assertThat((String) result.getEntry("checkInTriageReason")).isEqualTo(reason);
    assertThat(CheckInTriage.Level.valueOf(level)).isNotNull();
  }
}
