package nl.bluevitaal.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.Sharing;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The employee's own-file functions: sharing settings and who looked at the file. */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Privacy", description = "Sharing settings (consent) and the audit trail of a case")
class PrivacyController {

  private final SharingSettings sharing;
  private final AuditTrail auditTrail;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;

  PrivacyController(SharingSettings sharing, AuditTrail auditTrail, AccessPolicy policy, CurrentActor currentActor) {
    this.sharing = sharing;
    this.auditTrail = auditTrail;
    this.policy = policy;
    this.currentActor = currentActor;
  }

  /** A change of the sharing settings, based on the version the caller loaded. */
  record SharingRequest(@NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") Integer version,
      @NotNull(message = "is required") List<@NotNull(message = "is required") @Valid SharingEntry> settings) {
  }

  record SharingEntry(@NotNull(message = "is required") Domain domain,
      @NotNull(message = "is required") Audience audience,
      @NotNull(message = "is required") Boolean granted) {
  }

  @GetMapping("/sharing")
  @ApiResponse(responseCode = "200", description = "The settings")
  @ApiResponse(responseCode = "403", description = "Not the employee of this case (problem+json)")
  @ApiResponse(responseCode = "404", description = "No such case, or one the caller may not know (problem+json)")
  @Operation(summary = "The employee's sharing settings of their own case, with every grant and revocation",
      description = "Only the employee of the case; others get 404 (or 403 when they may see the case).")
  Sharing getSharing(@PathVariable UUID caseId) {
    return sharing.get(currentActor.get(), caseId);
  }

  @PutMapping("/sharing")
  @ApiResponse(responseCode = "200", description = "The settings after the change")
  @ApiResponse(responseCode = "400", description = "Invalid fields, one message per field (problem+json)")
  @ApiResponse(responseCode = "403", description = "Not the employee of this case (problem+json)")
  @ApiResponse(responseCode = "404", description = "No such case, or one the caller may not know (problem+json)")
  @ApiResponse(responseCode = "409", description = "Stale version: `current` settings and `submitted` input")
  @Operation(summary = "Share or stop sharing (revoke); takes effect at once",
      description = "Send the version from the last GET. A stale version gets 409 with the current settings "
          + "(`current`) and what was sent (`submitted`); nothing is changed then.")
  Sharing putSharing(@PathVariable UUID caseId, @Valid @RequestBody SharingRequest request) {
    List<SharingChange> changes = request.settings().stream()
        .map(e -> new SharingChange(e.domain(), e.audience(), e.granted())).toList();
    return sharing.update(currentActor.get(), caseId, request.version(), changes);
  }

  @GetMapping("/audit")
  @ApiResponse(responseCode = "200", description = "The audit trail of the case")
  @ApiResponse(responseCode = "403", description = "Not the employee of this case (problem+json)")
  @ApiResponse(responseCode = "404", description = "No such case, or one the caller may not know (problem+json)")
  @Operation(summary = "Who read, changed or was refused what of the case, and what was deleted (oldest first)",
      description = "Only the employee of the case (their right to see who looked at their file); others get 404 "
          + "(or 403 when they may see the case).")
  List<AuditEvent> audit(@PathVariable UUID caseId) {
    policy.checkOwnFile(currentActor.get(), caseId, Access.READ, "audit trail");
    return auditTrail.forCase(caseId);
  }
}
