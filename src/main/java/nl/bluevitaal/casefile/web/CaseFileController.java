package nl.bluevitaal.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contact moments and goals (domain C) of a case. */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Contact moments and goals", description = "Conversation notes (a confidential note stays with the "
    + "author's professional circle and the employee) and the goals agreed with the employee, with progress.")
class CaseFileController {

  private final ContactMoments contactMoments;
  private final Goals goals;
  private final CurrentActor actor;

  CaseFileController(ContactMoments contactMoments, Goals goals, CurrentActor actor) {
    this.contactMoments = contactMoments;
    this.goals = goals;
    this.actor = actor;
  }

  @GetMapping("/contact-moments")
  @Operation(summary = "The contact moments the caller may see, oldest first")
  List<ContactMoment> contactMoments(@PathVariable UUID caseId) {
    return contactMoments.list(actor.get(), caseId);
  }

  record NewContactMomentRequest(
      OffsetDateTime happenedAt,
      @NotNull ContactMoment.Kind kind,
      @NotBlank @Size(max = ContactMoment.MAX_SUMMARY) String summary,
      boolean confidential) {
  }

  @PostMapping("/contact-moments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a contact moment (counsellor of the case)")
  ContactMoment addContactMoment(@PathVariable UUID caseId, @Valid @RequestBody NewContactMomentRequest request) {
    return contactMoments.add(actor.get(), caseId, request.happenedAt(), request.kind(), request.summary(),
        request.confidential());
  }

  @GetMapping("/goals")
  @Operation(summary = "The goals of the case with their progress")
  List<Goal> goals(@PathVariable UUID caseId) {
    return goals.list(actor.get(), caseId);
  }

  record GoalRequest(
      @NotBlank @Size(max = Goal.MAX_TITLE) String title,
      @Size(max = Goal.MAX_DESCRIPTION) String description,
      @NotNull @Min(0) @Max(100) Integer progress,
      Goal.Status status,
      LocalDate agreedWithEmployeeOn,
      Integer version) {
  }

  @PostMapping("/goals")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a goal agreed with the employee (counsellor of the case)")
  Goal addGoal(@PathVariable UUID caseId, @Valid @RequestBody GoalRequest request) {
    return goals.add(actor.get(), caseId, request.title(), request.description(), request.progress(),
        request.agreedWithEmployeeOn());
  }

  @PutMapping("/goals/{goalId}")
  @ApiResponse(responseCode = "200", description = "The goal as updated")
  @ApiResponse(responseCode = "409", description = "Stale version: `currentVersion` and the `submitted` input "
      + "(problem+json)")
  @Operation(summary = "Update a goal and its progress; quotes the goal version, 409 with the input when stale")
  Goal updateGoal(@PathVariable UUID caseId, @PathVariable UUID goalId, @Valid @RequestBody GoalRequest request) {
    if (request.version() == null) {
      throw new FieldErrorsException(java.util.Map.of("version", "must not be null"));
    }
    try {
      return goals.update(actor.get(), caseId, goalId, request.version(), request.title(), request.description(),
          request.progress(), request.status() == null ? Goal.Status.OPEN : request.status(),
          request.agreedWithEmployeeOn());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }
}
