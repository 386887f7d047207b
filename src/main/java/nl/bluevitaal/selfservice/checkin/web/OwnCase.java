package nl.bluevitaal.selfservice.checkin.web;

import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * The signed-in employee and their own case, as Mijn traject finds them: an employee, or someone with an employee
 * record of their own; everyone else is refused (403, recorded where it is answered). The registry only says which
 * case is theirs; the check-ins themselves are read through the access policy.
 */
@Component
class OwnCase {

  /** The employee and their case (null when they have none). */
  record Owner(Actor actor, UUID caseId) {
  }

  private final CaseRegistry registry;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;

  OwnCase(CaseRegistry registry, AccessPolicy policy, CurrentActor currentActor) {
    this.registry = registry;
    this.policy = policy;
    this.currentActor = currentActor;
  }

  Owner get(String what) {
    Actor actor = currentActor.get();
    if (!mayOpen(actor)) {
      throw policy.roleRefusal(actor, null, what);
    }
    Optional<UUID> caseId = registry.currentCaseOf(actor.userId());
    return new Owner(actor, caseId.orElse(null));
  }

  boolean mayOpen(Actor actor) {
    return actor.isIn(Groups.EMPLOYEE) || registry.employeeByUserId(actor.userId()).isPresent();
  }
}
