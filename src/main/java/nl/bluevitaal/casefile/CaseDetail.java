package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.util.List;
import nl.bluevitaal.poortwachter.AbsenceProgress;
import nl.bluevitaal.poortwachter.SickPeriod;
import org.springframework.lang.Nullable;

/**
 * Domain A of one case in full: sick periods, work capacity over time, the legal deadlines, and how far the employee
 * is on the journey today (counted by the deadline engine, like the deadlines), the day UWV received the 42-week
 * notification (null while not recorded) and the pregnancy and birth leave recorded on the case.
 */
public record CaseDetail(CaseView summary, List<SickPeriod> sickPeriods, List<WorkCapacityRecord> workCapacity,
    List<CaseDeadline> deadlines, AbsenceProgress progress, @Nullable LocalDate uwvNotifiedOn,
    List<CaseLeave> leaves) {
}
