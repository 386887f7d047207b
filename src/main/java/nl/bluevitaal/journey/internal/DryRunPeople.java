package nl.bluevitaal.journey.internal;

import java.util.List;

/**
 * {@code journeyPeople} in a dry run: the synthetic case has one person in every role (placeholder user ids, no real
 * account), so every step has someone to go to. Public because the draft calls it through expressions.
 */
public final class DryRunPeople {

  static final String COUNSELLOR = "proefrit-begeleider";
  static final String DOCTOR = "proefrit-bedrijfsarts";
  static final String EMPLOYEE = "proefrit-medewerker";
  static final String LINE_MANAGER = "proefrit-leidinggevende";
  static final String CARE_LEAD = "proefrit-zorgleider";

  public List<String> escalationUsers(String caseId, String escalateTo) {
    return List.of(switch (escalateTo) {
      case "DOCTOR" -> DOCTOR;
      case "EMPLOYEE" -> EMPLOYEE;
      case "LINE_MANAGER" -> LINE_MANAGER;
      case "CARE_LEAD" -> CARE_LEAD;
      case "COUNSELLOR" -> COUNSELLOR;
      default -> throw new IllegalArgumentException("EscalationLadder names an unknown role: " + escalateTo);
    });
  }

  public List<String> escalationGroups(String caseId, String escalateTo) {
    return List.of();
  }

  public List<String> counsellorUsers(String caseId) {
    return List.of(COUNSELLOR);
  }

  public List<String> counsellorGroups(String caseId) {
    return List.of();
  }

  public List<String> doctorUsers(String caseId) {
    return List.of(DOCTOR);
  }

  public List<String> contactUsers(String caseId, String contactWith) {
    return "DOCTOR".equals(contactWith) ? doctorUsers(caseId) : counsellorUsers(caseId);
  }

  public List<String> contactGroups(String caseId, String contactWith) {
    return List.of();
  }

  public List<String> doctorGroups(String caseId) {
    return List.of();
  }

  public String employeeUser(String caseId) {
    return EMPLOYEE;
  }

  public List<String> employeeFallbackUsers(String caseId) {
    return List.of();
  }

  public List<String> employeeFallbackGroups(String caseId) {
    return List.of();
  }

  public String lineManagerUser(String caseId) {
    return LINE_MANAGER;
  }

  public List<String> lineManagerFallbackUsers(String caseId) {
    return List.of();
  }

  public List<String> lineManagerFallbackGroups(String caseId) {
    return List.of();
  }
}
