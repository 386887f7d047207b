package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/**
 * Domain A of a case, as a caller who may read it sees it. {@code serviceRelated} is administrative like the dates:
 * whoever reads domain A reads it. (The employee's wish for contact is no flag here: it is a step for the person they
 * chose, {@code journey.ContactWishes}.)
 */
public record CaseView(UUID id, String caseNumber, String employeeName, String team, CaseStatus status, Phase phase,
    @Nullable String counsellorUserId, @Nullable String companyDoctorUserId, int workCapacityPct,
    LocalDate firstSickDay, @Nullable Milestone nextDeadline, @Nullable LocalDate nextDeadlineOn, boolean overdue,
    ServiceRelated serviceRelated, int version) {
}
