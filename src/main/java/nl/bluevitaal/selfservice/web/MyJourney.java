package nl.bluevitaal.selfservice.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Service;

/**
 * Finds the employee's own case for "Mijn traject" and the home page. The registry only says which case is theirs;
 * everything shown is read through the access-checked services with the employee as actor.
 */
@Service
class MyJourney {

  /** What the home page shows an employee: their case and the first step that waits for them. */
  record Next(CaseView view, MySteps.StepRow step) {
  }

  private final CaseRegistry registry;
  private final Caseload caseload;
  private final MySteps steps;
  private final Clock clock;

  MyJourney(CaseRegistry registry, Caseload caseload, MySteps steps, Clock clock) {
    this.registry = registry;
    this.caseload = caseload;
    this.steps = steps;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
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
    return registry.currentCaseOf(actor.userId());
  }

  /** For the home page: the own case as the employee sees it and their first open step; empty without a case. */
  Optional<Next> next(Actor actor) {
    Optional<UUID> id = ownCase(actor);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    CaseView view = caseload.detail(actor, id.get()).summary();
    List<MySteps.StepRow> open = steps.steps(actor, view);
    return Optional.of(new Next(view, open.isEmpty() ? null : open.get(0)));
  }
}
