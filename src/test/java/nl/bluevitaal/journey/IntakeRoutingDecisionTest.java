package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per rule of decisions/IntakeRouting.dmn, with the boundary values of the expected duration. */
class IntakeRoutingDecisionTest {

  private static final DmnDecision DECISION = DecisionTables.load(ReintegrationJourneyProcess.DECISION_INTAKE_ROUTING);

  @ParameterizedTest(name = "conflict={0}, weeks={1} -> {2}, buddy={3}, urgent={4}")
  @CsvSource({
      // Rule_WorkConflict: any duration
      "true,  0,  INTENSIEF, true,  true",
      "true,  52, INTENSIEF, true,  true",
      // Rule_LongAbsence: 13 weeks or more
      "false, 13, INTENSIEF, true,  false",
      "false, 104, INTENSIEF, true, false",
      // Rule_MediumAbsence: 4 up to 13 weeks
      "false, 4,  STANDAARD, true,  false",
      "false, 12, STANDAARD, true,  false",
      // Rule_ShortAbsence: less than 4 weeks
      "false, 3,  LICHT,     false, false",
      "false, 0,  LICHT,     false, false",
  })
  void routesIntake(boolean workConflict, int expectedAbsenceWeeks, String intensity, boolean offerBuddy,
      boolean urgentDoctorContact) {
    org.camunda.bpm.dmn.engine.DmnDecisionRuleResult result = DecisionTables.ENGINE.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("workConflict", workConflict).putValue("expectedAbsenceWeeks", expectedAbsenceWeeks))
        .getSingleResult();

    assertThat((String) result.getEntry("guidanceIntensity")).isEqualTo(intensity);
    assertThat((Boolean) result.getEntry("offerBuddy")).isEqualTo(offerBuddy);
    assertThat((Boolean) result.getEntry("urgentDoctorContact")).isEqualTo(urgentDoctorContact);
  }
}
