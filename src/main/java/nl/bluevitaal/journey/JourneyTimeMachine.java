package nl.bluevitaal.journey;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Plays journeys forward in time: the demo caseload is made by living each case from its first sick day to today
 * through the real engine, so its history, deadlines and escalations are what they would have been. Moves the
 * engine's clock (and with it the application clock), so it exists only for demo data and tests, on an otherwise
 * idle node ({@code bluevitaal.journey.time-travel=true}), never in production.
 */
public interface JourneyTimeMachine {

  /** Runs the work with the job executor stopped, and leaves the clock at real time afterwards. */
  void withJobExecutorPaused(Runnable work);

  void travelTo(Instant moment);

  Instant now();

  /** When the next timer of this case falls due, if it waits for one. */
  Optional<Instant> nextTimer(UUID caseId);
}
