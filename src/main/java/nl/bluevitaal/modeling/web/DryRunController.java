package nl.bluevitaal.modeling.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ModelChanges;
import nl.bluevitaal.journey.ModelContract;
import nl.bluevitaal.journey.ModelDryRun;
import nl.bluevitaal.journey.ModelFile;
import nl.bluevitaal.journey.ModelViolation;
import nl.bluevitaal.journey.UnreadableModelException;
import nl.bluevitaal.modeling.Draft;
import nl.bluevitaal.modeling.ModelWorkbench;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dry run of a process draft ({@code /modellen/processen/{key}/proefrit}): a BPMN file uploaded (Camunda Modeler
 * stays a first-class editor) is compared with the version that runs now and run along every path of the journey on
 * an engine of its own. Process owners only; nothing of a case is shown, the paths run on synthetic cases.
 */
@Controller
class DryRunController {

  static final String PATH = "/modellen/processen/{key}/proefrit";
  /** A BPMN model of the journey is some 200 kB; anything far larger is not one. */
  static final long MAX_MODEL_BYTES = 2L * 1024 * 1024;
  private static final String FIELD = "model";

  private final ModelDryRun dryRun;
  private final ModelChanges changes;
  private final ModelContract contract;
  private final ModelWorkbench workbench;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;

  DryRunController(ModelDryRun dryRun, ModelChanges changes, ModelContract contract, ModelWorkbench workbench,
      CurrentActor currentActor, AccessPolicy policy) {
    this.dryRun = dryRun;
    this.changes = changes;
    this.contract = contract;
    this.workbench = workbench;
    this.currentActor = currentActor;
    this.policy = policy;
  }

  @GetMapping(PATH)
  String page(@PathVariable String key, Model model) {
    processOwner(key);
    model.addAttribute("form", FormState.empty());
    return show(key, model);
  }

  /**
   * A draft of the workbench, at its latest revision, instead of an uploaded file: the draft page's "Proefrit" button.
   */
  // Its own address, not a "params" condition on PATH: Spring checks a params condition on every request it matches
  // against, which made a multipart body without a boundary on any other address a parse failure (500).
  @PostMapping(PATH + "/concept")
  String runDraft(@PathVariable String key, @RequestParam("concept") String draftId, Model model) {
    processOwner(key);
    Actor actor = currentActor.get();
    Draft draft = workbench.draft(actor, ModelsController.draftId(draftId));
    if (!draft.modelKey().equals(key)) {
      throw new NotFoundException("Dit concept hoort niet bij dit model.");
    }
    model.addAttribute("fileName", draft.fileName());
    model.addAttribute("draft", draft);
    return run(key, workbench.draftXml(actor, draft.id(), draft.revision()).getBytes(StandardCharsets.UTF_8), model);
  }

  @PostMapping(PATH)
  String run(@PathVariable String key, @RequestParam(name = FIELD, required = false) MultipartFile file,
      Model model) throws IOException {
    processOwner(key);
    if (file == null || file.isEmpty()) {
      model.addAttribute("form", FormState.empty().withError(FIELD, "modeling.dryrun.error.empty"));
      return show(key, model);
    }
    if (file.getSize() > MAX_MODEL_BYTES) {
      model.addAttribute("form", FormState.empty().withError(FIELD, "modeling.dryrun.error.tooLarge"));
      return show(key, model);
    }
    model.addAttribute("fileName", file.getOriginalFilename());
    return run(key, file.getBytes(), model);
  }

  /**
   * What changes, then the model contract, then the dry run: a draft's expressions run on the dry run's own engine,
   * but they run, so a draft that breaks the contract (code of its own, a bean or method the journey does not offer)
   * is shown its broken rules and never run.
   */
  private String run(String key, byte[] draft, Model model) {
    try {
      model.addAttribute("comparison", changes.againstDeployed(key, draft));
      List<ModelViolation> violations = contract.checkBeforeDeployment(new ModelFile(key + ".bpmn", draft));
      model.addAttribute("violations", violations);
      if (violations.isEmpty()) {
        model.addAttribute("report", dryRun.run(key, draft));
        policy.recordUse(currentActor.get(), "modeling: dry run of a draft of " + key);
      }
      model.addAttribute("form", FormState.empty());
    } catch (UnreadableModelException e) {
      // The engine's or the parser's reason, beside the field: the process owner fixes the file and tries again.
      model.addAttribute("form", FormState.of(Map.of(FIELD, e.getMessage()))
          .withError(FIELD, "modeling.dryrun.error.unreadable"));
    }
    return show(key, model);
  }

  private String show(String key, Model model) {
    model.addAttribute("key", key);
    return "modeling/dryrun";
  }

  /** Only a process owner tries drafts; anyone else is refused (and recorded). A key without a dry run is unknown. */
  private void processOwner(String key) {
    Actor actor = currentActor.get();
    if (!actor.isIn(Groups.PROCESS_OWNER)) {
      // The key is the caller's text: only a known one is written into the audit trail.
      throw policy.roleRefusal(actor, null, "dry run of " + (dryRun.keys().contains(key) ? key : "an unknown model"));
    }
    if (!dryRun.keys().contains(key)) {
      throw new NotFoundException("Voor dit model bestaat geen proefrit.");
    }
  }
}
