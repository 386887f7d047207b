package nl.bluevitaal.privacy;

import java.util.Set;
import java.util.UUID;

/** The people attached to one case, as the policy needs them. Any user id may be null when nobody is attached. */
public record CaseParties(UUID caseId, String employeeUserId, String lineManagerUserId, String counsellorUserId,
    String companyDoctorUserId, Set<String> buddyUserIds) {

  public CaseParties {
    buddyUserIds = buddyUserIds == null ? Set.of() : Set.copyOf(buddyUserIds);
  }
}
