package nl.bluevitaal.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.RunningInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Test versions of the real model files for migration tests: the file from {@code processes/}, changed by a text
 * edit, deployed as the next version. Tests share one engine, so {@link #removeAll} moves every instance of a test
 * version back to the version before it and deletes the test deployments, leaving the real model the latest again.
 */
public final class MigrationTestModels {

  private final RepositoryService repository;
  private final CaseMigrations migrations;
  private final List<Deployed> deployed = new ArrayList<>();

  public MigrationTestModels(RepositoryService repository, CaseMigrations migrations) {
    this.repository = repository;
    this.migrations = migrations;
  }

  /** A deployed test version and the version it was made from. */
  public record Deployed(String processKey, int previousVersion, int version, String deploymentId,
      Map<String, String> back) {
  }

  /** The latest version of the process. */
  public int latest(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult()
        .getVersion();
  }

  /** Deploys {@code processes/<key>.bpmn}, edited, as the next version. */
  public Deployed deploy(String processKey, UnaryOperator<String> edit) {
    return deploy(processKey, edit, Map.of());
  }

  /**
   * Deploys {@code processes/<key>.bpmn}, edited, as the next version; {@code back} maps the ids the edit changed
   * back to the old ones, for {@link #removeAll}.
   */
  public Deployed deploy(String processKey, UnaryOperator<String> edit, Map<String, String> back) {
    int previous = latest(processKey);
    String xml = edit.apply(read("processes/" + processKey + ".bpmn"));
    String deploymentId = repository.createDeployment().name("migration-test-" + processKey)
        .addString(processKey + ".bpmn", xml).deploy().getId();
    ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deploymentId)
        .singleResult();
    Deployed result = new Deployed(processKey, previous, definition.getVersion(), deploymentId, back);
    deployed.add(0, result);
    return result;
  }

  /** Renames an element: its name attribute, found by its current Dutch name. */
  public static UnaryOperator<String> rename(String name, String newName) {
    return xml -> xml.replace("name=\"" + name + "\"", "name=\"" + newName + "\"");
  }

  /** Gives an element a new id everywhere the model names it (not its diagram shape's own id). */
  public static UnaryOperator<String> newId(String id, String newId) {
    return xml -> xml.replaceAll(java.util.regex.Pattern.quote(id) + "(?=[\"<])", newId);
  }

  /** Moves every instance of each test version back, then deletes the test deployments, newest first. */
  public void removeAll() {
    for (Deployed d : deployed) {
      List<String> instances = migrations.running(d.processKey(), d.version()).stream()
          .map(RunningInstance::processInstanceId).toList();
      var request = new MigrationRequest(d.processKey(), d.version(), d.previousVersion(), d.back());
      var failed = migrations.migrate(request, instances).stream().filter(o -> !o.succeeded()).toList();
      if (!failed.isEmpty()) {
        throw new IllegalStateException("Could not move back " + failed);
      }
      repository.deleteDeployment(d.deploymentId());
    }
    deployed.clear();
  }

  /** Each open task of the instance: id, name, assignee, due date and candidates, sorted. */
  public static List<String> taskState(TaskService taskService, String instanceId) {
    List<String> state = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(instanceId).list()) {
      List<String> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
          .map(link -> link.getType() + ":" + link.getUserId() + ":" + link.getGroupId()).sorted().toList();
      state.add(task.getId() + "|" + task.getName() + "|" + task.getAssignee() + "|" + task.getDueDate() + "|"
          + candidates);
    }
    return state.stream().sorted().toList();
  }

  /** Each timer of the instance: its activity and due date, sorted. */
  public static List<String> timers(ManagementService managementService, String instanceId) {
    return managementService.createJobQuery().processInstanceId(instanceId).timers().list().stream()
        .map(job -> activityOf(managementService, job) + "@" + job.getDuedate().toInstant()).sorted().toList();
  }

  /** The due date of the instance's timer at the activity. */
  public static java.util.Date timerDue(ManagementService managementService, String instanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(instanceId).timers().list().stream()
        .filter(job -> activityId.equals(activityOf(managementService, job))).map(Job::getDuedate).findFirst()
        .orElseThrow();
  }

  private static String activityOf(ManagementService managementService, Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private static String read(String resource) {
    try (InputStream in = MigrationTestModels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No " + resource + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
