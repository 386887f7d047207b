package nl.bluevitaal.journey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.bluevitaal.journey.CheckInTriage;
import nl.bluevitaal.journey.NoSuchDecisionException;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.CheckInInput;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The {@link CheckInTriage} on the engine's repository: the latest deployed version of the decision, parsed once per
 * version and evaluated by a DMN engine of its own. Not through the engine's decision service, on purpose: that one
 * writes every input into the history (ACT_HI_DEC_IN), and a check-in's score is the employee's own (domain E).
 */
@Component
class CamundaCheckInTriage implements CheckInTriage {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final DmnEngine dmn = FeelOnlyDmnEngine.build(List.of());
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  CamundaCheckInTriage(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  @Override
  public Outcome triage(String instrument, int scorePercentage) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(latest(), Variables.createVariables()
        .putValue(CheckInInput.INSTRUMENT, instrument).putValue(CheckInInput.SCORE_PCT, scorePercentage))
        .getFirstResult();
    if (result == null) {
      // A table edited to leave a gap: the safe side is an offer of contact, never silence.
      return new Outcome(Level.AMBER, "NO_RULE_MATCHED");
    }
    String level = result.getEntry(Var.CHECK_IN_TRIAGE);
    String reason = result.getEntry(Var.CHECK_IN_TRIAGE_REASON);
    return new Outcome(Level.valueOf(level), reason == null ? "" : reason);
  }

  @Override
  public void recordOutcome(UUID caseId, Level level) {
    for (ProcessInstance journey : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId.toString()).processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY)
        .active().list()) {
      runtimeService.setVariable(journey.getId(), Var.CHECK_IN_TRIAGE, level.name());
    }
  }

  private DmnDecision latest() {
    String key = ReintegrationJourneyProcess.DECISION_CHECK_IN_TRIAGE;
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new NoSuchDecisionException(key);
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      try (InputStream in = repositoryService.getDecisionModel(id)) {
        return dmn.parseDecision(key, in);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
