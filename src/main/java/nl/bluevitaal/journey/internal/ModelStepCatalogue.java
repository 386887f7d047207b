package nl.bluevitaal.journey.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.bluevitaal.journey.StepCatalogue;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The {@link StepCatalogue} read from the deployed models ({@link StepModel}), kept per deployed version: a version
 * is read once.
 */
@Component
class ModelStepCatalogue implements StepCatalogue {

  private record Entry(List<OutcomeKey> outcomeKeys, Optional<Milestone> deadline, Optional<StepDocument> document) {
  }

  private final RepositoryService repositoryService;
  private final Map<String, Map<String, Entry>> byDefinition = new ConcurrentHashMap<>();

  ModelStepCatalogue(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public List<OutcomeKey> outcomeKeys(String modelVersion, String stepKey) {
    Entry entry = steps(modelVersion).get(stepKey);
    return entry == null ? List.of() : entry.outcomeKeys();
  }

  @Override
  public Optional<Milestone> deadline(String modelVersion, String stepKey) {
    Entry entry = steps(modelVersion).get(stepKey);
    return entry == null ? Optional.empty() : entry.deadline();
  }

  @Override
  public Optional<StepDocument> document(String modelVersion, String stepKey) {
    Entry entry = steps(modelVersion).get(stepKey);
    return entry == null ? Optional.empty() : entry.document();
  }

  /** A deployed version never changes: read once. */
  private Map<String, Entry> steps(String modelVersion) {
    return byDefinition.computeIfAbsent(modelVersion, id -> read(repositoryService.getBpmnModelInstance(id)));
  }

  private static Map<String, Entry> read(BpmnModelInstance model) {
    Map<String, Entry> steps = new java.util.HashMap<>();
    for (UserTask step : model.getModelElementsByType(UserTask.class)) {
      steps.put(step.getId(), new Entry(List.copyOf(StepModel.outcomeKeys(step)), StepModel.deadline(step),
          StepModel.document(step)));
    }
    return Map.copyOf(steps);
  }
}
