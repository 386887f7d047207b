package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.privacy.EngineHistory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The retention job's port to the engine: removes everything the engine remembers of one case. The engine's history
 * is part of the re-integration file, so it goes when that file's retention ends, not after the models' own
 * historyTimeToLive. Runs in the caller's transaction (the engine shares Spring's transaction manager).
 */
@Component
class CamundaCaseHistory implements EngineHistory {

  private static final Logger log = LoggerFactory.getLogger(CamundaCaseHistory.class);

  private final HistoryService historyService;
  private final RuntimeService runtimeService;

  CamundaCaseHistory(HistoryService historyService, RuntimeService runtimeService) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
  }

  @Override
  public int deleteHistoryOf(UUID caseId) {
    String key = caseId.toString();
    long running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()
        + runtimeService.createProcessInstanceQuery().variableValueEquals(Var.CASE_ID, key).count();
    if (running > 0) {
      throw new IllegalStateException("Case " + caseId + " still has a running journey; its history stays");
    }
    List<String> ids = new ArrayList<>(instancesOf(key));
    if (ids.isEmpty()) {
      return 0;
    }
    // Decision and operation-log history hang off the process instance; remove them explicitly so nothing of the
    // case survives whichever way the engine version cascades.
    for (String id : ids) {
      for (HistoricDecisionInstance decision : historyService.createHistoricDecisionInstanceQuery()
          .processInstanceId(id).list()) {
        historyService.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
      }
      for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery().processInstanceId(id).list()) {
        historyService.deleteUserOperationLogEntry(entry.getId());
      }
    }
    historyService.deleteHistoricProcessInstancesIfExists(ids);
    log.info("Case {}: engine history of {} process instance(s) deleted", caseId, ids.size());
    return ids.size();
  }

  /** The case's journeys (business key, or the case id variable) and every instance they called, transitively. */
  private Set<String> instancesOf(String key) {
    Set<String> ids = new LinkedHashSet<>();
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(p -> ids.add(p.getId()));
    historyService.createHistoricProcessInstanceQuery().variableValueEquals(Var.CASE_ID, key).list()
        .forEach(p -> ids.add(p.getId()));
    List<String> frontier = new ArrayList<>(ids);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String parent : frontier) {
        for (HistoricProcessInstance child : historyService.createHistoricProcessInstanceQuery()
            .superProcessInstanceId(parent).list()) {
          if (ids.add(child.getId())) {
            next.add(child.getId());
          }
        }
      }
      frontier = next;
    }
    return ids;
  }
}
