package nl.bluevitaal.privacy.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CasePartiesLookup;
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
  private final CasePartiesLookup parties;
  private final Accounts accounts;

  OwnFile(OwnCaseLookup ownCases, AuditTrail auditTrail, AccessPolicy policy, CasePartiesLookup parties,
      Accounts accounts) {
    this.ownCases = ownCases;
    this.auditTrail = auditTrail;
    this.policy = policy;
    this.parties = parties;
    this.accounts = accounts;
  }

  /**
   * Who a sharing choice reaches in this case, by name: the company doctor for {@link Audience#CARE}, the counsellor
   * for {@link Audience#COUNSELLOR}; an audience with nobody in the role yet is absent.
   */
  Map<Audience, String> audienceNames(UUID caseId) {
    CaseParties people = parties.find(caseId).orElse(null);
    Map<Audience, String> byAudience = new EnumMap<>(Audience.class);
    if (people == null) {
      return byAudience;
    }
    Map<String, String> names = names(Stream.of(people.companyDoctorUserId(), people.counsellorUserId()));
    if (people.companyDoctorUserId() != null) {
      byAudience.put(Audience.CARE, names.get(people.companyDoctorUserId()));
    }
    if (people.counsellorUserId() != null) {
      byAudience.put(Audience.COUNSELLOR, names.get(people.counsellorUserId()));
    }
    return byAudience;
  }

  /** Display names by user id; someone without an account keeps their id. */
  Map<String, String> names(Stream<String> userIds) {
    List<String> ids = userIds.filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>(accounts.displayNames(ids));
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
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

  /**
   * Everyone else who did something in the file, one group per person, the most recent first: their name and role,
   * how often, when last, and the latest of what they did (each kind of event once).
   */
  record AuditGroup(String userId, String name, String role, int count, OffsetDateTime last,
      List<AuditEvent> latest) {
  }

  /** How many kinds of event a group shows; the whole list is on the "who looked" page. */
  static final int GROUP_LATEST = 5;

  /** Whether the event is the employee's own doing (hidden unless they ask for it). */
  static boolean own(Actor actor, AuditEvent event) {
    return actor.userId().equals(event.actorUserId());
  }

  /**
   * Others' events grouped by person ({@link AuditGroup}), counted by the database: what Mijn traject shows at every
   * visit, where loading the whole trail grew slower with every visit (each adds the employee's own reads).
   */
  List<AuditGroup> othersGrouped(Actor actor, UUID caseId) {
    policy.checkOwnFile(actor, caseId, Access.READ, "audit trail");
    List<AuditTrail.PersonCount> people = auditTrail.othersOfCase(caseId, actor.userId());
    Map<String, String> names = names(people.stream().map(AuditTrail.PersonCount::userId));
    List<AuditGroup> groups = new ArrayList<>();
    for (AuditTrail.PersonCount person : people) {
      List<AuditEvent> latest = auditTrail.latestKindsBy(caseId, person.userId(), GROUP_LATEST);
      groups.add(new AuditGroup(person.userId(), names.get(person.userId()),
          latest.isEmpty() ? null : latest.get(0).actorRole(), person.count(), person.last(), latest));
    }
    return groups;
  }

  /** How many events of the file were the employee's own doing (shown on request). */
  int ownCount(Actor actor, UUID caseId) {
    return auditTrail.countBy(caseId, actor.userId());
  }

  /** Others' events grouped by person ({@link AuditGroup}), from events newest first. */
  List<AuditGroup> othersGrouped(Actor actor, List<AuditEvent> newestFirst) {
    Map<String, List<AuditEvent>> byPerson = new LinkedHashMap<>();
    newestFirst.stream().filter(e -> !own(actor, e))
        .forEach(e -> byPerson.computeIfAbsent(e.actorUserId(), k -> new ArrayList<>()).add(e));
    Map<String, String> names = names(byPerson.keySet().stream());
    List<AuditGroup> groups = new ArrayList<>();
    byPerson.forEach((userId, events) -> {
      Map<String, AuditEvent> kinds = new LinkedHashMap<>();
      events.forEach(e -> kinds.putIfAbsent(e.action() + "/" + e.domain(), e));
      groups.add(new AuditGroup(userId, names.get(userId), events.get(0).actorRole(), events.size(),
          events.get(0).occurredAt(), kinds.values().stream().limit(GROUP_LATEST).toList()));
    });
    return groups;
  }

  /** The name of an option in forms and addresses: {@code SELF_REPORTS.CARE}. */
  static String key(SharingOption option) {
    return option.domain().name() + "." + option.audience().name();
  }
}
