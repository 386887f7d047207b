package nl.bluevitaal.modeling;

import java.time.Instant;
import java.util.UUID;
import nl.bluevitaal.journey.JourneyModels.Kind;

/**
 * A process owner's copy of a deployed model, saved in revisions. {@code revision} is the latest one; a save names
 * the revision it was loaded with. {@code reviewNote} is why it was last sent back.
 */
public record Draft(UUID id, String modelKey, Kind kind, int baseVersion, Status status, int revision,
    String createdBy, Instant createdAt, String changeNote, String proposedBy, String reviewedBy, String reviewNote,
    Integer deployedVersion) {

  /** Open for editing; proposed (waiting for a second process owner); deployed as a version. */
  public enum Status {
    OPEN, PROPOSED, DEPLOYED
  }

  public boolean editable() {
    return status == Status.OPEN;
  }

  /** The file name it downloads as, after its key as the files in {@code processes/} and {@code decisions/}. */
  public String fileName() {
    return modelKey + "." + kind.extension();
  }

  /** One saved revision: who saved it, when, and how (the editor, an uploaded file, the copy it began as). */
  public record Revision(int number, String savedBy, Instant savedAt, Source source) {
  }

  public enum Source {
    COPY, EDITOR, UPLOAD
  }
}
