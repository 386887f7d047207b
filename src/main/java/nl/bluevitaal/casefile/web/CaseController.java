package nl.bluevitaal.casefile.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDetail;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseLeave;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.ServiceRelated;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cases (domain A) as the caller may see them; functional advice (B) on its own resource, as it is audited. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "The caller's visible cases: dates, phase, work capacity, deadlines (domain A). "
    + "A case the caller may not see answers 404, exactly like one that does not exist.")
class CaseController {

  /** Where a wish for contact is made since the flag was retired (the journey's contact requests). */
  static final String CONTACT_REQUESTS = "/api/cases/{caseId}/contact-requests";

  private final Caseload caseload;
  private final CaseDocuments documents;
  private final CurrentActor actor;

  CaseController(Caseload caseload, CaseDocuments documents, CurrentActor actor) {
    this.caseload = caseload;
    this.documents = documents;
    this.actor = actor;
  }

  @GetMapping
  @Operation(summary = "The cases the caller may see (own case, own team, own caseload); search by name or number",
      description = "Employees see their own case, line managers their team, counsellors and company doctors the "
          + "cases they are assigned to. Management, process owner and administrator get an empty list: no single "
          + "case is theirs to see. The search runs only over the visible cases.")
  List<CaseView> cases(@Parameter(description = "part of the employee's name or the case number")
      @RequestParam(name = "q", required = false) String q) {
    return caseload.visibleCases(actor.get(), q);
  }

  @GetMapping("/{caseId}")
  @Operation(summary = "One case: sick periods, work capacity over time, phase, deadlines (domain A)")
  CaseDetail get(@PathVariable UUID caseId) {
    return caseload.detail(actor.get(), caseId);
  }

  record WorkCapacityRequest(
      @NotNull @Min(0) @Max(100) Integer pct,
      LocalDate from,
      @NotNull Integer version) {
  }

  @PostMapping("/{caseId}/work-capacity")
  @ApiResponse(responseCode = "200", description = "The case with the new work capacity")
  @ApiResponse(responseCode = "409", description = "Stale version: `currentVersion` and the `submitted` input "
      + "(problem+json)")
  @Operation(summary = "Record the work capacity from a date on (counsellor); quotes the case version, 409 when stale")
  CaseDetail workCapacity(@PathVariable UUID caseId, @Valid @RequestBody WorkCapacityRequest request) {
    try {
      return caseload.recordWorkCapacity(actor.get(), caseId, request.pct(), request.from(), request.version());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }

  record UwvNotificationRequest(@NotNull LocalDate receivedOn, @NotNull Integer version) {
  }

  @PutMapping("/{caseId}/uwv-notification")
  @ApiResponse(responseCode = "200", description = "The case with its deadlines recomputed; "
      + "`deadlines[uwvNotification].daysLate` says how many days late UWV received it")
  @ApiResponse(responseCode = "409", description = "Stale version: `currentVersion` and the `submitted` input "
      + "(problem+json)")
  @Operation(summary = "Record the day UWV received the 42-week notification (counsellor); quotes the case version",
      description = "Received later than the first day after the uwvNotification deadline, it moves the final "
          + "evaluation, the WIA application and the end of wage payment one day per day late. 400 on `receivedOn` "
          + "in the future or before the case's first sick day.")
  CaseDetail uwvNotification(@PathVariable UUID caseId, @Valid @RequestBody UwvNotificationRequest request) {
    try {
      return caseload.recordUwvNotification(actor.get(), caseId, request.receivedOn(), request.version());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }

  record ServiceRelatedRequest(
      @NotNull @Schema(description = "Whether the illness is caused by the service (dienstongeval or beroepsziekte);"
          + " a yes, no or unknown, never a reason") ServiceRelated serviceRelated,
      @NotNull Integer version) {
  }

  @PutMapping("/{caseId}/service-related")
  @ApiResponse(responseCode = "200", description = "The case with the service relation recorded")
  @ApiResponse(responseCode = "409", description = "Stale version: `currentVersion` and the `submitted` input "
      + "(problem+json)")
  @Operation(summary = "Record whether the illness is caused by the service (counsellor); quotes the case version, "
      + "409 when stale",
      description = "Administrative (domain A): it keeps full pay under the police's framework. Never a diagnosis.")
  CaseDetail serviceRelated(@PathVariable UUID caseId, @Valid @RequestBody ServiceRelatedRequest request) {
    try {
      return caseload.recordServiceRelated(actor.get(), caseId, request.serviceRelated(), request.version());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }

  record LeaveRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
  }

  @PostMapping("/{caseId}/leaves")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record pregnancy and birth leave on the case (counsellor); `to` is the last day of leave",
      description = "The sick periods directly before it (recovered on `from`) and after it (sick from the day after "
          + "`to`) are one case whatever its length; its days are not counted. 400 on `from` or `to` when the leave "
          + "ends before it starts or overlaps a sick period or another leave.")
  CaseLeave recordLeave(@PathVariable UUID caseId, @Valid @RequestBody LeaveRequest request) {
    return caseload.recordLeave(actor.get(), caseId, request.from(), request.to());
  }

  @DeleteMapping("/{caseId}/leaves/{leaveId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @ApiResponse(responseCode = "204", description = "Removed; the deadlines are recomputed", content = @Content)
  @ApiResponse(responseCode = "409", description = "The leave is no longer recorded, or it joins two sick periods of "
      + "the case (problem+json)")
  @Operation(summary = "Remove a recorded pregnancy and birth leave (counsellor)")
  void removeLeave(@PathVariable UUID caseId, @PathVariable UUID leaveId) {
    caseload.removeLeave(actor.get(), caseId, leaveId);
  }

  /**
   * The old contact flag, retired: it set a flag on the case that reached nobody. A wish for contact is now a step
   * for the person the employee chooses, with their consent ({@link #CONTACT_REQUESTS}); this answers 410 and says
   * where to go, so an old client fails loudly instead of believing it asked for contact. It is no longer part of
   * the API's description; it answers the same for every case, so it tells nobody whether a case exists.
   */
  @Hidden
  @PutMapping("/{caseId}/contact-wish")
  ResponseEntity<ProblemDetail> contactWish(@PathVariable UUID caseId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "The contact flag is retired: ask for "
        + "contact with POST " + CONTACT_REQUESTS + " (with: COUNSELLOR or DOCTOR, share: true unless the sharing "
        + "settings share it), which makes a step for that person.");
    problem.setTitle("Gone");
    problem.setProperty("replacedBy", CONTACT_REQUESTS.replace("{caseId}", caseId.toString()));
    return ResponseEntity.status(HttpStatus.GONE).body(problem);
  }

  @GetMapping("/{caseId}/functional-advice")
  @ApiResponse(responseCode = "200", description = "The latest functional advice released")
  @ApiResponse(responseCode = "204", description = "None released yet", content = @Content)
  @Operation(summary = "The latest released functional advice: limitations, abilities, advice, adjustments (domain B)",
      description = "No diagnosis, ever. 204 when the company doctor has not released any yet.")
  ResponseEntity<CaseDocuments.FunctionalAdviceView> functionalAdvice(@PathVariable UUID caseId) {
    CaseDocuments.FunctionalAdviceView advice = documents.functionalAdvice(actor.get(), caseId);
    return advice == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(advice);
  }
}
