package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.poortwachter.Milestone;

/** Domain A (administrative) view of a case: what every role with access to the case may see. */
public record CaseSummary(UUID id, String caseNumber, UUID employeeId, String employeeName, String team,
    String lineManagerUserId, CaseStatus status, Phase phase, String counsellorUserId, String companyDoctorUserId,
    int workCapacityPct, LocalDate firstSickDay, Milestone nextDeadline, LocalDate nextDeadlineOn, boolean overdue,
    ServiceRelated serviceRelated, int version) {
}
