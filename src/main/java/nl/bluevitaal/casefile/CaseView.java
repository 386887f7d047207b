package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/**
 * Domain A of a case, as a caller who may read it sees it. {@code wantsContact} (the employee's wish for contact,
 * shared with the counsellor) is null for anyone but the employee and counsellors. {@code serviceRelated} is
 * administrative like the dates: whoever reads domain A reads it.
 */
public record CaseView(UUID id, String caseNumber, String employeeName, String team, CaseStatus status, Phase phase,
    @Nullable String counsellorUserId, @Nullable String companyDoctorUserId, int workCapacityPct,
    LocalDate firstSickDay, @Nullable Milestone nextDeadline, @Nullable LocalDate nextDeadlineOn, boolean overdue,
    @Nullable Boolean wantsContact, ServiceRelated serviceRelated, int version) {
}
