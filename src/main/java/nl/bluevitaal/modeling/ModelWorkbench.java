package nl.bluevitaal.modeling;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.DecisionBench;
import nl.bluevitaal.journey.JourneyModels.Model;
import nl.bluevitaal.journey.JourneyModels.ModelVersion;
import nl.bluevitaal.journey.JourneyModels.Origin;
import nl.bluevitaal.journey.JourneyModels.UnreadableModelException;
import nl.bluevitaal.journey.JourneyModels;
import nl.bluevitaal.journey.ModelContract;
import nl.bluevitaal.journey.ModelFile;
import nl.bluevitaal.journey.ModelViolation;
import nl.bluevitaal.journey.NoSuchDecisionException;
import nl.bluevitaal.modeling.DraftRefusedException.Kind;
import nl.bluevitaal.modeling.internal.DraftRepository.DeploymentNote;
import nl.bluevitaal.modeling.internal.DraftRepository;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process owners' workbench: the deployed models with their versions, drafts saved in revisions, and deployment
 * with four eyes (one process owner proposes, another approves, and the approval deploys the next version with its
 * version tag raised). For process owners only: everyone else is refused (403, audited). Every change is in the audit
 * trail. It sees no case content: counts of running instances only.
 */
@Service
@Transactional
public class ModelWorkbench {

  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  private final JourneyModels models;
  private final ModelContract contract;
  private final DecisionBench bench;
  private final DraftRepository drafts;
  private final AccessPolicy policy;
  private final Clock clock;

  ModelWorkbench(JourneyModels models, ModelContract contract, DecisionBench bench, DraftRepository drafts,
      AccessPolicy policy, Clock clock) {
    this.models = models;
    this.contract = contract;
    this.bench = bench;
    this.drafts = drafts;
    this.policy = policy;
    this.clock = clock;
  }

  /** Every deployed process and decision, with its versions and its unfinished drafts. */
  @Transactional(readOnly = true)
  public List<ModelOverview> models(Actor actor) {
    allow(actor, "models");
    Map<String, DeploymentNote> notes = drafts.deploymentNotes();
    List<Draft> unfinished = drafts.unfinished();
    return models.models().stream()
        .map(m -> overview(m, notes, unfinished.stream().filter(d -> d.modelKey().equals(m.key())).toList()))
        .toList();
  }

  @Transactional(readOnly = true)
  public ModelOverview model(Actor actor, String key) {
    allow(actor, "model " + said(key));
    Model model = models.model(key).orElseThrow(() -> new DraftNotFoundException("model " + key));
    return overview(model, drafts.deploymentNotes(), drafts.unfinished(key));
  }

  /** The file of a deployed version, as the engine has it. */
  @Transactional(readOnly = true)
  public String deployedXml(Actor actor, String key, int version) {
    allow(actor, "model " + said(key) + " v" + version);
    return models.xml(key, version).orElseThrow(() -> new DraftNotFoundException("model " + key + " v" + version));
  }

  /** A new draft: a copy of the deployed version, as its first revision. */
  public Draft newDraft(Actor actor, String key, int version) {
    allow(actor, "new draft of " + said(key));
    Model model = models.model(key).orElseThrow(() -> new DraftNotFoundException("model " + key));
    model.version(version).orElseThrow(() -> new DraftNotFoundException("model " + key + " v" + version));
    String xml = models.xml(key, version).orElseThrow();
    Draft draft = new Draft(UUID.randomUUID(), key, model.kind(), version, Draft.Status.OPEN, 1, actor.userId(),
        now(), null, null, null, null, null);
    drafts.insert(draft, xml, model.latest().version());
    policy.recordAction(actor, "modeling: draft " + draft.id() + " of " + key + " v" + version + " made");
    return draft;
  }

  @Transactional(readOnly = true)
  public Draft draft(Actor actor, UUID id) {
    allow(actor, "draft " + id);
    return drafts.find(id).orElseThrow(() -> new DraftNotFoundException(id));
  }

  @Transactional(readOnly = true)
  public String draftXml(Actor actor, UUID id, int revision) {
    Draft draft = draft(actor, id);
    if (revision < 1 || revision > draft.revision()) {
      throw new DraftNotFoundException("draft " + id + " revision " + revision);
    }
    return drafts.xml(id, revision);
  }

  @Transactional(readOnly = true)
  public List<Draft.Revision> revisions(Actor actor, UUID id) {
    draft(actor, id);
    return drafts.revisions(id);
  }

  /**
   * Saves the file as the next revision. {@code loadedRevision} is the revision the editor was loaded with: if
   * someone saved since, nothing is overwritten ({@link StaleDraftException}). The file must be a model of the
   * draft's key and kind (the engine's model reader decides).
   */
  public Draft save(Actor actor, UUID id, int loadedRevision, String xml, Draft.Source source) {
    allow(actor, "save draft " + id);
    Draft draft = drafts.lock(id).orElseThrow(() -> new DraftNotFoundException(id));
    editable(draft);
    if (draft.revision() != loadedRevision) {
      throw new StaleDraftException(draft.revision());
    }
    readable(draft, xml);
    int next = draft.revision() + 1;
    drafts.saveRevision(id, next, xml, actor.userId(), now(), source);
    policy.recordAction(actor, "modeling: draft " + id + " of " + draft.modelKey() + " saved as revision " + next
        + " (" + source.name().toLowerCase() + ")");
    return drafts.find(id).orElseThrow();
  }

  /** Proposes the draft for deployment with its change note; another process owner approves or sends it back. */
  public Draft propose(Actor actor, UUID id, int loadedRevision, String changeNote) {
    allow(actor, "propose draft " + id);
    Draft draft = drafts.lock(id).orElseThrow(() -> new DraftNotFoundException(id));
    editable(draft);
    if (draft.revision() != loadedRevision) {
      throw new StaleDraftException(draft.revision());
    }
    String xml = drafts.xml(id, draft.revision());
    readable(draft, xml);
    // A draft that may not run is not put before a second process owner at all.
    requireContract(actor, draft, xml);
    drafts.propose(id, actor.userId(), changeNote.strip());
    policy.recordAction(actor, "modeling: draft " + id + " of " + draft.modelKey() + " revision " + draft.revision()
        + " proposed");
    return drafts.find(id).orElseThrow();
  }

  /** Sends a proposed draft back to be edited, with the reason. Anyone but the proposer may. */
  public Draft reject(Actor actor, UUID id, String reason) {
    allow(actor, "reject draft " + id);
    Draft draft = proposed(actor, id, "reject");
    drafts.reject(id, actor.userId(), reason.strip());
    policy.recordAction(actor, "modeling: draft " + id + " of " + draft.modelKey() + " sent back");
    return drafts.find(id).orElseThrow();
  }

  /**
   * The second process owner approves the proposal, and it deploys at once as the next version: its version tag
   * raised (1.4.0 becomes 1.5.0), the change note kept beside it. The proposer cannot approve their own.
   */
  public Draft approve(Actor actor, UUID id, int reviewedRevision) {
    allow(actor, "approve draft " + id);
    Draft unlocked = drafts.find(id).orElseThrow(() -> new DraftNotFoundException(id));
    // One approval per model at a time: two drafts of one model approved at once would both deploy over the same
    // version, the second undoing the first.
    drafts.lockModel(unlocked.modelKey());
    Draft draft = proposed(actor, id, "approve");
    if (draft.revision() != reviewedRevision) {
      throw new DraftRefusedException(Kind.STATE, "modeling.deploy.error.changed-since-opened", null);
    }
    if (drafts.revisions(id).stream().anyMatch(revision -> actor.userId().equals(revision.savedBy()))) {
      policy.recordRefusal(actor, "modeling: approve a draft they saved themselves, draft " + id + " (four eyes)");
      throw new DraftRefusedException(Kind.FOUR_EYES, "modeling.deploy.error.own-revision", null);
    }
    Model model = models.model(draft.modelKey()).orElseThrow();
    // A version deployed after the draft was made (another draft, or a release) would be silently undone by it.
    if (model.latest().version() > drafts.latestVersionAtCreation(id)) {
      throw new DraftRefusedException(Kind.STATE, "modeling.deploy.error.newer-version", null);
    }
    String versionTag = nextVersionTag(model.versions());
    String xml = drafts.xml(id, draft.revision());
    // Checked again at the moment it deploys: the running version it is held against may have changed since.
    String tests = requireContract(actor, draft, xml);
    JourneyModels.Deployed deployed;
    try {
      deployed = models.deploy(draft.modelKey(), draft.kind(), xml, versionTag, tests);
    } catch (UnreadableModelException e) {
      throw invalidFile(e);
    }
    drafts.deployed(id, actor.userId(), deployed.version());
    drafts.insertDeployment(deployed.deploymentId(), draft.modelKey(), deployed.version(), versionTag, id,
        draft.proposedBy(), actor.userId(), now(), draft.changeNote());
    policy.recordAction(actor, "modeling: draft " + id + " of " + draft.modelKey() + " approved");
    policy.recordAction(actor, "modeling: " + draft.modelKey() + " v" + deployed.version() + " (" + versionTag
        + ") deployed, deployment " + deployed.deploymentId());
    return drafts.find(id).orElseThrow();
  }

  /**
   * The model contract (the same check as the build's over {@code processes/} and {@code decisions/}) and, for a
   * decision, its test cases run on the draft: any broken rule or failing case refuses the step, audited. Returns the
   * decision's test cases, which deploy beside it.
   */
  private String requireContract(Actor actor, Draft draft, String xml) {
    boolean decision = draft.kind() == JourneyModels.Kind.DECISION;
    ModelFile file = ModelFile.of(draft.modelKey() + (decision ? ".dmn" : ".bpmn"), xml);
    List<ModelViolation> violations = contract.checkBeforeDeployment(file);
    String tests = null;
    DecisionBench.Report report = null;
    // A decision the contract finds broken (one that does not even parse) is not run on the bench.
    if (decision && violations.isEmpty()) {
      tests = bench.tests(draft.modelKey());
      report = bench.run(new DecisionBench.DecisionModel(draft.modelKey(), xml.getBytes(StandardCharsets.UTF_8),
          tests));
    }
    if (!violations.isEmpty() || (report != null && !report.passed())) {
      policy.recordRefusal(actor, "modeling: draft " + draft.id() + " of " + draft.modelKey() + " breaks "
          + violations.size() + " rule(s) of the model contract"
          + (report == null ? "" : " and fails " + report.failures() + " test case(s)"));
      throw new DraftBreaksContractException(violations, report);
    }
    return tests;
  }

  /**
   * A decision draft's test cases run on its latest revision, shown after every save; null for a process, and for a
   * decision that does not parse (the contract says why when it is proposed).
   */
  @Transactional(readOnly = true)
  public DecisionBench.Report tests(Actor actor, UUID id) {
    allow(actor, "test draft " + id);
    Draft draft = drafts.find(id).orElseThrow(() -> new DraftNotFoundException(id));
    if (draft.kind() != JourneyModels.Kind.DECISION) {
      return null;
    }
    String xml = drafts.xml(id, draft.revision());
    // The bench evaluates the table's expressions: only a table the contract allows may run on the server.
    List<ModelViolation> violations = contract.checkBeforeDeployment(ModelFile.of(draft.modelKey() + ".dmn", xml));
    if (!violations.isEmpty()) {
      return DecisionBench.Report.refusedByContract(violations.size());
    }
    try {
      return bench.run(new DecisionBench.DecisionModel(draft.modelKey(), xml.getBytes(StandardCharsets.UTF_8),
          bench.tests(draft.modelKey())));
    } catch (NoSuchDecisionException e) {
      return null;
    }
  }

  /** The version tag after the highest one deployed: its minor number raised, patch back to 0. */
  static String nextVersionTag(List<ModelVersion> versions) {
    int major = 1;
    int minor = -1;
    for (ModelVersion version : versions) {
      Matcher m = version.versionTag() == null ? null : SEMVER.matcher(version.versionTag().strip());
      if (m != null && m.matches()) {
        int ma = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        if (ma > major || (ma == major && mi > minor)) {
          major = ma;
          minor = mi;
        }
      }
    }
    return major + "." + (minor + 1) + ".0";
  }

  private Draft proposed(Actor actor, UUID id, String step) {
    Draft draft = drafts.lock(id).orElseThrow(() -> new DraftNotFoundException(id));
    if (draft.status() != Draft.Status.PROPOSED) {
      throw new DraftRefusedException(Kind.STATE, "modeling.deploy.error.not-proposed", null);
    }
    if (actor.userId().equals(draft.proposedBy())) {
      policy.recordRefusal(actor, "modeling: " + step + " own proposal, draft " + id + " (four eyes)");
      throw new DraftRefusedException(Kind.FOUR_EYES, "modeling.deploy.error.own-proposal", null);
    }
    return draft;
  }

  private void readable(Draft draft, String xml) {
    try {
      models.read(draft.modelKey(), draft.kind(), xml);
    } catch (UnreadableModelException e) {
      throw invalidFile(e);
    }
  }

  private static DraftRefusedException invalidFile(UnreadableModelException e) {
    String key = switch (e.reason()) {
      case NOT_A_MODEL -> "modeling.draft.error.not-a-model";
      case WRONG_KEY -> "modeling.draft.error.wrong-key";
      case OTHER_MODELS -> "modeling.draft.error.other-models";
      case NOT_EXECUTABLE -> "modeling.draft.error.not-executable";
      case REFUSED_BY_ENGINE -> "modeling.draft.error.engine";
    };
    return new DraftRefusedException(Kind.INVALID_FILE, key, e.getMessage());
  }

  private static void editable(Draft draft) {
    if (!draft.editable()) {
      throw new DraftRefusedException(Kind.STATE, "modeling.draft.error.not-editable", null);
    }
  }

  /** A key from the address, as it may go into the audit trail: only the characters a model id has. */
  private static String said(String key) {
    return key != null && key.matches("[A-Za-z0-9_-]{1,64}") ? key : "(an unreadable key)";
  }

  private void allow(Actor actor, String what) {
    if (actor == null || !actor.isIn(Groups.PROCESS_OWNER)) {
      throw policy.roleRefusal(actor, null, "modeling: " + what);
    }
  }

  private ModelOverview overview(Model model, Map<String, DeploymentNote> notes, List<Draft> unfinished) {
    List<ModelOverview.Version> versions = new ArrayList<>();
    List<ModelVersion> all = model.versions();
    for (int i = 0; i < all.size(); i++) {
      ModelVersion v = all.get(i);
      DeploymentNote note = v.origin() == Origin.WORKBENCH ? notes.get(v.key() + "#" + v.version()) : null;
      // Newest first: the next in the list is the version this one replaced.
      boolean replacedWorkbench = v.origin() == Origin.RELEASE && i + 1 < all.size()
          && all.get(i + 1).origin() == Origin.WORKBENCH;
      versions.add(new ModelOverview.Version(v.version(), v.versionTag(), v.origin(), v.deployedAt(),
          v.runningInstances(), note == null ? null : note.proposedBy(), note == null ? null : note.approvedBy(),
          note == null ? null : note.changeNote(), replacedWorkbench));
    }
    return new ModelOverview(model.key(), model.kind(), model.name(), versions, unfinished);
  }

  private Instant now() {
    return clock.instant();
  }
}
