package nl.bluevitaal.selfservice.hometools;

import java.util.UUID;

/** The home tool changed since the page showed it (saved in another tab or on another device): nothing was saved. */
public class StaleHomeToolException extends RuntimeException {

  public StaleHomeToolException(String what, UUID caseId, int expected) {
    super(what + " of case " + caseId + " is no longer version " + expected);
  }
}
