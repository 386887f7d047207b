package nl.bluevitaal.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.ContactWish;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The employee's wishes for contact, as the page "Ik wil contact" makes them: each is a step for the counsellor or
 * the company doctor they chose, shared with that person only.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/contact-requests")
@Tag(name = "Contact requests", description = "The employee asks their counsellor or company doctor for contact")
class ContactWishesApiController {

  /**
   * A new wish. {@code share}: consent to share this wish with the person chosen, needed when the employee's sharing
   * settings do not share it already; {@code today}: contact today rather than by the next working day.
   */
  record NewContactRequest(@NotNull ContactWishes.With with, @Nullable ContactWishes.Reason reason,
      @Nullable UUID documentId, @Nullable @Size(max = ContactWishes.MAX_NOTE) String note, @Nullable Boolean share,
      @Nullable Boolean today) {
  }

  private final ContactWishes wishes;
  private final CurrentActor currentActor;

  ContactWishesApiController(ContactWishes wishes, CurrentActor currentActor) {
    this.wishes = wishes;
    this.currentActor = currentActor;
  }

  @GetMapping
  @Operation(summary = "The employee's own wishes for contact in this case, newest first (the employee only)")
  @ApiResponse(responseCode = "200", description = "The wishes, open and answered")
  @ApiResponse(responseCode = "403", description = "Not the case's employee (problem+json)")
  List<ContactWish> mine(@PathVariable UUID caseId) {
    return wishes.mine(currentActor.get(), caseId);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask for contact: a step for the person chosen, due the next working day (or today)")
  @ApiResponse(responseCode = "201", description = "Sent: the step is open for the person chosen")
  @ApiResponse(responseCode = "403", description = "Not the case's employee (problem+json)")
  @ApiResponse(responseCode = "409", description = "A wish with the same person is still open (problem+json)")
  @ApiResponse(responseCode = "422", description = "Not shared: neither the sharing settings nor share=true share it "
      + "with the person chosen, so nobody would see it (problem+json, field share)")
  ContactWish ask(@PathVariable UUID caseId, @Valid @RequestBody NewContactRequest request) {
    return wishes.ask(currentActor.get(), caseId, new ContactWishes.Ask(request.with(),
        request.reason() == null ? ContactWishes.Reason.ANYTIME : request.reason(), request.documentId(),
        request.note(), Boolean.TRUE.equals(request.share()), Boolean.TRUE.equals(request.today())));
  }
}
