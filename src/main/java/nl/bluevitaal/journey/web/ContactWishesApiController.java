package nl.bluevitaal.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.ContactMoment;
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
 * the company doctor they chose, shared with that person only. That person closes it as the page "Contact opnemen"
 * does: by recording the contact made, a contact moment in the case file.
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

  /** The contact made: its kind, the day, a short note for the case file (no medical data). */
  record ContactMade(@NotNull ContactMoment.Kind kind, @NotNull @PastOrPresent LocalDate happenedOn,
      @Nullable @Size(max = ContactWishes.MAX_CONTACT_NOTE) String summary) {
  }

  private final ContactWishes wishes;
  private final CurrentActor currentActor;
  private final Clock clock;

  ContactWishesApiController(ContactWishes wishes, CurrentActor currentActor, Clock clock) {
    this.wishes = wishes;
    this.currentActor = currentActor;
    this.clock = clock;
  }

  /** Where the person a wish is for records the contact that closes its step. */
  static String contactPath(UUID caseId, String taskId) {
    return "/api/cases/" + caseId + "/contact-requests/steps/" + taskId + "/contact";
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

  @PostMapping("/steps/{taskId}/contact")
  @Operation(summary = "The person a wish is for records the contact made, which closes the wish and its step",
      description = "The same as the page 'Contact opnemen': a contact moment in the case file (the company doctor's "
          + "is confidential: it stays within the care professionals and the employee), the wish answered for the "
          + "employee, the step done. The steps API refuses this step (409) and points here.")
  @ApiResponse(responseCode = "200", description = "Recorded: the wish as closed")
  @ApiResponse(responseCode = "404", description = "No such case, or no wish for the caller behind this step "
      + "(problem+json)")
  @ApiResponse(responseCode = "409", description = "The wish was closed meanwhile; nothing was changed (problem+json)")
  ContactWish contactMade(@PathVariable UUID caseId, @PathVariable String taskId,
      @Valid @RequestBody ContactMade made) {
    return wishes.close(currentActor.get(), caseId, taskId, OffsetDateTime.of(made.happenedOn(),
        LocalTime.now(clock), clock.getZone().getRules().getOffset(clock.instant())), made.kind(), made.summary());
  }
}
