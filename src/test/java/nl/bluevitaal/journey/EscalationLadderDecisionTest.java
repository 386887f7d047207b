package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per rule of decisions/EscalationLadder.dmn, with the rung boundaries and a deadline of each kind. */
class EscalationLadderDecisionTest {

  private static final DmnDecision DECISION =
      DecisionTables.load(ReintegrationJourneyProcess.DECISION_ESCALATION_LADDER);

  @ParameterizedTest(name = "{0} at rung {1} -> {2} for {3} days")
  @CsvSource({
      // Rule_WarnDoctor, Rule_WarnEmployee, Rule_WarnCounsellor: rung 0 warns whoever has the step
      "PROBLEM_ANALYSIS,         0, DOCTOR,       0",
      "WIA_APPLICATION,          0, EMPLOYEE,     0",
      "PLAN_OF_ACTION,           0, COUNSELLOR,   0",
      "UWV_NOTIFICATION,         0, COUNSELLOR,   0",
      "REPORT_TO_COMPANY_DOCTOR, 0, COUNSELLOR,   0",
      "EVALUATION,               0, COUNSELLOR,   0",
      // Rule_DoctorFirst, Rule_DoctorThenCounsellor, Rule_DoctorThenLineManager
      "PROBLEM_ANALYSIS,         1, DOCTOR,       3",
      "PROBLEM_ANALYSIS,         2, COUNSELLOR,   5",
      "PROBLEM_ANALYSIS,         3, LINE_MANAGER, 7",
      "PROBLEM_ANALYSIS,         9, LINE_MANAGER, 7",
      // Rule_CounsellorFirst, Rule_ThenLineManager: the counsellor's own deadlines go to the line manager next
      "UWV_NOTIFICATION,         1, COUNSELLOR,   3",
      "UWV_NOTIFICATION,         2, LINE_MANAGER, 7",
      "WIA_APPLICATION,          1, COUNSELLOR,   3",
      "WIA_APPLICATION,          2, LINE_MANAGER, 7",
      "SPOOR_2_START,            1, COUNSELLOR,   3",
      "FINAL_EVALUATION,         4, LINE_MANAGER, 7",
  })
  void namesWhoTakesTheRung(String milestone, int rung, String escalateTo, int days) {
    Map<String, Object> result = DecisionTables.ENGINE.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("milestone", milestone).putValue("escalationRung", rung)).getFirstResult().getEntryMap();

    assertThat(result).containsEntry("escalateTo", escalateTo);
    assertThat(((Number) result.get("daysToNextRung")).intValue()).isEqualTo(days);
  }
}
