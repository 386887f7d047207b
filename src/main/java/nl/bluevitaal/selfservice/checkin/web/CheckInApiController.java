package nl.bluevitaal.selfservice.checkin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.journey.CheckInTriage.Level;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import nl.bluevitaal.selfservice.web.OwnCase;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-ins over the API: the employee submits their own (also the phone app sending a check-in it kept while
 * offline, with its own time and id) and reads them; the company doctor or a care professional reads a case's
 * check-ins while the employee shares them with care.
 */
@RestController
@Tag(name = "Check-ins", description = "The employee's weekly check-ins with their triage (domain E)")
class CheckInApiController {

  /**
   * A check-in as sent. {@code clientId}: made by the device, so a check-in sent twice is stored once;
   * {@code takenAt}: when it was filled in, at most the configured period ago (default 7 days), null for now.
   */
  record CheckInRequest(@Nullable String instrument, @NotNull List<Integer> answers,
      @Nullable @Size(max = NewCheckIn.MAX_NOTE, message = "De notitie is te lang: hoogstens 1000 tekens.") String note,
      @NotNull UUID clientId, @Nullable OffsetDateTime takenAt) {
  }

  /** A check-in as the API shows it; {@code alreadyReceived}: this id was sent before, nothing changed now. */
  record CheckInResponse(UUID id, UUID clientId, String instrument, List<Integer> answers, int scorePercentage,
      @Nullable String note, Level level, String reason, OffsetDateTime takenAt, OffsetDateTime receivedAt,
      boolean alreadyReceived) {

    static CheckInResponse of(CheckIn c, boolean alreadyReceived) {
      return new CheckInResponse(c.id(), c.clientId(), c.instrument(), c.answers(), c.scorePercentage(), c.note(),
          c.level(), c.reason(), c.takenAt(), c.receivedAt(), alreadyReceived);
    }
  }

  private final CheckIns checkIns;
  private final OwnCase ownCase;
  private final CurrentActor currentActor;

  CheckInApiController(CheckIns checkIns, OwnCase ownCase, CurrentActor currentActor) {
    this.checkIns = checkIns;
    this.ownCase = ownCase;
    this.currentActor = currentActor;
  }

  @PostMapping("/api/check-ins")
  @ApiResponse(responseCode = "201", description = "Stored and triaged")
  @ApiResponse(responseCode = "200", description = "Sent before with this clientId: the stored one, unchanged")
  @ApiResponse(responseCode = "400", description = "A missing or wrong answer, a note too long, a time out of "
      + "limits, or an instrument that may not be used (problem+json, a Dutch message per field)")
  @ApiResponse(responseCode = "403", description = "Not an employee (problem+json)")
  @ApiResponse(responseCode = "404", description = "The caller has no case (problem+json)")
  @Operation(summary = "Submits the caller's check-in for their own case",
      description = "Triaged by the decision CheckInTriage; only the level is set on the case's journey.")
  ResponseEntity<CheckInResponse> submit(@Valid @RequestBody CheckInRequest request) {
    OwnCase.Owner owner = owner();
    CheckIns.Submitted submitted = checkIns.submit(owner.actor(), owner.caseId(), new NewCheckIn(
        request.instrument(), request.answers(), request.note(), request.clientId(), request.takenAt()));
    return ResponseEntity.status(submitted.alreadyReceived() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(CheckInResponse.of(submitted.checkIn(), submitted.alreadyReceived()));
  }

  @GetMapping("/api/check-ins")
  @ApiResponse(responseCode = "200", description = "The caller's check-ins, newest first")
  @ApiResponse(responseCode = "403", description = "Not an employee (problem+json)")
  @ApiResponse(responseCode = "404", description = "The caller has no case (problem+json)")
  @Operation(summary = "The caller's own check-ins, newest first")
  List<CheckInResponse> own() {
    OwnCase.Owner owner = owner();
    return checkIns.history(owner.actor(), owner.caseId()).stream().map(c -> CheckInResponse.of(c, false)).toList();
  }

  @GetMapping("/api/cases/{caseId}/check-ins")
  @ApiResponse(responseCode = "200", description = "The case's check-ins, newest first")
  @ApiResponse(responseCode = "403", description = "The caller sees the case but not its check-ins (problem+json)")
  @ApiResponse(responseCode = "404", description = "No such case, or not the caller's (problem+json)")
  @Operation(summary = "A case's check-ins",
      description = "For the employee, and for the company doctor or a care professional of the case while the "
          + "employee shares their check-ins with care. Never for the counsellor or the employer side.")
  List<CheckInResponse> ofCase(@PathVariable UUID caseId) {
    return checkIns.history(currentActor.get(), caseId).stream().map(c -> CheckInResponse.of(c, false)).toList();
  }

  private OwnCase.Owner owner() {
    OwnCase.Owner owner = ownCase.get("check-ins");
    if (owner.caseId() == null) {
      throw new NotFoundException("No case");
    }
    return owner;
  }
}
