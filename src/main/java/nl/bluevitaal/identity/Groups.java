package nl.bluevitaal.identity;

import java.util.List;

/**
 * The groups of BlueVitaal. A group id is at once a Camunda group (candidate groups in the models,
 * authorizations in the engine) and a Spring Security authority, so one name runs from diagram to page.
 */
public final class Groups {

  public static final String EMPLOYEE = "employee";
  public static final String COUNSELLOR = "counsellor";
  public static final String COMPANY_DOCTOR = "company-doctor";
  public static final String LINE_MANAGER = "line-manager";
  public static final String MANAGEMENT = "management";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String BUDDY = "buddy";
  /**
   * A partner or family member the employee invited ("naaste"): an account of its own that reaches only the home
   * front's own pages, and only while the employee's consent stands.
   */
  public static final String HOME_FRONT = "home-front";
  /** Manages accounts and authorizations; never case content. */
  public static final String ADMINISTRATOR = "administrator";

  public static final List<String> ALL = List.of(
      EMPLOYEE, COUNSELLOR, COMPANY_DOCTOR, LINE_MANAGER, MANAGEMENT, PROCESS_OWNER, BUDDY, HOME_FRONT, ADMINISTRATOR);

  /**
   * Counsellors working under the company doctor's delegation. Not a role of its own but a flag on a counsellor;
   * the privacy module names it {@code Roles.CARE_PROFESSIONAL} and a test pins the two together.
   */
  public static final String CARE_PROFESSIONAL = "care-professional";

  /**
   * The counsellors' lead (teamleider begeleiding): a counsellor who also sees every counsellor's caseload figures
   * and work list in insight, to balance the caseloads. A flag on a counsellor like {@link #CARE_PROFESSIONAL}; it
   * opens no case the counsellor does not counsel.
   */
  public static final String COUNSELLOR_LEAD = "counsellor-lead";

  /**
   * The groups that reach case data or the processes. Separation of duties: an account in {@link #ADMINISTRATOR}
   * (who manages accounts) is in none of these, so nobody both hands out access and uses it.
   */
  public static final List<String> WITH_CASE_OR_PROCESS_ACCESS = List.of(
      EMPLOYEE, COUNSELLOR, COMPANY_DOCTOR, LINE_MANAGER, MANAGEMENT, PROCESS_OWNER, BUDDY, HOME_FRONT,
      CARE_PROFESSIONAL);

  /** Staff roles that may use the REST API beyond the employee's own data. */
  public static final List<String> STAFF = List.of(COUNSELLOR, COMPANY_DOCTOR, LINE_MANAGER, MANAGEMENT, PROCESS_OWNER);

  /** Where a home-front account may go: its own pages, nothing else of the application. */
  public static final String HOME_FRONT_PAGES = "/thuisfront";

  private Groups() {
  }
}
