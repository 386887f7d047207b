package nl.bluevitaal.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseSummary;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Finds the employee's own case for "Mijn traject" and the home page. The registry only says which case is theirs;
 * everything shown is read through the access-checked services with the employee as actor.
 */
@Service
class MyJourney {

  /** What the home page shows an employee: their case and the first step or deadline that waits. */
  record Next(CaseView view, MyWork.StepRow step) {
  }

  private final CaseRegistry registry;
  private final Caseload caseload;
  private final MyWork work;

  MyJourney(CaseRegistry registry, Caseload caseload, MyWork work) {
    this.registry = registry;
    this.caseload = caseload;
    this.work = work;
  }

  /**
   * An employee, or someone with an employee record of their own (a counsellor off sick acts as the employee in
   * their own case); everyone else gets the 403 page.
   */
  boolean mayOpen(Actor actor) {
    return actor.isIn(Groups.EMPLOYEE) || registry.employeeByUserId(actor.userId()).isPresent();
  }

  /** The actor's own case: the open one, else the most recent; empty when they have none. */
  Optional<UUID> ownCase(Actor actor) {
    return registry.employeeByUserId(actor.userId())
        .flatMap(employee -> registry.casesOfEmployee(employee.id()).stream()
            .min(Comparator.comparing((CaseSummary c) -> c.status() == CaseStatus.CLOSED)
                .thenComparing(CaseSummary::firstSickDay, Comparator.reverseOrder())))
        .map(CaseSummary::id);
  }

  /** For the home page: the own case as the employee sees it and their first open step; empty without a case. */
  Optional<Next> next(Actor actor) {
    Optional<UUID> id = ownCase(actor);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      CaseView view = caseload.detail(actor, id.get()).summary();
      List<MyWork.StepRow> steps = work.steps(actor, view);
      return Optional.of(new Next(view, steps.isEmpty() ? null : steps.get(0)));
    } catch (CaseAccessDeniedException e) {
      return Optional.empty();
    }
  }
}
