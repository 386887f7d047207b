package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * One row per rule of decisions/IntakeRouting.dmn, with the boundary values of the expected duration. The rows are
 * the decision's own test cases (decisions/IntakeRouting.tests.csv), which the test bench runs as well.
 */
class IntakeRoutingDecisionTest {

  private static final DmnDecision DECISION = DecisionTables.load(ReintegrationJourneyProcess.DECISION_INTAKE_ROUTING);

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/decisions/IntakeRouting.tests.csv", numLinesToSkip = 1)
  void routesIntake(String description, boolean workConflict, int expectedAbsenceWeeks, String intensity,
      boolean offerBuddy, boolean urgentDoctorContact) {
    DmnDecisionRuleResult result = DecisionTables.ENGINE.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("workConflict", workConflict).putValue("expectedAbsenceWeeks", expectedAbsenceWeeks))
        .getSingleResult();

    assertThat((String) result.getEntry("guidanceIntensity")).isEqualTo(intensity);
    assertThat((Boolean) result.getEntry("offerBuddy")).isEqualTo(offerBuddy);
    assertThat((Boolean) result.getEntry("urgentDoctorContact")).isEqualTo(urgentDoctorContact);
  }
}
