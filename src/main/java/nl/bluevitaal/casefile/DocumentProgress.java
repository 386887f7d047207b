package nl.bluevitaal.casefile;

import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * How far the document a step produces has come, as its person sees it: the newest document of the type, what it
 * still lacks, and whether this person writes such a document (a page then offers
 * the form of a new one).
 *
 * @param document the newest one this person may see, without its versions; null when there is none
 * @param shortfall what the document still lacks; {@link Shortfall#NONE} when the step may be completed
 * @param mayWrite whether this person writes a document of the type in this case
 * @param reportGaps for the re-integration report: what its parts lack ({@link ReintegrationReport#gaps})
 */
public record DocumentProgress(DocumentType type, DocumentStatus required, boolean newSince,
    @Nullable CaseDocument document, Shortfall shortfall, boolean mayWrite, List<ReintegrationReport.Gap> reportGaps) {

  public DocumentProgress {
    reportGaps = List.copyOf(reportGaps);
  }

  /** What a step's document still lacks. */
  public enum Shortfall {
    NONE,
    /** There is none (or, where a new one is asked, none written since the step opened). */
    MISSING,
    /** There is one, but it has not reached the status yet (written, sent for review, released). */
    NOT_YET,
    /** Released, but this person's side has not signed its current version. */
    NOT_SIGNED,
    /** The re-integration report's parts are not all there, dated and named (see {@code reportGaps}). */
    REPORT_INCOMPLETE
  }

  public boolean ready() {
    return shortfall == Shortfall.NONE;
  }

  @Nullable
  public UUID documentId() {
    return document == null ? null : document.id();
  }
}
