package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import nl.bluevitaal.journey.ModelChanges;
import nl.bluevitaal.journey.ModelDryRun.Outcome;
import nl.bluevitaal.journey.ModelDryRun.PathResult;
import nl.bluevitaal.journey.ModelDryRun;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.UnreadableModelException;
import nl.bluevitaal.support.ApplicationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dry run of a draft on its own in-memory engine: the journey as deployed runs every path to its end, a broken
 * draft is caught at the element that breaks it, and the application's engine and clock are left as they were.
 */
@ApplicationTest
class ModelDryRunTest {

  @Autowired ModelDryRun dryRun;
  @Autowired ModelChanges changes;
  @Autowired RuntimeService runtimeService;
  @Autowired Clock clock;

  static String journey() throws IOException {
    return Files.readString(Path.of("processes/ReintegrationJourney.bpmn"));
  }

  static ModelDryRun.Report run(ModelDryRun dryRun, String key, String model) {
    return dryRun.run(key, model.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theJourneyAsDeployedRunsEveryPathToItsEndWithoutTouchingTheApplication() throws IOException {
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    ModelDryRun.Report report = run(dryRun, ReintegrationJourneyProcess.PROCESS_KEY, journey());

    assertThat(report.paths()).extracting(PathResult::path).containsExactly("recoveryBeforeWeekSix",
        "urgentIntakeAndCorrections", "relapseWithinFourWeeks", "relapseWhileSick", "spoor1ToTheEnd", "spoor2AndWia",
        "earlyIva");
    assertThat(report.paths()).allSatisfy(path -> assertThat(path.outcome()).as(path.toString())
        .isEqualTo(Outcome.REACHED_END));
    assertThat(report.paths()).filteredOn(p -> p.path().equals("spoor2AndWia")).singleElement()
        .satisfies(p -> assertThat(p.stepsDone()).contains("Task_StartSpoor2", "Task_WiaApplication"));
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    // The paths ran two years ahead on their own clock; the application's is still at today.
    assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.now(clock.getZone()));
  }

  @Test
  void theWatchAsDeployedRunsEveryPathToItsEnd() throws IOException {
    String watch = Files.readString(Path.of("processes/MilestoneWatch.bpmn"));

    assertThat(run(dryRun, ReintegrationJourneyProcess.WATCH_PROCESS_KEY, watch).allReachedTheEnd()).isTrue();
  }

  @Test
  void aModelTheEngineRefusesOrAFileOfAnotherProcessIsUnreadable() throws IOException {
    assertThatThrownBy(() -> run(dryRun, ReintegrationJourneyProcess.PROCESS_KEY,
        journey().replace(" camunda:historyTimeToLive=\"730\"", "")))
        .isInstanceOf(UnreadableModelException.class).hasMessageContaining("1 regel(s) van het modelcontract");
    assertThatThrownBy(() -> run(dryRun, ReintegrationJourneyProcess.WATCH_PROCESS_KEY, journey()))
        .isInstanceOf(UnreadableModelException.class);
    assertThatThrownBy(() -> run(dryRun, "IntakeRouting", journey())).isInstanceOf(UnreadableModelException.class);
    // Code of its own is never run, not even in the dry run's engine: the model contract stands in front of it.
    assertThatThrownBy(() -> run(dryRun, ReintegrationJourneyProcess.PROCESS_KEY, journey().replace(
        "<bpmn:endEvent id=\"EndEvent_JourneyEnded\" name=\"Traject afgerond\">",
        "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script>"
            + "</bpmn:scriptTask><bpmn:endEvent id=\"EndEvent_JourneyEnded\" name=\"Traject afgerond\">")))
        .isInstanceOf(UnreadableModelException.class).hasMessageContaining("regel(s) van het modelcontract");
  }

  @Test
  void theDeployedJourneyComparedWithItselfChangesNothingAndARenameIsSeen() throws IOException {
    ModelChanges.Comparison same = changes.againstDeployed(ReintegrationJourneyProcess.PROCESS_KEY,
        journey().getBytes(StandardCharsets.UTF_8));
    ModelChanges.Comparison renamed = changes.againstDeployed(ReintegrationJourneyProcess.PROCESS_KEY,
        journey().replace("name=\"Intakegesprek voeren\"", "name=\"Eerste gesprek\"")
            .getBytes(StandardCharsets.UTF_8));

    assertThat(same.deployedVersion()).isNotNull();
    assertThat(same.changes()).isEmpty();
    assertThat(renamed.of(ModelChanges.Kind.RENAMED)).extracting(ModelChanges.Change::elementId)
        .containsExactly("Task_Intake");
  }
}
