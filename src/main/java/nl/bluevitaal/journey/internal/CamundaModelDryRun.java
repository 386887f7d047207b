package nl.bluevitaal.journey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.journey.ModelContract;
import nl.bluevitaal.journey.ModelDryRun;
import nl.bluevitaal.journey.ModelFile;
import nl.bluevitaal.journey.ModelViolation;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.UnreadableModelException;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs {@link DryRunPaths} against a draft on a {@link DryRunEngine}: the draft beside the latest deployed versions of
 * the other journey models and of every decision, read from the application's repository (read only).
 */
@Component
class CamundaModelDryRun implements ModelDryRun {

  private static final List<String> KEYS = List.of(ReintegrationJourneyProcess.PROCESS_KEY,
      ReintegrationJourneyProcess.WATCH_PROCESS_KEY);

  private final RepositoryService repositoryService;
  private final ModelContract contract;
  private final DeadlineEngine deadlines;
  private final JourneyProperties properties;
  private final Clock clock;
  private final JavaDelegate routeIntake;

  CamundaModelDryRun(RepositoryService repositoryService, DeadlineEngine deadlines, JourneyProperties properties,
      Clock clock, @Qualifier("routeIntake") JavaDelegate routeIntake, ModelContract contract) {
    this.repositoryService = repositoryService;
    this.contract = contract;
    this.deadlines = deadlines;
    this.properties = properties;
    this.clock = clock;
    this.routeIntake = routeIntake;
  }

  @Override
  public List<String> keys() {
    return KEYS;
  }

  @Override
  public Report run(String key, byte[] draft) {
    if (!KEYS.contains(key)) {
      throw new UnreadableModelException("Voor " + key + " bestaat geen proefrit.");
    }
    String processId = BpmnDiff.processId(draft);
    if (!key.equals(processId)) {
      throw new UnreadableModelException("Het bestand bevat proces " + processId + ", niet " + key + ".");
    }
    // A dry run executes the draft: only a draft the model contract allows (the journey's own beans and methods,
    // no code of its own) runs, whoever calls this.
    List<ModelViolation> broken = contract.checkBeforeDeployment(new ModelFile(key + ".bpmn", draft));
    if (!broken.isEmpty()) {
      throw new UnreadableModelException("Een proefrit voert het model uit op de server; dit model breekt "
          + broken.size() + " regel(s) van het modelcontract, eerst: " + broken.get(0).element() + ".");
    }
    try (DryRunEngine engine = new DryRunEngine(clock.getZone(), LocalDate.now(clock), deadlines, properties,
        routeIntake)) {
      engine.deploy(resources(key, draft));
      return new Report(key, DryRunPaths.all().stream().map(engine::run).toList());
    }
  }

  /** The draft, the other process models as deployed now, and every decision as deployed now. */
  private Map<String, byte[]> resources(String key, byte[] draft) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(key + ".bpmn", draft);
    for (String other : KEYS) {
      if (other.equals(key)) {
        continue;
      }
      ProcessDefinition deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey(other)
          .latestVersion().singleResult();
      if (deployed != null) {
        resources.put(other + ".bpmn", read(repositoryService.getProcessModel(deployed.getId())));
      }
    }
    for (DecisionDefinition decision : repositoryService.createDecisionDefinitionQuery().latestVersion().list()) {
      String name = decision.getResourceName().replaceAll(".*/", "");
      if (!resources.containsKey(name)) {
        resources.put(name, read(repositoryService.getDecisionModel(decision.getId())));
      }
    }
    return resources;
  }

  private static byte[] read(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UnreadableModelException("Een uitgerold model kon niet gelezen worden.", e);
    }
  }
}
