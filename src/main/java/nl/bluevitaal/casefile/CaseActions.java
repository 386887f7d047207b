package nl.bluevitaal.casefile;

import java.util.Set;

/**
 * What a person may do in one case, as the case file's rules say (read by {@link Caseload#actions}): a page offers
 * exactly these, so it never shows a button that answers "not allowed".
 *
 * @param recordEvents record work capacity, full recovery or an extension of wage payment (domain A)
 * @param keepFile record goals and conversation notes (the counsellor who keeps the file)
 * @param writeMedicalNotes write medical notes (domain D)
 * @param newDocuments the document types they write in this case
 */
public record CaseActions(boolean recordEvents, boolean keepFile, boolean writeMedicalNotes,
    Set<DocumentType> newDocuments) {

  public CaseActions {
    newDocuments = Set.copyOf(newDocuments);
  }
}
