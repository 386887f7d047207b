package nl.bluevitaal.casefile;

import java.util.List;
import nl.bluevitaal.poortwachter.SickPeriod;

/** Domain A of one case in full: sick periods, work capacity over time and the legal deadlines. */
public record CaseDetail(CaseView summary, List<SickPeriod> sickPeriods, List<WorkCapacityRecord> workCapacity,
    List<CaseDeadline> deadlines) {
}
