package nl.bluevitaal.privacy.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.OwnCaseLookup;
import nl.bluevitaal.privacy.SharingOption;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The employee's own file as their pages reach it: which case is theirs, and who looked at it, newest first. Someone
 * who is no employee is refused these pages (403, recorded); an employee without a case finds nothing (404).
 */
@Component
class OwnFile {

  private final OwnCaseLookup ownCases;
  private final AuditTrail auditTrail;
  private final AccessPolicy policy;

  OwnFile(OwnCaseLookup ownCases, AuditTrail auditTrail, AccessPolicy policy) {
    this.ownCases = ownCases;
    this.auditTrail = auditTrail;
    this.policy = policy;
  }

  /** The caller's own case. */
  UUID caseOf(Actor actor, String page) {
    return ownCases.currentCaseOf(actor.userId()).orElseThrow(() -> actor.isIn(Groups.EMPLOYEE)
        ? new NotFoundException("No case of yours") : policy.roleRefusal(actor, null, page));
  }

  /** Every event of the audit trail of the caller's own case, newest first (reading it is their right). */
  List<AuditEvent> auditNewestFirst(Actor actor, UUID caseId) {
    policy.checkOwnFile(actor, caseId, Access.READ, "audit trail");
    List<AuditEvent> events = new ArrayList<>(auditTrail.forCase(caseId));
    events.sort(Comparator.comparing(AuditEvent::occurredAt).thenComparing(AuditEvent::id).reversed());
    return events;
  }

  /** The name of an option in forms and addresses: {@code SELF_REPORTS.CARE}. */
  static String key(SharingOption option) {
    return option.domain().name() + "." + option.audience().name();
  }
}
