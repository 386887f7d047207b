package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.journey.ModelDryRun.Outcome;
import nl.bluevitaal.journey.ModelDryRun.PathResult;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.DeadlineWeeks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dry run's engine on the models in the repository and on broken copies of them, without an application context.
 * One engine serves the class (building one is the slow part); each test deploys its draft as the latest version.
 */
class DryRunEngineTest {

  static final JourneyProperties PROPERTIES = new JourneyProperties(List.of(14, 3), 7, 14, 5, 42, 21, 42, 46, 88, 7,
      14, 7, 68, 2, List.of());

  static DryRunEngine engine;

  @BeforeAll
  static void startEngine() throws IOException {
    engine = new DryRunEngine(ZoneId.of("Europe/Amsterdam"), LocalDate.of(2026, 1, 5),
        new DeadlineEngine(DeadlineWeeks.DEFAULTS), PROPERTIES, new JourneyDelegates().routeIntake());
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put("MilestoneWatch.bpmn", Files.readAllBytes(Path.of("processes/MilestoneWatch.bpmn")));
    for (String decision : List.of("IntakeRouting", "FirstYearNextStep", "EscalationLadder")) {
      resources.put(decision + ".dmn", Files.readAllBytes(Path.of("decisions", decision + ".dmn")));
    }
    engine.deploy(resources);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  static String journey() throws IOException {
    return Files.readString(Path.of("processes/ReintegrationJourney.bpmn"));
  }

  static List<PathResult> run(String journey) {
    engine.deploy(Map.of("ReintegrationJourney.bpmn", journey.getBytes(StandardCharsets.UTF_8)));
    return DryRunPaths.all().stream().map(engine::run).toList();
  }

  static PathResult path(List<PathResult> results, String key) {
    return results.stream().filter(p -> p.path().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void theJourneyAsItIsRunsEveryPathToItsEnd() throws IOException {
    List<PathResult> results = run(journey());

    assertThat(results).extracting(PathResult::path).containsExactly("recoveryBeforeWeekSix",
        "urgentIntakeAndCorrections", "relapseWithinFourWeeks", "relapseWhileSick", "spoor1ToTheEnd", "spoor2AndWia",
        "earlyIva");
    assertThat(results).allSatisfy(p -> assertThat(p.outcome()).as(p.toString()).isEqualTo(Outcome.REACHED_END));
    assertThat(path(results, "spoor2AndWia").stepsDone()).contains("Task_StartSpoor2", "Task_WiaApplication");
    assertThat(path(results, "earlyIva").stepsDone()).contains("Task_DiscussEarlyIva");
    assertThat(path(results, "relapseWithinFourWeeks").stepsDone()).contains("Message_Relapse",
        "Task_UpdateAnalysisAfterRelapse");
  }

  @Test
  void aGatewayWhoseConditionsCannotHoldFailsThePathsThroughItAtThatGateway() throws IOException {
    String broken = journey()
        .replace("<bpmn:exclusiveGateway id=\"Gateway_UrgentDoctorContact\" name=\"Spoedcontact bedrijfsarts?\" "
            + "default=\"Flow_UrgentDoctorContactNo\">",
            "<bpmn:exclusiveGateway id=\"Gateway_UrgentDoctorContact\" name=\"Spoedcontact bedrijfsarts?\">")
        .replace("<bpmn:sequenceFlow id=\"Flow_UrgentDoctorContactNo\" name=\"nee\" "
            + "sourceRef=\"Gateway_UrgentDoctorContact\" targetRef=\"Gateway_UrgentDoctorContactJoin\" />",
            "<bpmn:sequenceFlow id=\"Flow_UrgentDoctorContactNo\" name=\"nee\" "
            + "sourceRef=\"Gateway_UrgentDoctorContact\" targetRef=\"Gateway_UrgentDoctorContactJoin\">"
            + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${false}</bpmn:conditionExpression>"
            + "</bpmn:sequenceFlow>");
    assertThat(broken).doesNotContain("default=\"Flow_UrgentDoctorContactNo\"").contains("${false}");

    List<PathResult> results = run(broken);

    assertThat(path(results, "recoveryBeforeWeekSix")).satisfies(p -> {
      assertThat(p.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(p.elementId()).isEqualTo("Gateway_UrgentDoctorContact");
      assertThat(p.elementName()).isEqualTo("Spoedcontact bedrijfsarts?");
      assertThat(p.error()).isNotBlank();
      assertThat(p.stepsDone()).containsExactly("Task_ReportToCompanyDoctor");
    });
    // The urgent route still takes its own flow.
    assertThat(path(results, "urgentIntakeAndCorrections").outcome()).isEqualTo(Outcome.REACHED_END);
  }

  @Test
  void aRemovedSequenceFlowLeavesThePathStuckWhereTheJourneyWaitsInstead() throws IOException {
    String broken = journey().replace("<bpmn:sequenceFlow id=\"Flow_RouteIntakeToUrgentDoctorContact\" "
        + "sourceRef=\"Task_RouteIntake\" targetRef=\"Gateway_UrgentDoctorContact\" />", "")
        .replaceAll("(?s)<bpmndi:BPMNEdge id=\"[^\"]*\" bpmnElement=\"Flow_RouteIntakeToUrgentDoctorContact\">.*?"
            + "</bpmndi:BPMNEdge>", "");
    assertThat(broken).doesNotContain("id=\"Flow_RouteIntakeToUrgentDoctorContact\"");

    List<PathResult> results = run(broken);

    assertThat(path(results, "urgentIntakeAndCorrections")).satisfies(p -> {
      assertThat(p.outcome()).isEqualTo(Outcome.STUCK);
      assertThat(p.expected()).isEqualTo("Task_UrgentDoctorContact");
      assertThat(p.elementId()).isEqualTo("Task_ProblemAnalysis");
      assertThat(p.elementName()).isEqualTo("Probleemanalyse opstellen");
    });
  }

  @Test
  void anExpressionNamingAnUnknownBeanFailsAtItsElement() throws IOException {
    String broken = journey().replace("${journeyDeadlines.relapseWatchEnds(caseId)}",
        "${someoneElsesBean.relapseWatchEnds(caseId)}");

    assertThat(path(run(broken), "recoveryBeforeWeekSix")).satisfies(p -> {
      assertThat(p.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(p.elementId()).isEqualTo("TimerEvent_RelapseWatchEnds");
      assertThat(p.error()).contains("someoneElsesBean");
    });
  }
}
