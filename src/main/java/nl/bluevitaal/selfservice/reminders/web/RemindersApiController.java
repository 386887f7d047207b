package nl.bluevitaal.selfservice.reminders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import nl.bluevitaal.selfservice.reminders.ReminderSettings;
import nl.bluevitaal.selfservice.reminders.Reminders;
import nl.bluevitaal.selfservice.web.OwnCase;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own reminders, as the app's page sets them. */
@RestController
@Tag(name = "Reminders", description = "The reminders an employee opts into, and their consent to e-mail")
class RemindersApiController {

  /** The reminders as the API shows and takes them; {@code version} 0 before the first save. */
  record RemindersBody(@Nullable DayOfWeek checkInDay, @NotNull Boolean waitingSteps, @NotNull Boolean byEmail,
      @NotNull @Min(0) Integer version) {

    static RemindersBody of(ReminderSettings settings) {
      return new RemindersBody(settings.checkInDay(), settings.waitingSteps(), settings.byEmail(),
          settings.version());
    }
  }

  private final OwnCase ownCase;
  private final Reminders reminders;

  RemindersApiController(OwnCase ownCase, Reminders reminders) {
    this.ownCase = ownCase;
    this.reminders = reminders;
  }

  @GetMapping("/api/reminders")
  @ApiResponse(responseCode = "200", description = "The caller's reminders")
  @ApiResponse(responseCode = "403", description = "Not an employee (problem+json)")
  @ApiResponse(responseCode = "404", description = "The caller has no case (problem+json)")
  @Operation(summary = "The caller's own reminders")
  RemindersBody get() {
    OwnCase.Owner own = ownCase.require("reminder settings");
    return RemindersBody.of(reminders.settings(own.actor(), own.caseId()));
  }

  @PutMapping("/api/reminders")
  @ApiResponse(responseCode = "200", description = "Saved; the new version")
  @ApiResponse(responseCode = "400", description = "A missing or wrong field, or e-mail without an address on the "
      + "account (problem+json, a Dutch message per field)")
  @ApiResponse(responseCode = "403", description = "Not an employee (problem+json)")
  @ApiResponse(responseCode = "409", description = "Changed since the version given (problem+json)")
  @Operation(summary = "Sets the caller's reminders",
      description = "checkInDay null: no check-in reminder. byEmail true gives consent to get notices by e-mail; "
          + "false withdraws it at once.")
  RemindersBody put(@Valid @RequestBody RemindersBody body) {
    OwnCase.Owner own = ownCase.require("reminder settings");
    return RemindersBody.of(reminders.save(own.actor(), own.caseId(), body.version(),
        new ReminderSettings.Choice(body.checkInDay(), body.waitingSteps(), body.byEmail())));
  }
}
