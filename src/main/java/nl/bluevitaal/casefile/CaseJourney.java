package nl.bluevitaal.casefile;

import java.util.UUID;

/**
 * Port to the process that guides a case. The case file says what happened; the journey decides what
 * comes next. Implemented at the edge by the journey module, so the case file knows nothing of the engine.
 */
public interface CaseJourney {

  /** Starts the journey of a newly reported case; the case id is the business key. */
  void start(UUID caseId);
}
