package nl.bluevitaal.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyModels;
import nl.bluevitaal.journey.JourneyModels.Origin;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Which version wins when the application starts after a process owner deployed a version from the workbench
 * (docs/modeling.md): the start-up deployment (the starter's own, run here again as at a restart) leaves the
 * workbench's version the latest while the release's file is unchanged, and deploys a file the release changed as
 * the newest version, which the models page marks as having replaced the workbench's.
 */
@ApplicationTest
class WhichVersionWinsTest {

  private static final String KEY = "FirstYearNextStep";

  @Autowired
  ModelWorkbench workbench;
  @Autowired
  JourneyModels models;
  @Autowired
  RepositoryService repository;
  @Autowired
  ProcessEngine engine;
  @Autowired
  SpringProcessEngineConfiguration configuration;

  @Test
  void theReleaseRedeploysOnlyTheFilesItChangedSoAWorkbenchVersionStaysUntilTheReleaseChangesThatModel()
      throws Exception {
    assertThat(configuration.isDeployChangedOnly()).isTrue();
    int journeyVersions = models.model("ReintegrationJourney").orElseThrow().versions().size();
    int workbenchVersion = deployFromTheWorkbench();

    restart(configuration.getDeploymentResources());
    assertThat(latest().getVersion()).isEqualTo(workbenchVersion);
    assertThat(models.model(KEY).orElseThrow().latest().origin()).isEqualTo(Origin.WORKBENCH);
    assertThat(models.model("ReintegrationJourney").orElseThrow().versions()).hasSize(journeyVersions);

    Resource[] release = configuration.getDeploymentResources();
    Resource[] changed = Arrays.stream(release).map(this::changedIfFirstYear).toArray(Resource[]::new);
    try {
      restart(changed);
    } finally {
      configuration.setDeploymentResources(release);
    }
    assertThat(latest().getVersion()).isEqualTo(workbenchVersion + 1);
    assertThat(latest().getName()).isEqualTo("Vervolgspoor na de eerstejaarsevaluatie");
    assertThat(models.model("ReintegrationJourney").orElseThrow().versions()).hasSize(journeyVersions);

    ModelOverview overview = workbench.model(CaseFixtures.actor("po", Groups.PROCESS_OWNER), KEY);
    assertThat(overview.latest().origin()).isEqualTo(Origin.RELEASE);
    assertThat(overview.latest().replacedWorkbenchVersion()).isTrue();
    assertThat(overview.versions().get(1).origin()).isEqualTo(Origin.WORKBENCH);
  }

  private int deployFromTheWorkbench() {
    var gerda = CaseFixtures.actor(CaseFixtures.tag("gerda"), Groups.PROCESS_OWNER);
    var ilse = CaseFixtures.actor(CaseFixtures.tag("ilse"), Groups.PROCESS_OWNER);
    Draft draft = workbench.newDraft(gerda, KEY, latest().getVersion());
    workbench.propose(gerda, draft.id(), 1, "Ongewijzigd, nieuwe versietag");
    return workbench.approve(ilse, draft.id(), 1).deployedVersion();
  }

  /** The release's changed file: same resource name as before, another decision name. */
  private Resource changedIfFirstYear(Resource resource) {
    try {
      String text = resource.getContentAsString(StandardCharsets.UTF_8);
      if (!text.contains("<decision id=\"" + KEY + "\"")) {
        return resource;
      }
      String name = repository.getDecisionDefinition(latestFromRelease().getId()).getResourceName();
      String changed = text.replace("name=\"Vervolgspoor na eerstejaarsevaluatie\"",
          "name=\"Vervolgspoor na de eerstejaarsevaluatie\"");
      // The starter names a byte-array resource by its description; the plain one would wrap it in words.
      return new ByteArrayResource(changed.getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getDescription() {
          return name;
        }
      };
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the starter does at start-up, with the engine's own method. */
  private void restart(Resource[] resources) throws Exception {
    configuration.setDeploymentResources(resources);
    Method deploy = SpringTransactionsProcessEngineConfiguration.class.getDeclaredMethod("autoDeployResources",
        ProcessEngine.class);
    deploy.setAccessible(true);
    deploy.invoke(configuration, engine);
  }

  private DecisionDefinition latest() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion().singleResult();
  }

  private DecisionDefinition latestFromRelease() {
    List<DecisionDefinition> all = repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY)
        .orderByDecisionDefinitionVersion().desc().list();
    return all.stream()
        .filter(d -> "SpringAutoDeployment".equals(repository.createDeploymentQuery().deploymentId(d.getDeploymentId())
            .singleResult().getName()))
        .findFirst().orElseThrow();
  }
}
