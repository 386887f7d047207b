package nl.bluevitaal.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.journey.JourneyRequests.Request;
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the employee or the counsellor may ask for at any moment of a case (an expert opinion from UWV, a second
 * opinion, early IVA): each starts its own steps of the journey.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/journey-requests")
@Tag(name = "Journey requests", description = "Expert opinion, second opinion and early IVA, asked at any time")
class JourneyRequestsController {

  record NewRequest(@NotNull Request request) {
  }

  private final JourneyRequests requests;
  private final CurrentActor currentActor;

  JourneyRequestsController(JourneyRequests requests, CurrentActor currentActor) {
    this.requests = requests;
    this.currentActor = currentActor;
  }

  @GetMapping
  @Operation(summary = "The requests the caller may make in this case now (empty for everyone but its employee and "
      + "counsellor)")
  Set<Request> open(@PathVariable UUID caseId) {
    return requests.openTo(currentActor.get(), caseId);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @ApiResponse(responseCode = "202", description = "Asked: the first step of the request is open")
  @ApiResponse(responseCode = "403", description = "Not for the caller (problem+json)")
  @ApiResponse(responseCode = "409", description = "The journey does not take it now: after week 68 for early IVA, "
      + "one of its kind still running, a case that is not open (problem+json)")
  @Operation(summary = "Ask for an expert opinion (employee or counsellor), a second opinion (employee, or the "
      + "counsellor for them) or early IVA (the employee, until week 68)")
  void request(@PathVariable UUID caseId, @Valid @RequestBody NewRequest request) {
    requests.request(currentActor.get(), caseId, request.request());
  }
}
