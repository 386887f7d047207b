package nl.bluevitaal.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.MedicalNote;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.casefile.SupportContact;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The support network (domain F) and medical notes (domain D) of a case. */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Support network and medical notes", description = "Home-front contacts and buddy, by the employee's "
    + "revocable consent; the company doctor's medical notes, which only the doctor, care professionals and the "
    + "employee see.")
class SupportNetworkController {

  private final SupportNetwork network;
  private final MedicalNotes medicalNotes;
  private final CurrentActor actor;

  SupportNetworkController(SupportNetwork network, MedicalNotes medicalNotes, CurrentActor actor) {
    this.network = network;
    this.medicalNotes = medicalNotes;
    this.actor = actor;
  }

  @GetMapping("/support-network")
  @Operation(summary = "The support network as the caller may see it",
      description = "The employee sees every contact, withdrawn ones included; the company doctor and care "
          + "professionals the consented ones; the counsellor only that they exist; a buddy only their own relation.")
  List<SupportContact> supportNetwork(@PathVariable UUID caseId) {
    return network.list(actor.get(), caseId);
  }

  record NewSupportContactRequest(
      @NotNull SupportContact.Kind kind,
      @NotBlank @Size(max = SupportContact.MAX_NAME) String name,
      @Size(max = SupportContact.MAX_NAME) String relation,
      @Size(max = 64) String buddyUserId) {
  }

  @PostMapping("/support-network")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a contact, which records the employee's consent (employee only)")
  SupportContact addContact(@PathVariable UUID caseId, @Valid @RequestBody NewSupportContactRequest request) {
    return network.add(actor.get(), caseId, request.kind(), request.name(), request.relation(),
        request.buddyUserId());
  }

  @PostMapping("/support-network/{contactId}/consent-withdrawal")
  @ApiResponse(responseCode = "200", description = "The contact, consent withdrawn")
  @ApiResponse(responseCode = "409", description = "Consent for this contact was already withdrawn (problem+json)")
  @Operation(summary = "Withdraw consent: the contact is hidden from everyone but the employee (employee only)")
  SupportContact withdrawConsent(@PathVariable UUID caseId, @PathVariable UUID contactId) {
    return network.withdrawConsent(actor.get(), caseId, contactId);
  }

  @GetMapping("/medical-notes")
  @Operation(summary = "The medical notes (company doctor, care professional; the employee reads)")
  List<MedicalNote> medicalNotes(@PathVariable UUID caseId) {
    return medicalNotes.list(actor.get(), caseId);
  }

  record MedicalNoteRequest(@NotBlank @Size(max = MedicalNote.MAX_TEXT) String text, Integer version) {
  }

  @PostMapping("/medical-notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Write a medical note (company doctor or care professional of the case)")
  MedicalNote addMedicalNote(@PathVariable UUID caseId, @Valid @RequestBody MedicalNoteRequest request) {
    return medicalNotes.add(actor.get(), caseId, request.text());
  }

  @GetMapping("/medical-notes/{noteId}")
  @Operation(summary = "One medical note")
  MedicalNote medicalNote(@PathVariable UUID caseId, @PathVariable UUID noteId) {
    return medicalNotes.get(actor.get(), caseId, noteId);
  }

  @org.springframework.web.bind.annotation.PutMapping("/medical-notes/{noteId}")
  @ApiResponse(responseCode = "200", description = "The note as changed")
  @ApiResponse(responseCode = "409", description = "Stale version: `currentVersion` and the `submitted` input "
      + "(problem+json)")
  @Operation(summary = "Change a medical note; quotes the note version, 409 with the input when stale")
  MedicalNote changeMedicalNote(@PathVariable UUID caseId, @PathVariable UUID noteId,
      @Valid @RequestBody MedicalNoteRequest request) {
    if (request.version() == null) {
      throw new nl.bluevitaal.web.FieldErrorsException(java.util.Map.of("version", "must not be null"));
    }
    try {
      return medicalNotes.change(actor.get(), caseId, noteId, request.version(), request.text());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }
}
