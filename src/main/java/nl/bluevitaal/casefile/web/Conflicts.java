package nl.bluevitaal.casefile.web;

import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.web.VersionConflictException;

/** Turns a stale edit into the API's 409 that hands the caller's input back, so nothing they typed is lost. */
final class Conflicts {

  private Conflicts() {
  }

  static VersionConflictException stale(StaleEditException ex, Object submitted) {
    return new VersionConflictException(ex.getMessage(), submitted, ex.currentVersion());
  }
}
