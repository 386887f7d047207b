package nl.bluevitaal.casefile;

/**
 * What a person may do with a document now, as {@link CaseDocuments#actions} reads it from the same rules
 * {@link DocumentChanges} enforces: a page offers exactly these buttons, so none of them answers "not allowed".
 *
 * @param edit a new version (a writer while it is not released; the employee while reviewing it)
 * @param submitForReview to the employee for review (a writer, while it is a draft)
 * @param release released to the file (see {@link DocumentChanges#changeStatus} for who releases what)
 * @param sign a signature under the current version (their side has not signed it yet)
 */
public record DocumentActions(boolean edit, boolean submitForReview, boolean release, boolean sign) {

  /** A new document: its writer fills the form in. */
  public static DocumentActions newDocument() {
    return new DocumentActions(true, false, false, false);
  }
}
