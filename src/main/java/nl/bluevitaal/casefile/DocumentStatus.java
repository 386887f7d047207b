package nl.bluevitaal.casefile;

public enum DocumentStatus {
  /** Only its writers see it. */
  DRAFT,
  /** The employee reads it and may correct it; the employer side does not see it yet. */
  FOR_EMPLOYEE_REVIEW,
  /** Part of the file for everyone who may read the domain; it no longer changes (changes are an update). */
  RELEASED,
  /** Released and signed by the employee and the employer side. */
  SIGNED;

  public boolean released() {
    return this == RELEASED || this == SIGNED;
  }
}
