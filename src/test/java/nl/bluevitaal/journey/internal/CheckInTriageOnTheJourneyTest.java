package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Only the triage level of a check-in becomes a process variable of the case's journey: never the answers, the score
 * or the note, neither in the running journey nor in the engine's history, and the check-in's decision leaves no
 * decision instance (whose inputs the history would keep) behind.
 */
@ApplicationTest
class CheckInTriageOnTheJourneyTest {

  @Autowired
  CheckIns checkIns;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;

  @Test
  void onlyTheLevelReachesTheJourneyNeverTheScoreOrTheNote() {
    People people = fixtures.people("cv");
    ProcessInstance journey = journey(people.caseId());
    Map<String, Object> before = runtimeService.getVariables(journey.getId());

    checkIns.submit(people.asEmployee(), people.caseId(), new NewCheckIn(null, List.of(2, 2, 2, 2, 1),
        "NOTITIE-MARKER slecht geslapen", UUID.randomUUID(), null));

    Map<String, Object> after = runtimeService.getVariables(journey.getId());
    assertThat(after).containsEntry(Var.CHECK_IN_TRIAGE, "AMBER");
    assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(plus(before.keySet(), Var.CHECK_IN_TRIAGE));
    List<HistoricVariableInstance> history = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(journey.getId()).list();
    assertThat(history).extracting(HistoricVariableInstance::getName)
        .doesNotContain(ReintegrationJourneyProcess.CheckInInput.SCORE_PCT,
            ReintegrationJourneyProcess.CheckInInput.INSTRUMENT, Var.CHECK_IN_TRIAGE_REASON);
    assertThat(history).extracting(HistoricVariableInstance::getValue).map(String::valueOf)
        .noneMatch(value -> value.contains("NOTITIE-MARKER"));
    assertThat(historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ReintegrationJourneyProcess.DECISION_CHECK_IN_TRIAGE).count()).isZero();

    checkIns.submit(people.asEmployee(), people.caseId(), new NewCheckIn(null, List.of(1, 1, 1, 1, 1), null,
        UUID.randomUUID(), null));
    assertThat(runtimeService.getVariable(journey.getId(), Var.CHECK_IN_TRIAGE)).isEqualTo("RED");
  }

  private ProcessInstance journey(UUID caseId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
        .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).singleResult();
  }

  private static Set<String> plus(Set<String> names, String name) {
    Set<String> all = new HashSet<>(names);
    all.add(name);
    return all;
  }
}
