package nl.bluevitaal.modeling.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import nl.bluevitaal.modeling.Draft;
import nl.bluevitaal.modeling.ModelWorkbench;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editor's save: the file and the revision the editor was loaded with; the answer is the new revision. A save
 * over someone else's is 409 with the latest revision (nothing is overwritten; the editor keeps what was drawn), a
 * file that is no model of the draft's key 400 (problem+json).
 */
@RestController
class DraftApiController {

  private final ModelWorkbench workbench;
  private final CurrentActor currentActor;

  DraftApiController(ModelWorkbench workbench, CurrentActor currentActor) {
    this.workbench = workbench;
    this.currentActor = currentActor;
  }

  @Operation(summary = "Save a draft of a model as its next revision (process owners)")
  @PutMapping("/api/modellen/concepten/{draftId}")
  Map<String, Object> save(@PathVariable String draftId, @Valid @RequestBody DraftForms.Save save) {
    Draft draft = workbench.save(currentActor.get(), ModelsController.draftId(draftId), save.revision(), save.xml(),
        Draft.Source.EDITOR);
    return Map.of("id", draft.id(), "revision", draft.revision());
  }
}
