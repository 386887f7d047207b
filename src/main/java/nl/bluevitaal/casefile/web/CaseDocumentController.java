package nl.bluevitaal.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.ReintegrationReport;
import nl.bluevitaal.casefile.StaleEditException;
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

/** The documents of the re-integration file (domain C), their versions, status changes and sign-offs, and the RIV. */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Documents", description = "Problem analysis, plan of action, evaluations, current opinion, final "
    + "evaluation, the employee's own view and the re-integration report, with versions, review, release and "
    + "sign-offs. Drafts are for their writers; the company doctor's documents reach the employer side only after "
    + "the employee released them.")
class CaseDocumentController {

  private final CaseDocuments documents;
  private final DocumentChanges changes;
  private final CurrentActor actor;

  CaseDocumentController(CaseDocuments documents, DocumentChanges changes, CurrentActor actor) {
    this.documents = documents;
    this.changes = changes;
    this.actor = actor;
  }

  /** A document in a list: no texts. {@code releasedAt} is null until the document is released. */
  record DocumentSummaryResponse(UUID id, DocumentType type, DocumentStatus status, String title, String createdBy,
      OffsetDateTime updatedAt, @Nullable OffsetDateTime releasedAt, int version) {

    static DocumentSummaryResponse of(CaseDocument d) {
      return new DocumentSummaryResponse(d.id(), d.type(), d.status(), d.title(), d.createdBy(), d.updatedAt(),
          d.releasedAt(), d.version());
    }
  }

  @GetMapping("/documents")
  @Operation(summary = "The documents of the case the caller may see (without texts)")
  List<DocumentSummaryResponse> list(@PathVariable UUID caseId) {
    return documents.list(actor.get(), caseId).stream().map(DocumentSummaryResponse::of).toList();
  }

  record NewDocumentRequest(
      @NotNull DocumentType type,
      @NotBlank @Size(max = DocumentContent.MAX_TITLE) String title,
      @NotBlank @Size(max = DocumentContent.MAX_CONTENT) String content,
      @Valid FunctionalAdvice functionalAdvice) {
  }

  @PostMapping("/documents")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start a document as a draft",
      description = "The company doctor (or a care professional) writes the problem analysis, its updates and the "
          + "current opinion, with functional advice; the employee their own view; the counsellor the rest.")
  CaseDocument create(@PathVariable UUID caseId, @Valid @RequestBody NewDocumentRequest request) {
    return changes.create(actor.get(), caseId, request.type(), request.title(), request.content(),
        request.functionalAdvice());
  }

  @GetMapping("/documents/{documentId}")
  @Operation(summary = "One document with every version and sign-off; functional advice only for readers of domain B")
  CaseDocument get(@PathVariable UUID caseId, @PathVariable UUID documentId) {
    return documents.get(actor.get(), caseId, documentId);
  }

  record NewVersionRequest(
      @NotBlank @Size(max = DocumentContent.MAX_CONTENT) String content,
      @Valid FunctionalAdvice functionalAdvice,
      @NotNull Integer version) {
  }

  @PostMapping("/documents/{documentId}/versions")
  @ApiResponse(responseCode = "200", description = "The document with its new version")
  @ApiResponse(responseCode = "409", description = "Stale version (`currentVersion` and the `submitted` input), or the "
      + "document was released and no longer changes (problem+json)")
  @Operation(summary = "A new version: by a writer, or by the employee correcting it during their review",
      description = "Quotes the document version; 409 with the submitted input when someone else changed it first.")
  CaseDocument addVersion(@PathVariable UUID caseId, @PathVariable UUID documentId,
      @Valid @RequestBody NewVersionRequest request) {
    try {
      return changes.addVersion(actor.get(), caseId, documentId, request.version(), request.content(),
          request.functionalAdvice());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }

  record StatusChangeRequest(@NotNull DocumentStatus status, @NotNull Integer version) {
  }

  @PostMapping("/documents/{documentId}/status")
  @ApiResponse(responseCode = "200", description = "The document in its new status")
  @ApiResponse(responseCode = "409", description = "Stale version (`currentVersion` and the `submitted` input), or a "
      + "change of status the document cannot make from where it is (problem+json)")
  @Operation(summary = "Submit for the employee's review (writer) or release",
      description = "The company doctor's documents are released by the employee after reading them; other "
          + "documents by their writer. Released documents do not change (409); a change is an update.")
  CaseDocument changeStatus(@PathVariable UUID caseId, @PathVariable UUID documentId,
      @Valid @RequestBody StatusChangeRequest request) {
    try {
      return changes.changeStatus(actor.get(), caseId, documentId, request.version(), request.status());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }

  record SignOffRequest(@NotNull Integer version) {
  }

  @PostMapping("/documents/{documentId}/sign-offs")
  @ApiResponse(responseCode = "200", description = "The document with the caller's sign-off")
  @ApiResponse(responseCode = "409", description = "Stale version (`currentVersion` and the `submitted` input), or a "
      + "document that is not signed, not released, or already signed by the caller's side (problem+json)")
  @Operation(summary = "Sign the current version of a released plan or evaluation (employee, line manager, counsellor)")
  CaseDocument signOff(@PathVariable UUID caseId, @PathVariable UUID documentId,
      @Valid @RequestBody SignOffRequest request) {
    try {
      return changes.signOff(actor.get(), caseId, documentId, request.version());
    } catch (StaleEditException ex) {
      throw Conflicts.stale(ex, request);
    }
  }

  @GetMapping("/reintegration-report")
  @Operation(summary = "The re-integration report (RIV): seven parts plus the employee's own view",
      description = "The medical information part is shown to the employee and the company doctor only; "
          + "everyone else gets it as withheld.")
  ReintegrationReport reintegrationReport(@PathVariable UUID caseId) {
    return documents.reintegrationReport(actor.get(), caseId);
  }
}
