package nl.bluevitaal.privacy;

import java.util.Set;

/**
 * The retention rules of docs/privacy.md. Each rule covers some domains and counts its period from one reference date,
 * which the case file knows; the period itself is configuration ({@link RetentionProperties}).
 */
public enum RetentionRule {
  /**
   * Administrative absence data (domain A: the case row, sick periods, deadlines, work capacity): counted from the day
   * the employee's employment ended. An employee still employed has no reference date, so nothing expires.
   */
  ADMINISTRATIVE(Set.of(Domain.ADMINISTRATIVE)),
  /**
   * The re-integration file (B, C, E, F: documents, functional information, self-reports, support network): counted
   * from the day re-integration ended (the case was closed). The engine's history of the case goes with it.
   */
  REINTEGRATION_FILE(Set.of(Domain.FUNCTIONAL, Domain.REINTEGRATION, Domain.SELF_REPORTS, Domain.SUPPORT_NETWORK)),
  /** The company doctor's medical file (D): counted from its last change. */
  MEDICAL_FILE(Set.of(Domain.MEDICAL));

  private final Set<Domain> domains;

  RetentionRule(Set<Domain> domains) {
    this.domains = domains;
  }

  public Set<Domain> domains() {
    return domains;
  }
}
