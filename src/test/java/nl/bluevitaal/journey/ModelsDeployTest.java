package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real model files deploy on a bare engine: no fluent models, which would hide a missing historyTimeToLive. */
class ModelsDeployTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-junit5.cfg.xml").build();

  @Test
  @Deployment(resources = {"processes/ReintegrationJourney.bpmn", "processes/MilestoneWatch.bpmn",
      "decisions/IntakeRouting.dmn", "decisions/FirstYearNextStep.dmn", "decisions/EscalationLadder.dmn"})
  void modelsDeployWithVersionTagAndHistoryTimeToLive() {
    ProcessEngine processEngine = engine.getProcessEngine();
    List<ProcessDefinition> processes = processEngine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(processes).extracting(ProcessDefinition::getKey)
        .containsExactlyInAnyOrder(ReintegrationJourneyProcess.PROCESS_KEY, ReintegrationJourneyProcess.WATCH_PROCESS_KEY);
    assertThat(processes).allSatisfy(p -> {
      assertThat(p.getVersionTag()).isNotBlank();
      assertThat(p.getHistoryTimeToLive()).isEqualTo(730);
    });
    List<DecisionDefinition> decisions = processEngine.getRepositoryService().createDecisionDefinitionQuery().list();
    assertThat(decisions).extracting(DecisionDefinition::getKey).containsExactlyInAnyOrder(
        ReintegrationJourneyProcess.DECISION_INTAKE_ROUTING, ReintegrationJourneyProcess.DECISION_FIRST_YEAR_NEXT_STEP,
        ReintegrationJourneyProcess.DECISION_ESCALATION_LADDER);
    assertThat(decisions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(730));
  }
}
