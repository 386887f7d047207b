package nl.bluevitaal.selfservice.web;

import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The signed-in employee and their own case, for the pages under Mijn traject (check-in, home tools): an employee, or
 * someone with an employee record of their own (a counsellor off sick); everyone else is refused (403, recorded where
 * it is answered). The registry only says which case is theirs; what is in it is still read through the access policy
 * with the employee as actor.
 */
@Component
public class OwnCase {

  /** The employee and their case (null when they have none). */
  public record Owner(Actor actor, UUID caseId) {
  }

  private final CaseRegistry registry;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;

  OwnCase(CaseRegistry registry, AccessPolicy policy, CurrentActor currentActor) {
    this.registry = registry;
    this.policy = policy;
    this.currentActor = currentActor;
  }

  /** The employee and their case, if they have one; a person of another role gets the 403 page. */
  public Owner get(String what) {
    Actor actor = currentActor.get();
    if (!mayOpen(actor)) {
      throw policy.roleRefusal(actor, null, what);
    }
    return new Owner(actor, registry.currentCaseOf(actor.userId()).orElse(null));
  }

  /** As {@link #get}, for a page that needs the case: an employee without one gets the 404 page. */
  public Owner require(String what) {
    Owner owner = get(what);
    if (owner.caseId() == null) {
      throw new NotFoundException("No case of yours");
    }
    return owner;
  }

  public boolean mayOpen(Actor actor) {
    return actor.isIn(Groups.EMPLOYEE) || registry.employeeByUserId(actor.userId()).isPresent();
  }
}
