package nl.bluevitaal.journey.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.bluevitaal.journey.JourneyModels;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The engine's side of {@link JourneyModels}. The release's files are deployed at start-up under the starter's
 * deployment name; the workbench deploys under {@link #WORKBENCH_DEPLOYMENT}, which is how a version's origin is told
 * and why a release never compares its files with a workbench version.
 */
@Component
class CamundaJourneyModels implements JourneyModels {

  static final String WORKBENCH_DEPLOYMENT = "BlueVitaal-werkplaats";
  static final String WORKBENCH_SOURCE = "modeling";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  CamundaJourneyModels(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  @Override
  public List<Model> models() {
    Map<String, Deployment> deployments = repositoryService.createDeploymentQuery().list().stream()
        .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    List<Model> models = new ArrayList<>();
    models.addAll(group(repositoryService.createProcessDefinitionQuery().list().stream()
        .map(d -> version(d, deployments)).toList()));
    models.addAll(group(repositoryService.createDecisionDefinitionQuery().list().stream()
        .map(d -> version(d, deployments)).toList()));
    return models;
  }

  @Override
  public Optional<Model> model(String key) {
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    List<ModelVersion> versions = new ArrayList<>();
    for (ProcessDefinition d : repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).list()) {
      versions.add(version(d, deployment(d.getDeploymentId(), deployments)));
    }
    for (DecisionDefinition d : repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).list()) {
      versions.add(version(d, deployment(d.getDeploymentId(), deployments)));
    }
    return group(versions).stream().findFirst();
  }

  @Override
  public Optional<LatestProcess> latestProcess(String key) {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    return Optional.ofNullable(latest)
        .map(d -> new LatestProcess(d.getKey(), nameOf(d.getName(), d.getKey()), d.getVersion()));
  }

  @Override
  public Optional<String> xml(String key, int version) {
    ProcessDefinition process = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (process != null) {
      return Optional.of(read(repositoryService.getProcessModel(process.getId())));
    }
    DecisionDefinition decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .decisionDefinitionVersion(version).singleResult();
    return decision == null ? Optional.empty()
        : Optional.of(read(repositoryService.getDecisionModel(decision.getId())));
  }

  @Override
  public ModelFile read(String key, Kind kind, String xml) {
    if (kind == Kind.PROCESS) {
      Process process = process(bpmn(xml), key);
      return new ModelFile(key, kind, process.getName(), process.getCamundaVersionTag());
    }
    Decision decision = decision(dmn(xml), key);
    return new ModelFile(key, kind, decision.getName(), decision.getVersionTag());
  }

  @Override
  public Deployed deploy(String key, Kind kind, String xml, String versionTag, @Nullable String tests) {
    String tagged;
    if (kind == Kind.PROCESS) {
      BpmnModelInstance model = bpmn(xml);
      process(model, key).setCamundaVersionTag(versionTag);
      tagged = Bpmn.convertToString(model);
    } else {
      DmnModelInstance model = dmn(xml);
      decision(model, key).setVersionTag(versionTag);
      tagged = Dmn.convertToString(model);
    }
    DeploymentWithDefinitions deployment;
    try {
      var builder = repositoryService.createDeployment().name(WORKBENCH_DEPLOYMENT).source(WORKBENCH_SOURCE)
          .addString(key + "." + kind.extension(), tagged);
      if (kind == Kind.DECISION && tests != null) {
        builder.addString(key + ".tests.csv", tests);
      }
      deployment = builder.deployWithResult();
    } catch (ProcessEngineException e) {
      throw new UnreadableModelException(UnreadableModelException.Reason.REFUSED_BY_ENGINE, e.getMessage());
    }
    int version = kind == Kind.PROCESS
        ? deployment.getDeployedProcessDefinitions().stream().filter(d -> d.getKey().equals(key)).findFirst()
            .orElseThrow().getVersion()
        : deployment.getDeployedDecisionDefinitions().stream().filter(d -> d.getKey().equals(key)).findFirst()
            .orElseThrow().getVersion();
    return new Deployed(key, version, versionTag, deployment.getId());
  }

  private ModelVersion version(ProcessDefinition d, Map<String, Deployment> deployments) {
    Deployment deployment = deployments.get(d.getDeploymentId());
    long running = runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
    return new ModelVersion(d.getKey(), Kind.PROCESS, nameOf(d.getName(), d.getKey()), d.getVersion(),
        d.getVersionTag(), d.getDeploymentId(), origin(deployment), deployedAt(deployment), running);
  }

  private ModelVersion version(DecisionDefinition d, Map<String, Deployment> deployments) {
    Deployment deployment = deployments.get(d.getDeploymentId());
    return new ModelVersion(d.getKey(), Kind.DECISION, nameOf(d.getName(), d.getKey()), d.getVersion(),
        d.getVersionTag(), d.getDeploymentId(), origin(deployment), deployedAt(deployment), 0);
  }

  private Map<String, Deployment> deployment(String id, Map<String, Deployment> known) {
    known.computeIfAbsent(id, i -> repositoryService.createDeploymentQuery().deploymentId(i).singleResult());
    return known;
  }

  /** One model per key, its versions newest first; the models by kind, then name (the journey before its watch). */
  private static List<Model> group(Collection<ModelVersion> versions) {
    Map<String, List<ModelVersion>> byKey = versions.stream().collect(Collectors.groupingBy(ModelVersion::key,
        LinkedHashMap::new, Collectors.toList()));
    return byKey.values().stream()
        .map(list -> {
          List<ModelVersion> sorted = list.stream()
              .sorted(Comparator.comparingInt(ModelVersion::version).reversed()).toList();
          ModelVersion latest = sorted.get(0);
          return new Model(latest.key(), latest.kind(), latest.name(), sorted);
        })
        .sorted(Comparator.comparing(Model::kind).thenComparing(Model::name))
        .toList();
  }

  private static Origin origin(Deployment deployment) {
    return deployment != null && WORKBENCH_DEPLOYMENT.equals(deployment.getName()) ? Origin.WORKBENCH : Origin.RELEASE;
  }

  private static Instant deployedAt(Deployment deployment) {
    return deployment == null || deployment.getDeploymentTime() == null ? null
        : deployment.getDeploymentTime().toInstant();
  }

  private static String nameOf(String name, String key) {
    return name == null || name.isBlank() ? key : name;
  }

  private static BpmnModelInstance bpmn(String xml) {
    try {
      return Bpmn.readModelFromStream(stream(xml));
    } catch (ModelException e) {
      throw new UnreadableModelException(UnreadableModelException.Reason.NOT_A_MODEL, e.getMessage());
    }
  }

  private static DmnModelInstance dmn(String xml) {
    try {
      return Dmn.readModelFromStream(stream(xml));
    } catch (ModelException e) {
      throw new UnreadableModelException(UnreadableModelException.Reason.NOT_A_MODEL, e.getMessage());
    }
  }

  private static Process process(BpmnModelInstance model, String key) {
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    Process process = processes.stream().filter(p -> key.equals(p.getId())).findFirst()
        .orElseThrow(() -> new UnreadableModelException(UnreadableModelException.Reason.WRONG_KEY,
            "no process " + key));
    // A second process in the file would deploy beside the key unseen: bpmn-js draws one diagram, and the contract's
    // comparison and the approval are about the key.
    if (processes.size() > 1) {
      throw new UnreadableModelException(UnreadableModelException.Reason.OTHER_MODELS, "more processes than " + key);
    }
    if (!process.isExecutable()) {
      throw new UnreadableModelException(UnreadableModelException.Reason.NOT_EXECUTABLE, key + " is not executable");
    }
    return process;
  }

  private static Decision decision(DmnModelInstance model, String key) {
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    Decision decision = decisions.stream().filter(d -> key.equals(d.getId())).findFirst()
        .orElseThrow(() -> new UnreadableModelException(UnreadableModelException.Reason.WRONG_KEY,
            "no decision " + key));
    // As for processes: another decision in the file would deploy without its own test cases.
    if (decisions.size() > 1) {
      throw new UnreadableModelException(UnreadableModelException.Reason.OTHER_MODELS, "more decisions than " + key);
    }
    return decision;
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream((xml == null ? "" : xml).getBytes(StandardCharsets.UTF_8));
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("model file unreadable", e);
    }
  }
}
