package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.ApplicationTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ladder keeps its answers per deployed version: it answers as the engine's own evaluation of the same table does,
 * for every watched deadline and rung, and a version the process owner deploys is followed from the next question.
 */
@ApplicationTest
class EscalationLadderTest {

  private static final String KEY = ReintegrationJourneyProcess.DECISION_ESCALATION_LADDER;

  @Autowired
  EscalationLadder ladder;
  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void theRealTableIsLatestAgain() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void answersAsTheEnginesOwnEvaluationForEveryWatchedDeadlineAndRung() {
    List<String> watches = Stream.concat(Stream.of(Watch.values()).map(Watch::name),
        Stream.of(ContactWishProcess.LADDER_MILESTONE)).toList();
    for (String watch : watches) {
      for (int rung = 0; rung <= 5; rung++) {
        DmnDecisionResultEntries engine = decisionService.evaluateDecisionByKey(KEY)
            .variables(Variables.createVariables().putValue(Var.MILESTONE, watch)
                .putValueTyped(Var.ESCALATION_RUNG, Variables.integerValue(rung)))
            .evaluate().getSingleResult();
        JourneyWatches.Rung expected = new JourneyWatches.Rung(engine.getEntry(Var.ESCALATE_TO),
            ((Number) engine.getEntry(Var.DAYS_TO_NEXT_RUNG)).intValue());
        assertThat(ladder.rungOf(watch, rung)).as(watch + " at rung " + rung).isEqualTo(expected);
        assertThat(ladder.rungOf(watch, rung)).as("kept: " + watch + " at rung " + rung).isEqualTo(expected);
      }
    }
  }

  @Test
  void aVersionTheProcessOwnerDeploysIsFollowedFromTheNextQuestion() throws Exception {
    assertThat(ladder.rungOf("PROBLEM_ANALYSIS", 1)).isEqualTo(new JourneyWatches.Rung("DOCTOR", 3));
    String real = table();

    deploy(real.replace(
        "<outputEntry id=\"LiteralExpression_Rule_DoctorFirst_EscalateTo\"><text>\"DOCTOR\"</text>",
        "<outputEntry id=\"LiteralExpression_Rule_DoctorFirst_EscalateTo\"><text>\"CARE_LEAD\"</text>"));
    assertThat(ladder.rungOf("PROBLEM_ANALYSIS", 1)).isEqualTo(new JourneyWatches.Rung("CARE_LEAD", 3));

    // A table that reads the clock is asked every time (its answer may change from one day to the next); it still
    // answers as its rules say.
    deploy(real.replace("<inputEntry id=\"UnaryTests_Rule_DoctorFirst_Rung\"><text>1</text>",
        "<inputEntry id=\"UnaryTests_Rule_DoctorFirst_Rung\"><text>if today() > date(\"2000-01-01\") then 1"
            + " else 99</text>"));
    assertThat(ladder.rungOf("PROBLEM_ANALYSIS", 1)).isEqualTo(new JourneyWatches.Rung("DOCTOR", 3));

    deploy(real.replace("<inputEntry id=\"UnaryTests_Rule_WarnCounsellor_Rung\"><text>0</text>",
        "<inputEntry id=\"UnaryTests_Rule_WarnCounsellor_Rung\"><text>77</text>"));
    assertThatThrownBy(() -> ladder.rungOf("PLAN_OF_ACTION", 0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no rule for PLAN_OF_ACTION at rung 0");
  }

  /** The table as deployed before the test. */
  private String table() throws Exception {
    String id = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion()
        .singleResult().getId();
    try (InputStream in = repositoryService.getDecisionModel(id)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void deploy(String xml) {
    deployments.add(repositoryService.createDeployment().name("EscalationLadderTest")
        .addString(KEY + ".dmn", xml).deploy().getId());
  }
}
