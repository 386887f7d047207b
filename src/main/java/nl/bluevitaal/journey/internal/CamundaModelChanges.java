package nl.bluevitaal.journey.internal;

import java.io.IOException;
import java.io.InputStream;
import nl.bluevitaal.journey.ModelChanges;
import nl.bluevitaal.journey.UnreadableModelException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** Compares a draft with the latest deployed version of its key, read from the engine's repository. */
@Component
class CamundaModelChanges implements ModelChanges {

  private final RepositoryService repositoryService;

  CamundaModelChanges(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public Comparison againstDeployed(String key, byte[] draft) {
    ProcessDefinition deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    byte[] before = deployed == null ? null : model(deployed.getId());
    return new Comparison(key, deployed == null ? null : deployed.getVersion(), BpmnDiff.compare(before, draft, key));
  }

  byte[] model(String processDefinitionId) {
    try (InputStream in = repositoryService.getProcessModel(processDefinitionId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UnreadableModelException("Het uitgerolde model kon niet gelezen worden.", e);
    }
  }
}
