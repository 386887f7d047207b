package nl.bluevitaal.journey;

import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.privacy.Actor;

/**
 * What the employee or the counsellor may ask for at any moment of a case, apart from the planned steps: each request
 * starts its own part of the journey with its steps, due dates and people.
 */
public interface JourneyRequests {

  enum Request {
    /** An expert opinion from UWV (deskundigenoordeel) on fitness for work or on the efforts; employee or employer. */
    EXPERT_OPINION,
    /** A second opinion by another company doctor, at the employee's request (the counsellor may file it for them). */
    SECOND_OPINION,
    /** Early full-disability benefit (vervroegde IVA): the employee applies, until week 68 (configuration). */
    EARLY_IVA
  }

  /** The requests this person may make in this case now; empty for anyone else than its employee and counsellor. */
  Set<Request> openTo(Actor actor, UUID caseId);

  /**
   * Makes the request: its first step is open when this returns.
   *
   * @throws nl.bluevitaal.privacy.CaseAccessDeniedException when the caller may not make it (recorded where answered)
   * @throws nl.bluevitaal.casefile.InvalidStateException when the journey does not take it now (after week 68, one
   *     already running, a case that is not open)
   */
  void request(Actor actor, UUID caseId, Request request);
}
