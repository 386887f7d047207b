package nl.bluevitaal.casefile;

import java.util.UUID;

/**
 * Who is attached to a case in which role, and nothing else: what the journey needs to offer each step to its person.
 * Any user id may be null when nobody is in that role (or the employee has no account).
 */
public record CasePeople(UUID caseId, String employeeUserId, String lineManagerUserId, String counsellorUserId,
    String companyDoctorUserId) {
}
