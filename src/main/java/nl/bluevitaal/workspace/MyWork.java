package nl.bluevitaal.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Service;

/**
 * What the pages of a counsellor or company doctor list: the cases the access policy lets the caller see, and the
 * open steps that are theirs. Every list starts from {@link Caseload#visibleCases}, so nothing outside the policy
 * is ever looked at.
 */
@Service
class MyWork {

  /** The filters of the caseload page; null or blank means "all". */
  record CaseFilter(String query, Phase phase, boolean overdueOnly) {
  }

  /** One of the caller's open steps, with the case it belongs to. */
  record StepRow(CaseView caseView, OpenStep step, LocalDate dueOn, boolean overdue) {
  }

  /** The numbers on the home page. */
  record Counts(int openCases, int overdueCases, int openSteps) {
  }

  static final Comparator<CaseView> BY_NEXT_DEADLINE = Comparator
      .comparing(CaseView::nextDeadlineOn, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(CaseView::employeeName, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(CaseView::caseNumber);

  private final Caseload caseload;
  private final JourneyTasks tasks;
  private final Clock clock;

  MyWork(Caseload caseload, JourneyTasks tasks, Clock clock) {
    this.caseload = caseload;
    this.tasks = tasks;
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

  /**
   * The caller's open steps over all their active cases, earliest due first: one task query for the caller, kept
   * only where the case is one the access policy lets them see.
   */
  List<StepRow> steps(Actor actor) {
    Map<UUID, List<OpenStep>> mine = tasks.openStepsFor(actor.userId(), actor.groups());
    List<StepRow> rows = new ArrayList<>();
    for (CaseView view : cases(actor, new CaseFilter(null, null, false))) {
      rows.addAll(rows(actor, view, mine.getOrDefault(view.id(), List.of())));
    }
    rows.sort(Comparator.comparing((StepRow r) -> r.step().due(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.caseView().employeeName(), String.CASE_INSENSITIVE_ORDER));
    return rows;
  }

  /** The caller's open steps of one case the caller has been allowed to see. */
  List<StepRow> steps(Actor actor, CaseView view) {
    return rows(actor, view, tasks.openSteps(view.id()));
  }

  Counts counts(Actor actor) {
    List<CaseView> cases = cases(actor, new CaseFilter(null, null, false));
    Map<UUID, List<OpenStep>> mine = tasks.openStepsFor(actor.userId(), actor.groups());
    int steps = 0;
    for (CaseView view : cases) {
      steps += rows(actor, view, mine.getOrDefault(view.id(), List.of())).size();
    }
    return new Counts(cases.size(), (int) cases.stream().filter(CaseView::overdue).count(), steps);
  }

  private List<StepRow> rows(Actor actor, CaseView view, List<OpenStep> steps) {
    Instant now = clock.instant();
    return steps.stream()
        .filter(step -> step.isFor(actor.userId(), actor.groups()))
        .map(step -> new StepRow(view, step,
            step.due() == null ? null : LocalDate.ofInstant(step.due(), clock.getZone()),
            step.due() != null && step.due().isBefore(now)))
        .toList();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Clock clock() {
    return clock;
  }

  static UUID parseId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PageNotFoundException();
    }
  }
}
