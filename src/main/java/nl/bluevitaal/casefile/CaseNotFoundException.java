package nl.bluevitaal.casefile;

import java.util.UUID;

public class CaseNotFoundException extends RuntimeException {

  public CaseNotFoundException(UUID caseId) {
    super("No case " + caseId);
  }
}
