package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.bluevitaal.journey.DecisionBench.CaseResult;
import nl.bluevitaal.journey.DecisionBench.DecisionModel;
import nl.bluevitaal.journey.DecisionBench.Evaluation;
import nl.bluevitaal.journey.DecisionBench.Report;
import nl.bluevitaal.journey.DecisionBench.Rule;
import nl.bluevitaal.journey.DecisionInputsInvalidException;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test bench on the real decisions and their stored cases, deployed on a bare engine. */
@Deployment(resources = {"decisions/IntakeRouting.dmn", "decisions/FirstYearNextStep.dmn",
    "decisions/EscalationLadder.dmn", "decisions/CheckInTriage.dmn"})
class DecisionBenchTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-junit5.cfg.xml").build();

  private CamundaDecisionBench bench;

  @BeforeEach
  void bench() {
    bench = new CamundaDecisionBench(engine.getRepositoryService());
  }

  @ParameterizedTest
  @ValueSource(strings = {ReintegrationJourneyProcess.DECISION_ESCALATION_LADDER,
      ReintegrationJourneyProcess.DECISION_INTAKE_ROUTING, ReintegrationJourneyProcess.DECISION_FIRST_YEAR_NEXT_STEP,
      ReintegrationJourneyProcess.DECISION_CHECK_IN_TRIAGE})
  void everyStoredCasePassesOnTheDeployedDecision(String key) {
    Report report = bench.run(key);

    assertThat(report.problems()).isEmpty();
    assertThat(report.results()).hasSizeGreaterThanOrEqualTo(8).allMatch(CaseResult::passed);
    assertThat(report.passed()).isTrue();
    assertThat(report.table().version()).isNotNull();
  }

  @Test
  void aChangedRuleMakesItsCaseFailAndBlocksTheDeployment() {
    String changed = ModelContractTest.text("decisions/EscalationLadder.dmn").replace(
        "<outputEntry id=\"LiteralExpression_Rule_DoctorFirst_Days\"><text>3</text>",
        "<outputEntry id=\"LiteralExpression_Rule_DoctorFirst_Days\"><text>4</text>");
    DecisionModel draft = new DecisionModel("EscalationLadder", changed.getBytes(StandardCharsets.UTF_8),
        ModelContractTest.text("decisions/EscalationLadder.tests.csv"));

    Report report = bench.run(draft);

    assertThat(report.passed()).isFalse();
    assertThat(report.results()).filteredOn(r -> !r.passed()).singleElement().satisfies(failed -> {
      assertThat(failed.testCase().description()).startsWith("Rule_DoctorFirst");
      assertThat(failed.testCase().expected()).containsEntry("daysToNextRung", "3");
      assertThat(failed.actual()).containsEntry("daysToNextRung", "4");
      assertThat(failed.matched()).extracting(Rule::id).containsExactly("Rule_DoctorFirst");
    });
  }

  @Test
  void aTableInJuelIsNotEvaluatedSoADraftRunsNoCodeOnTheServer() {
    // ${3} is the rule's own answer in JUEL: a stock engine evaluates it and the case passes; here it must not run.
    String juel = ModelContractTest.text("decisions/EscalationLadder.dmn").replace(
        "<outputEntry id=\"LiteralExpression_Rule_DoctorFirst_Days\"><text>3</text>",
        "<outputEntry id=\"LiteralExpression_Rule_DoctorFirst_Days\" expressionLanguage=\"juel\"><text>${3}</text>");
    assertThat(juel).contains("expressionLanguage=\"juel\"");
    DecisionModel draft = new DecisionModel("EscalationLadder", juel.getBytes(StandardCharsets.UTF_8),
        ModelContractTest.text("decisions/EscalationLadder.tests.csv"));

    Report report = bench.run(draft);

    assertThat(report.passed()).isFalse();
    assertThat(report.results()).filteredOn(r -> !r.passed()).isNotEmpty()
        .allSatisfy(failed -> assertThat(failed.testCase().description()).startsWith("Rule_DoctorFirst"));
  }

  @Test
  void aDecisionWithoutTestCasesDoesNotDeploy() {
    DecisionModel draft = new DecisionModel("IntakeRouting",
        ModelContractTest.text("decisions/IntakeRouting.dmn").getBytes(StandardCharsets.UTF_8), null);

    assertThat(bench.run(draft).passed()).isFalse();
    assertThat(bench.run(draft).problems()).extracting(p -> p.messageKey())
        .containsExactly("modeling.bench.problem.noTests");
  }

  @Test
  void aColumnTheDecisionDoesNotHaveIsAProblem() {
    DecisionModel draft = new DecisionModel("IntakeRouting",
        ModelContractTest.text("decisions/IntakeRouting.dmn").getBytes(StandardCharsets.UTF_8),
        "description,workConflict,diagnosis,guidanceIntensity\nx,true,burn-out,INTENSIEF\n");

    Report report = bench.run(draft);

    assertThat(report.passed()).isFalse();
    assertThat(report.problems()).extracting(p -> p.messageKey() + p.arguments()).containsExactlyInAnyOrder(
        "modeling.bench.problem.unknownColumn[diagnosis]",
        "modeling.bench.problem.missingColumn[expectedAbsenceWeeks]");
  }

  @Test
  void evaluatesTypedInputsAndNamesTheMatchedRule() {
    Evaluation evaluation = bench.evaluate("EscalationLadder", Map.of("milestone", "PROBLEM_ANALYSIS",
        "escalationRung", " 2 "));

    assertThat(evaluation.outputs()).containsExactly(Map.of("escalateTo", "COUNSELLOR", "daysToNextRung", "5"));
    assertThat(evaluation.matched()).containsExactly(new Rule("Rule_DoctorThenCounsellor",
        "Trede 2: de casemanager"));
  }

  @Test
  void refusesInputsThatAreNotOfTheirType() {
    assertThatThrownBy(() -> bench.evaluate("EscalationLadder", Map.of("milestone", "VERZONNEN",
        "escalationRung", "twee")))
        .isInstanceOfSatisfying(DecisionInputsInvalidException.class, e -> assertThat(e.fieldErrors())
            .containsEntry("milestone", "modeling.bench.error.choose")
            .containsEntry("escalationRung", "modeling.bench.error.number"));
    assertThatThrownBy(() -> bench.evaluate("IntakeRouting", Map.of("workConflict", "misschien")))
        .isInstanceOfSatisfying(DecisionInputsInvalidException.class, e -> assertThat(e.fieldErrors())
            .containsEntry("workConflict", "modeling.bench.error.boolean")
            .containsEntry("expectedAbsenceWeeks", "modeling.bench.error.required"));
  }

  @Test
  void testCasesDeployedBesideTheDecisionAreTheOnesItRuns() {
    int before = bench.table("EscalationLadder").version();
    String deployment = engine.getRepositoryService().createDeployment().name("bench")
        .addString("EscalationLadder.dmn", ModelContractTest.text("decisions/EscalationLadder.dmn")
            .replace("versionTag=\"1.0.0\"", "versionTag=\"1.1.0\""))
        .addString("EscalationLadder.tests.csv", "description,milestone,escalationRung,escalateTo,daysToNextRung\n"
            + "\"verkeerd verwacht\",PROBLEM_ANALYSIS,1,LINE_MANAGER,3\n")
        .deploy().getId();

    Report report = bench.run("EscalationLadder");
    engine.getRepositoryService().deleteDeployment(deployment, true);

    assertThat(report.table().version()).isEqualTo(before + 1);
    assertThat(report.table().versionTag()).isEqualTo("1.1.0");
    assertThat(report.results()).singleElement().satisfies(r -> {
      assertThat(r.passed()).isFalse();
      assertThat(r.testCase().line()).isEqualTo(2);
    });
  }
}
