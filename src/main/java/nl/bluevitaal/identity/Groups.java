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
  /** Manages accounts and authorizations; never case content. */
  public static final String ADMINISTRATOR = "administrator";

  public static final List<String> ALL = List.of(
      EMPLOYEE, COUNSELLOR, COMPANY_DOCTOR, LINE_MANAGER, MANAGEMENT, PROCESS_OWNER, BUDDY, ADMINISTRATOR);

  /**
   * Counsellors working under the company doctor's delegation. Not a role of its own but a flag on a counsellor;
   * the privacy module names it {@code Roles.CARE_PROFESSIONAL} and a test pins the two together.
   */
  public static final String CARE_PROFESSIONAL = "care-professional";

  /**
   * The groups that reach case data or the processes. Separation of duties: an account in {@link #ADMINISTRATOR}
   * (who manages accounts) is in none of these, so nobody both hands out access and uses it.
   */
  public static final List<String> WITH_CASE_OR_PROCESS_ACCESS = List.of(
      EMPLOYEE, COUNSELLOR, COMPANY_DOCTOR, LINE_MANAGER, MANAGEMENT, PROCESS_OWNER, BUDDY, CARE_PROFESSIONAL);

  /** Staff roles that may use the REST API beyond the employee's own data. */
  public static final List<String> STAFF = List.of(COUNSELLOR, COMPANY_DOCTOR, LINE_MANAGER, MANAGEMENT, PROCESS_OWNER);

  private Groups() {
  }
}
