package nl.bluevitaal.modeling.web;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
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

/**
 * The model contract on its own ({@code /modellen/controle}): a process owner pastes a model (the XML of a file from
 * Camunda Modeler, say) and sees, in Dutch, each rule it breaks and at which element, checked as before a deployment:
 * against the version running now. Nothing is stored or deployed here. A paste, not a file upload: the application
 * takes no multipart bodies ({@code spring.servlet.multipart.enabled=false}).
 */
@Controller
class ModelCheckController {

  static final String PATH = "/modellen/controle";
  private static final String FIELD = "xml";

  private final ModelContract contract;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;

  ModelCheckController(ModelContract contract, CurrentActor currentActor, AccessPolicy policy) {
    this.contract = contract;
    this.currentActor = currentActor;
    this.policy = policy;
  }

  /** The pasted model. */
  record CheckForm(@Nullable String xml) {
  }

  @GetMapping(PATH)
  String form(Model model) {
    processOwner();
    return page(FormState.empty(), null, null, model);
  }

  @PostMapping(PATH)
  String check(@Valid @ModelAttribute("check") CheckForm form, BindingResult result, Model model) {
    processOwner();
    String xml = form.xml() == null ? "" : form.xml().strip();
    Map<String, String> typed = Map.of(FIELD, xml);
    if (xml.isEmpty()) {
      return page(new FormState(typed, Map.of(FIELD, "modeling.contract.paste.required"), null), null, null, model);
    }
    // The kind of model, by the namespace its definitions declare: the contract reads a .bpmn or a .dmn.
    String name = xml.contains("omg.org/spec/BPMN/") ? "model.bpmn" : xml.contains("omg.org/spec/DMN/")
        ? "model.dmn" : null;
    if (name == null) {
      return page(new FormState(typed, Map.of(FIELD, "modeling.contract.paste.type"), null), null, null, model);
    }
    List<ModelViolation> violations = contract.checkBeforeDeployment(new ModelFile(name,
        xml.getBytes(StandardCharsets.UTF_8)));
    return page(FormState.of(typed), name, violations, model);
  }

  private String page(FormState form, @Nullable String kind, @Nullable List<ModelViolation> violations,
      Model model) {
    model.addAttribute("form", form);
    model.addAttribute("kind", kind);
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
