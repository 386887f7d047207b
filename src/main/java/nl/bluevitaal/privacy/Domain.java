package nl.bluevitaal.privacy;

/** The data domains of a case, A to G as docs/privacy.md lists them. */
public enum Domain {
  /** A: dates, work capacity, deadlines, reachability. */
  ADMINISTRATIVE('A'),
  /** B: functional limitations, abilities, advice, adjustments. */
  FUNCTIONAL('B'),
  /** C: re-integration documents (plan of action, evaluations; non-medical). */
  REINTEGRATION('C'),
  /** D: diagnosis, treatment, scores, trauma details, medical notes. */
  MEDICAL('D'),
  /** E: check-ins, energy balance. */
  SELF_REPORTS('E'),
  /** F: buddy, home front. */
  SUPPORT_NETWORK('F'),
  /** G: aggregated insight. */
  INSIGHT('G');

  private final char letter;

  Domain(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  /** Domains B–F: every read and write of these is audited. */
  public boolean audited() {
    return this != ADMINISTRATIVE && this != INSIGHT;
  }
}
