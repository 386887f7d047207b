package nl.bluevitaal.privacy;

import nl.bluevitaal.identity.Groups;

/**
 * How a person stands to one case: the one answer every rule asks (the matrix, who writes and signs a document, what
 * the audit trail and a document version record). A person can stand in several relations at once (the line manager
 * who is also the counsellor); {@link AccessPolicy#relations} gives them all, in this order, which is also the order
 * in which the audit trail names the first.
 */
public enum CaseRelation {
  /** The employee whose case it is. */
  EMPLOYEE(Groups.EMPLOYEE),
  /** The case's company doctor. */
  COMPANY_DOCTOR(Groups.COMPANY_DOCTOR),
  /** The case's counsellor, working under the company doctor's delegation. */
  CARE_PROFESSIONAL(Roles.CARE_PROFESSIONAL),
  /** The case's counsellor / casemanager (employer side unless also a care professional). */
  COUNSELLOR(Groups.COUNSELLOR),
  /** The employee's line manager. */
  LINE_MANAGER(Groups.LINE_MANAGER),
  /** A buddy the employee chose (consent given and not withdrawn). */
  BUDDY(Groups.BUDDY);

  private final String auditName;

  CaseRelation(String auditName) {
    this.auditName = auditName;
  }

  /** The name the audit trail records. */
  public String auditName() {
    return auditName;
  }
}
