package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per rule of decisions/FirstYearNextStep.dmn, with the 49/50 % boundary. */
class FirstYearNextStepDecisionTest {

  private static final DmnDecision DECISION =
      DecisionTables.load(ReintegrationJourneyProcess.DECISION_FIRST_YEAR_NEXT_STEP);

  @ParameterizedTest(name = "durable={0}, returnRealistic={1}, capacity={2} -> {3}")
  @CsvSource({
      // Rule_EarlyIva
      "true,  true,  100, VERVROEGDE_IVA",
      "true,  false, 0,   VERVROEGDE_IVA",
      // Rule_NoReturnAtOwnEmployer
      "false, false, 100, SPOOR_2",
      "false, false, 0,   SPOOR_2",
      // Rule_ReturnLikely: 50 % or more
      "false, true,  50,  SPOOR_1",
      "false, true,  100, SPOOR_1",
      // Rule_ReturnPartial: below 50 %
      "false, true,  49,  SPOOR_2",
      "false, true,  0,   SPOOR_2",
  })
  void decidesNextTrack(boolean durable, boolean returnRealistic, int capacity, String nextTrack) {
    String result = DecisionTables.ENGINE.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("durableFullIncapacityExpected", durable)
        .putValue("returnToOwnWorkRealistic", returnRealistic)
        .putValue("workCapacityPct", capacity))
        .getSingleResult().getSingleEntry();

    assertThat(result).isEqualTo(nextTrack);
  }
}
