package nl.bluevitaal.casefile;

public enum CaseStatus {
  /** The employee is (partly) off sick. */
  OPEN,
  /** Fully back at work, within the 28-day relapse watch. */
  RECOVERED,
  CLOSED
}
