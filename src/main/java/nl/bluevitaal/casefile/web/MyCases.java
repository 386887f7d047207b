package nl.bluevitaal.casefile.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Service;

/**
 * The cases a counsellor or company doctor works on, as their pages list them: only what the access policy lets the
 * caller see ({@link Caseload#visibleCases}), active ones, soonest legal deadline first.
 */
@Service
class MyCases {

  /** The filters of the caseload page; null or blank means "all". */
  record CaseFilter(String query, Phase phase, boolean overdueOnly) {

    static CaseFilter all() {
      return new CaseFilter(null, null, false);
    }
  }

  /** The figures of the home page's caseload link. */
  record Counts(int openCases, int overdueCases) {
  }

  static final Comparator<CaseView> BY_NEXT_DEADLINE = Comparator
      .comparing(CaseView::nextDeadlineOn, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(CaseView::employeeName, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(CaseView::caseNumber);

  private final Caseload caseload;
  private final Clock clock;

  MyCases(Caseload caseload, Clock clock) {
    this.caseload = caseload;
    this.clock = clock;
  }

  /** The caller's active cases (open, or recovered and still in the relapse watch), soonest deadline first. */
  List<CaseView> cases(Actor actor, CaseFilter filter) {
    String query = filter.query() == null ? "" : filter.query().strip().toLowerCase(Locale.ROOT);
    return caseload.visibleCases(actor, query.isEmpty() ? null : query).stream()
        .filter(c -> c.status() != CaseStatus.CLOSED)
        .filter(c -> filter.phase() == null || c.phase() == filter.phase())
        .filter(c -> !filter.overdueOnly() || c.overdue())
        .sorted(BY_NEXT_DEADLINE)
        .toList();
  }

  Counts counts(Actor actor) {
    List<CaseView> cases = cases(actor, CaseFilter.all());
    return new Counts(cases.size(), (int) cases.stream().filter(CaseView::overdue).count());
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Clock clock() {
    return clock;
  }
}
