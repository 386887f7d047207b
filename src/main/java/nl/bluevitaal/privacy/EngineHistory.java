package nl.bluevitaal.privacy;

import java.util.UUID;

/** Port implemented by the journey's engine adapter: the engine's own records of a case (business key = case id). */
public interface EngineHistory {

  /**
   * Deletes the engine's history of the case: historic process instances with this business key, with their
   * activity, task, variable, incident and decision history. Returns the number of historic process instances
   * deleted (0 when there was none).
   *
   * @throws IllegalStateException when a process instance of the case is still running (nothing is deleted)
   */
  int deleteHistoryOf(UUID caseId);
}
