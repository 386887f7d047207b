package nl.bluevitaal.modeling.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ModelContract;
import nl.bluevitaal.journey.ModelFile;
import nl.bluevitaal.journey.ModelViolation;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

/**
 * The model contract on its own ({@code /modellen/controle}): a process owner uploads a model file (from Camunda
 * Modeler, say) and sees, in Dutch, each rule it breaks and at which element, checked as before a deployment: against
 * the version running now. Nothing is stored or deployed here.
 */
@Controller
class ModelCheckController {

  static final String PATH = "/modellen/controle";
  private static final String FIELD = "model";

  private final ModelContract contract;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;

  ModelCheckController(ModelContract contract, CurrentActor currentActor, AccessPolicy policy) {
    this.contract = contract;
    this.currentActor = currentActor;
    this.policy = policy;
  }

  /** The uploaded model file. */
  record UploadForm(@Nullable MultipartFile model) {
  }

  @GetMapping(PATH)
  String form(Model model) {
    processOwner();
    return page(FormState.empty(), null, null, model);
  }

  @PostMapping(PATH)
  String check(@Valid @ModelAttribute("upload") UploadForm upload, BindingResult result, Model model) {
    processOwner();
    MultipartFile file = upload.model();
    if (file == null || file.isEmpty()) {
      return page(new FormState(Map.of(), Map.of(FIELD, "modeling.contract.upload.required"), null), null, null,
          model);
    }
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
    if (!name.endsWith(".bpmn") && !name.endsWith(".dmn")) {
      return page(new FormState(Map.of(), Map.of(FIELD, "modeling.contract.upload.type"), null), null, null, model);
    }
    try {
      ModelFile checked = new ModelFile(name, file.getBytes());
      return page(FormState.empty(), name, contract.checkBeforeDeployment(checked), model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String page(FormState form, @Nullable String fileName, @Nullable List<ModelViolation> violations,
      Model model) {
    model.addAttribute("form", form);
    model.addAttribute("fileName", fileName);
    model.addAttribute("violations", violations);
    return "modeling/contract";
  }

  private void processOwner() {
    Actor actor = currentActor.get();
    if (!actor.isIn(Groups.PROCESS_OWNER)) {
      throw policy.roleRefusal(actor, null, "model contract check");
    }
  }
}
