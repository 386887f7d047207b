package nl.bluevitaal.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.StepCatalogue;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own open steps of a case, and completing one with its outcome. Everyone takes their steps here
 * (the employee their review and signature, the line manager the plan agreement) — staff may also use Camunda
 * Tasklist. A step that is not the caller's is answered as if it did not exist; one of theirs that was completed
 * meanwhile (by a colleague, or by an earlier submit) is a conflict.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/steps")
@Tag(name = "Journey steps", description = "Open steps of a case for the caller, and completing them")
class JourneyStepsController {

  record StepView(String taskId, String stepKey, String name, @Nullable Instant due,
      List<OutcomeKeyView> outcomeKeys) {
  }

  record OutcomeKeyView(String name, String type, boolean required) {
  }

  record Completion(Map<String, Object> outcome) {
  }

  private final JourneyTasks tasks;
  private final StepCatalogue catalogue;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;

  JourneyStepsController(JourneyTasks tasks, StepCatalogue catalogue, AccessPolicy policy,
      CurrentActor currentActor) {
    this.tasks = tasks;
    this.catalogue = catalogue;
    this.policy = policy;
    this.currentActor = currentActor;
  }

  @GetMapping
  @Operation(summary = "The caller's open steps of this case, earliest due first, with the outcome each step takes")
  List<StepView> openSteps(@PathVariable UUID caseId) {
    Actor actor = currentActor.get();
    policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, "open steps");
    return myOpenSteps(caseId, actor).stream().map(this::view).toList();
  }

  @PostMapping("/{taskId}")
  @ApiResponse(responseCode = "204", description = "The step is done")
  @ApiResponse(responseCode = "404", description = "No such case, or no open step of the caller with this id in it "
      + "(problem+json)")
  @ApiResponse(responseCode = "409", description = "The step was completed or withdrawn meanwhile, its document is "
      + "not ready, or it answers a wish for contact, which closes by recording the contact ('recordContactAt'); "
      + "nothing was changed (problem+json)")
  @Operation(summary = "Completes one of the caller's open steps with its outcome (400 names each wrong key; 409 when"
      + " the step was completed or withdrawn meanwhile)")
  ResponseEntity<Void> complete(@PathVariable UUID caseId, @PathVariable String taskId,
      @RequestBody(required = false) Completion completion) {
    // The step service checks the case, the step and the person inside the completion's transaction: a step done
    // meanwhile is a conflict (409), one that never was the caller's is not found, a wrong outcome names each key.
    tasks.complete(currentActor.get(), caseId, taskId,
        completion == null || completion.outcome() == null ? Map.of() : completion.outcome());
    return ResponseEntity.noContent().build();
  }

  private List<OpenStep> myOpenSteps(UUID caseId, Actor actor) {
    return tasks.openSteps(caseId).stream().filter(s -> s.isFor(actor.userId(), actor.groups())).toList();
  }

  private StepView view(OpenStep step) {
    List<OutcomeKeyView> keys = catalogue.outcomeKeys(step).stream()
        .map(k -> new OutcomeKeyView(k.name(), k.type().name(), k.required())).toList();
    return new StepView(step.taskId(), step.stepKey(), step.name(), step.due(), keys);
  }
}
