package nl.bluevitaal.casefile;

import java.util.List;
import nl.bluevitaal.poortwachter.AbsenceProgress;
import nl.bluevitaal.poortwachter.SickPeriod;

/**
 * Domain A of one case in full: sick periods, work capacity over time, the legal deadlines, and how far the employee
 * is on the journey today (counted by the deadline engine, like the deadlines).
 */
public record CaseDetail(CaseView summary, List<SickPeriod> sickPeriods, List<WorkCapacityRecord> workCapacity,
    List<CaseDeadline> deadlines, AbsenceProgress progress) {
}
