package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * One row per rule of decisions/FirstYearNextStep.dmn, with the 49/50 % boundary. The rows are the decision's own
 * test cases (decisions/FirstYearNextStep.tests.csv), which the test bench runs as well.
 */
class FirstYearNextStepDecisionTest {

  private static final DmnDecision DECISION =
      DecisionTables.load(ReintegrationJourneyProcess.DECISION_FIRST_YEAR_NEXT_STEP);

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/decisions/FirstYearNextStep.tests.csv", numLinesToSkip = 1)
  void decidesNextTrack(String description, boolean durable, boolean returnRealistic, int capacity,
      String nextTrack) {
    String result = DecisionTables.ENGINE.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("durableFullIncapacityExpected", durable)
        .putValue("returnToOwnWorkRealistic", returnRealistic)
        .putValue("workCapacityPct", capacity))
        .getSingleResult().getSingleEntry();

    assertThat(result).isEqualTo(nextTrack);
  }
}
