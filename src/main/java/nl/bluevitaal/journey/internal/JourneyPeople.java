package nl.bluevitaal.journey.internal;

import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CasePeople;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who takes each step of a case. Steps go to the people of the case (its counsellor, its company doctor, the
 * employee, their own line manager), so Tasklist shows each person only the tasks of their own cases. Only when a
 * case has nobody in that role yet does a step fall back to the whole group, so that it is never lost. An employee
 * without an account cannot log in: their step goes to the case's counsellor. Public because the models call it
 * through expressions.
 */
@Component("journeyPeople")
public class JourneyPeople {

  private final CaseRegistry registry;
  private final JourneyProperties properties;

  JourneyPeople(CaseRegistry registry, JourneyProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  /**
   * The people of the case in a role of the escalation ladder (decision {@code EscalationLadder}): the doctor, the
   * counsellor, the employee, the employee's own line manager, or the care unit's lead. Whoever is missing is
   * replaced by the counsellor, so an escalation always reaches a person; with no counsellor either, the
   * counsellors' group takes it ({@link #escalationGroups}).
   */
  public List<String> escalationUsers(String caseId, String escalateTo) {
    CasePeople people = people(caseId);
    List<String> users = switch (escalateTo) {
      case "DOCTOR" -> listOf(people.companyDoctorUserId());
      case "EMPLOYEE" -> listOf(people.employeeUserId());
      case "LINE_MANAGER" -> listOf(people.lineManagerUserId());
      case "CARE_LEAD" -> properties.careLeadUsers();
      case "COUNSELLOR" -> listOf(people.counsellorUserId());
      default -> throw new IllegalArgumentException("EscalationLadder names an unknown role: " + escalateTo);
    };
    return users.isEmpty() ? listOf(people.counsellorUserId()) : users;
  }

  public List<String> escalationGroups(String caseId, String escalateTo) {
    return escalationUsers(caseId, escalateTo).isEmpty() ? List.of(Groups.COUNSELLOR) : List.of();
  }

  public List<String> counsellorUsers(String caseId) {
    return listOf(people(caseId).counsellorUserId());
  }

  public List<String> counsellorGroups(String caseId) {
    return people(caseId).counsellorUserId() == null ? List.of(Groups.COUNSELLOR) : List.of();
  }

  public List<String> doctorUsers(String caseId) {
    return listOf(people(caseId).companyDoctorUserId());
  }

  public List<String> doctorGroups(String caseId) {
    return people(caseId).companyDoctorUserId() == null ? List.of(Groups.COMPANY_DOCTOR) : List.of();
  }

  /**
   * Who answers an employee's wish for contact ({@code ContactWish}): the case's counsellor or its company doctor, as
   * the employee chose ({@code COUNSELLOR} or {@code DOCTOR}).
   */
  public List<String> contactUsers(String caseId, String contactWith) {
    return "DOCTOR".equals(contactWith) ? doctorUsers(caseId) : counsellorUsers(caseId);
  }

  public List<String> contactGroups(String caseId, String contactWith) {
    return "DOCTOR".equals(contactWith) ? doctorGroups(caseId) : counsellorGroups(caseId);
  }

  /** The employee's user id, or null when the employee has no account. */
  public String employeeUser(String caseId) {
    return people(caseId).employeeUserId();
  }

  /** The case's counsellor takes the employee's step when the employee has no account. */
  public List<String> employeeFallbackUsers(String caseId) {
    return employeeUser(caseId) == null ? counsellorUsers(caseId) : List.of();
  }

  public List<String> employeeFallbackGroups(String caseId) {
    return employeeUser(caseId) == null ? counsellorGroups(caseId) : List.of();
  }

  /** The employee's own line manager: never every line manager, who would see other teams' plans. */
  public String lineManagerUser(String caseId) {
    return people(caseId).lineManagerUserId();
  }

  public List<String> lineManagerFallbackUsers(String caseId) {
    return lineManagerUser(caseId) == null ? counsellorUsers(caseId) : List.of();
  }

  public List<String> lineManagerFallbackGroups(String caseId) {
    return lineManagerUser(caseId) == null ? counsellorGroups(caseId) : List.of();
  }

  /**
   * Read once per engine command: a step asks for its candidate users and groups apart (two expressions), an
   * escalation also for its notice, and a completion that opens the next step and re-arms a watch asks again. Nothing
   * in a command changes who the case's people are.
   */
  private CasePeople people(String caseId) {
    return CommandReads.once("people:" + caseId, () -> registry.people(UUID.fromString(caseId)));
  }

  private static List<String> listOf(String userId) {
    return userId == null ? List.of() : List.of(userId);
  }
}
