package nl.bluevitaal.selfservice.hometools.web;

import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The signed-in employee and their own case, for the home tools' pages under Mijn traject. The registry only says
 * which case is theirs; every read and write is still checked by the access policy with the employee as actor.
 */
@Component
class OwnCase {

  /** The employee and the case their home tools belong to. */
  record Of(Actor actor, UUID caseId) {
  }

  private final CaseRegistry registry;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;

  OwnCase(CaseRegistry registry, CurrentActor currentActor, AccessPolicy policy) {
    this.registry = registry;
    this.currentActor = currentActor;
    this.policy = policy;
  }

  /**
   * An employee, or someone with an employee record of their own (a counsellor off sick), with a case; a person of
   * another role gets the 403 page, an employee without a case the 404 page.
   */
  Of get(String what) {
    Actor actor = currentActor.get();
    if (!actor.isIn(Groups.EMPLOYEE) && registry.employeeByUserId(actor.userId()).isEmpty()) {
      throw policy.roleRefusal(actor, null, what);
    }
    UUID caseId = registry.currentCaseOf(actor.userId()).orElseThrow(() -> new NotFoundException("No case of yours"));
    return new Of(actor, caseId);
  }
}
