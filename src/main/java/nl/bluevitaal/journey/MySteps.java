package nl.bluevitaal.journey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's open steps, as their pages show them: only on cases the access policy lets them see
 * ({@link Caseload#visibleCases}), earliest due first, each with its case.
 */
@Service
@Transactional(readOnly = true)
public class MySteps {

  /** One of the person's open steps, with the case it belongs to. */
  public record StepRow(CaseView caseView, OpenStep step, LocalDate dueOn, boolean overdue) {
  }

  private final Caseload caseload;
  private final JourneyTasks tasks;
  private final Clock clock;

  MySteps(Caseload caseload, JourneyTasks tasks, Clock clock) {
    this.caseload = caseload;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * The person's open steps over all their active cases, earliest due first: one task query for the person, kept
   * only where the case is one the access policy lets them see.
   */
  public List<StepRow> steps(Actor actor) {
    Map<UUID, List<OpenStep>> mine = tasks.openStepsFor(actor.userId(), actor.groups());
    List<StepRow> rows = new ArrayList<>();
    for (CaseView view : caseload.visibleCases(actor, null)) {
      if (view.status() != CaseStatus.CLOSED) {
        rows.addAll(rows(actor, view, mine.getOrDefault(view.id(), List.of())));
      }
    }
    rows.sort(Comparator.comparing((StepRow r) -> r.step().due(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.caseView().employeeName(), String.CASE_INSENSITIVE_ORDER));
    return rows;
  }

  /** The person's open steps of one case they have been allowed to see. */
  public List<StepRow> steps(Actor actor, CaseView view) {
    return rows(actor, view, tasks.openSteps(view.id()));
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
}
