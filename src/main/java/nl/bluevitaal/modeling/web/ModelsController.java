package nl.bluevitaal.modeling.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.modeling.Draft;
import nl.bluevitaal.modeling.DraftNotFoundException;
import nl.bluevitaal.modeling.ModelOverview;
import nl.bluevitaal.modeling.ModelWorkbench;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The process owner's models: every deployed process and decision with its versions ({@code /modellen}), one model
 * with the diagram of a chosen version, its history and its drafts ({@code /modellen/{key}}), a version's file to
 * download, and a new draft copied from a version. The workbench service refuses everyone but process owners.
 */
@Controller
class ModelsController {

  static final String PATH = "/modellen";

  private final ModelWorkbench workbench;
  private final CurrentActor currentActor;
  private final PeopleNames names;

  ModelsController(ModelWorkbench workbench, CurrentActor currentActor, PeopleNames names) {
    this.workbench = workbench;
    this.currentActor = currentActor;
    this.names = names;
  }

  @GetMapping(PATH)
  String models(Model model) {
    List<ModelOverview> models = workbench.models(currentActor.get());
    model.addAttribute("models", models);
    model.addAttribute("names", names.of(models.stream().flatMap(PeopleNames::people)));
    return "modeling/models";
  }

  @GetMapping(PATH + "/{key}")
  String model(@PathVariable String key, @RequestParam(name = "versie", required = false) String versionParam,
      Model model) {
    ModelOverview overview = workbench.model(currentActor.get(), key);
    int shown = versionParam == null ? overview.latest().version() : number(versionParam, key);
    ModelOverview.Version version = overview.versions().stream().filter(v -> v.version() == shown).findFirst()
        .orElseThrow(() -> new DraftNotFoundException("model " + key + " v" + versionParam));
    model.addAttribute("model", overview);
    model.addAttribute("shown", version);
    model.addAttribute("names", names.of(overview));
    return "modeling/model";
  }

  @GetMapping(PATH + "/{key}/versies/{version}/bestand")
  ResponseEntity<byte[]> download(@PathVariable String key, @PathVariable String version) {
    Actor actor = currentActor.get();
    ModelOverview overview = workbench.model(actor, key);
    int number = number(version, key);
    String xml = workbench.deployedXml(actor, key, number);
    return file(xml, key + "-v" + number + "." + overview.kind().extension());
  }

  @PostMapping(PATH + "/{key}/versies/{version}/concept")
  String newDraft(@PathVariable String key, @PathVariable String version) {
    Draft draft = workbench.newDraft(currentActor.get(), key, number(version, key));
    return "redirect:" + DraftController.PATH + "/" + draft.id();
  }

  static ResponseEntity<byte[]> file(String xml, String fileName) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** A version number from the address; anything else is a version that does not exist. */
  static int number(String value, String key) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new DraftNotFoundException("model " + key + " v" + value);
    }
  }

  static UUID draftId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new DraftNotFoundException("draft " + value);
    }
  }
}
