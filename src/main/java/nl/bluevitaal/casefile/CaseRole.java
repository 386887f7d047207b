package nl.bluevitaal.casefile;

import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;

/** The part someone plays in one case: recorded with versions and sign-offs, so the file says who did what. */
public enum CaseRole {
  EMPLOYEE, COUNSELLOR, COMPANY_DOCTOR, LINE_MANAGER, BUDDY, OTHER;

  /** The employee first: a counsellor who is off sick themselves acts as the employee in their own case. */
  static CaseRole of(Actor actor, CaseParties parties) {
    String user = actor.userId();
    if (user.equals(parties.employeeUserId())) {
      return EMPLOYEE;
    }
    if (actor.isIn(Groups.COMPANY_DOCTOR)) {
      return COMPANY_DOCTOR;
    }
    if (actor.isIn(Groups.COUNSELLOR)) {
      return COUNSELLOR;
    }
    if (user.equals(parties.lineManagerUserId())) {
      return LINE_MANAGER;
    }
    if (parties.buddyUserIds().contains(user)) {
      return BUDDY;
    }
    return OTHER;
  }
}
