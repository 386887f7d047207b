package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/**
 * Domain A of a case, as a caller who may read it sees it. {@code wantsContact} (the employee's wish for contact,
 * shared with the counsellor) is null for anyone but the employee and counsellors.
 */
public record CaseView(UUID id, String caseNumber, String employeeName, String team, CaseStatus status, Phase phase,
    @Nullable String counsellorUserId, @Nullable String companyDoctorUserId, int workCapacityPct,
    LocalDate firstSickDay, @Nullable Milestone nextDeadline, @Nullable LocalDate nextDeadlineOn, boolean overdue,
    @Nullable Boolean wantsContact, int version) {
}
