package nl.bluevitaal.modeling.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The forms of the draft page, bound with {@code @Valid}; field names as the page's inputs name them. */
final class DraftForms {

  private DraftForms() {
  }

  /** Propose for deployment: what changes and why (kept with the version). */
  record Proposal(
      @NotBlank(message = "modeling.deploy.error.note-required")
      @Size(max = 2000, message = "modeling.deploy.error.note-too-long") String wijziging,
      @NotNull(message = "modeling.draft.error.revision") Integer revisie) {
  }

  /** Send back: why. */
  record Rejection(
      @NotBlank(message = "modeling.deploy.error.reason-required")
      @Size(max = 2000, message = "modeling.deploy.error.reason-too-long") String reden) {
  }

  /** A model file chosen on the page (read into the field by the page script) or pasted. */
  record Upload(
      @NotBlank(message = "modeling.draft.error.file-required")
      @Size(max = 2_000_000, message = "modeling.draft.error.file-too-large") String xml,
      @NotNull(message = "modeling.draft.error.revision") Integer revisie) {
  }

  /** The editor's save (JSON from the page script): the file and the revision it was loaded with. */
  record Save(
      @NotBlank(message = "modeling.draft.error.file-required")
      @Size(max = 2_000_000, message = "modeling.draft.error.file-too-large") String xml,
      @NotNull(message = "modeling.draft.error.revision") Integer revision) {
  }
}
