package nl.bluevitaal.journey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * The journey's models as the engine has them deployed: every process and decision key with its versions, the model
 * file of a version, reading an uploaded or edited file, and deploying a new version. The process owners' workbench
 * asks here; no engine type crosses this port. A deployment made here is named apart from the release's own
 * start-up deployment, so the release's duplicate filtering never compares a release file with a workbench version
 * (see {@code docs/modeling.md}, "which version wins").
 */
public interface JourneyModels {

  /** A BPMN process or a DMN decision; the file extension follows. */
  enum Kind {
    PROCESS("bpmn"), DECISION("dmn");

    private final String extension;

    Kind(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  /** Where a version came from: the application's own files at start-up, or the process owners' workbench. */
  enum Origin {
    RELEASE, WORKBENCH
  }

  /**
   * One deployed version. {@code runningInstances} counts the process instances on it now (a case runs one journey
   * and several watches); a decision has none.
   */
  record ModelVersion(String key, Kind kind, String name, int version, String versionTag, String deploymentId,
      Origin origin, Instant deployedAt, long runningInstances) {
  }

  /** A key with its versions, newest first. */
  record Model(String key, Kind kind, String name, List<ModelVersion> versions) {

    public Model {
      versions = List.copyOf(versions);
    }

    public ModelVersion latest() {
      return versions.get(0);
    }

    public Optional<ModelVersion> version(int number) {
      return versions.stream().filter(v -> v.version() == number).findFirst();
    }
  }

  /** What the model reader found in a file: its one process or decision. */
  record ModelFile(String key, Kind kind, String name, String versionTag) {
  }

  /** The version a deployment made. */
  record Deployed(String key, int version, String versionTag, String deploymentId) {
  }

  /** Every deployed key, processes first, each by name. */
  List<Model> models();

  Optional<Model> model(String key);

  /** The newest deployed version of a process: its name and number, without counting what runs on it. */
  record LatestProcess(String key, String name, int version) {
  }

  /** The newest version of the process {@code key}, for pages that need no counts (the counts read every instance). */
  Optional<LatestProcess> latestProcess(String key);

  /** The file of that version as it was deployed. */
  Optional<String> xml(String key, int version);

  /**
   * Reads a file as the engine's model reader does and checks that it holds the process or decision {@code key} of
   * this kind; throws {@link UnreadableModelException} otherwise.
   */
  ModelFile read(String key, Kind kind, String xml);

  /**
   * Deploys the file as the next version of {@code key} with this version tag set on it, and a decision's test cases
   * beside it ({@code <key>.tests.csv}, when given) so that the version carries the cases it passed. The one way a
   * model reaches the engine from the workbench; the workbench checks the model contract and the test cases in front
   * of it. Throws {@link UnreadableModelException} when the file is not a model of that key or the engine refuses to
   * parse it.
   */
  Deployed deploy(String key, Kind kind, String xml, String versionTag, @Nullable String tests);

  /** A file that is not a model of the key and kind asked for, or that the engine does not accept. */
  class UnreadableModelException extends RuntimeException {

    /**
     * Why, for a message to the process owner. {@code OTHER_MODELS}: one file, one model, so that what the second
     * process owner approves (one diagram, one comparison, one set of test cases) is all that deploys.
     */
    public enum Reason {
      NOT_A_MODEL, WRONG_KEY, OTHER_MODELS, NOT_EXECUTABLE, REFUSED_BY_ENGINE
    }

    private final Reason reason;

    public UnreadableModelException(Reason reason, String detail) {
      super(detail);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }
}
