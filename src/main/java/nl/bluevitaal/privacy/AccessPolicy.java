package nl.bluevitaal.privacy;

import static nl.bluevitaal.privacy.Access.READ;
import static nl.bluevitaal.privacy.Access.WRITE;

import java.util.EnumSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.internal.AuditRecorder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may read or write which domain of which case (the matrix of docs/privacy.md). Every
 * endpoint, page, list, search and export asks here; {@link #check} also writes the audit trail.
 *
 * <p>Access follows the actor's relation to the case, never the group alone: a counsellor reaches the cases they
 * counsel, a company doctor the cases they are doctor of, a line manager their own team, a buddy only the relation
 * they are part of. Relations add up: a counsellor who is also a care professional has both columns of the matrix.
 */
@Service
public class AccessPolicy {

  private final ObjectProvider<CasePartiesLookup> lookup;
  private final ConsentLookup consents;
  private final AuditRecorder audit;
  private final ObjectProvider<HomeFrontLookup> homeFront;
  private final ObjectProvider<TeamLookup> teams;

  AccessPolicy(ObjectProvider<CasePartiesLookup> lookup, ConsentLookup consents, AuditRecorder audit,
      ObjectProvider<HomeFrontLookup> homeFront, ObjectProvider<TeamLookup> teams) {
    this.lookup = lookup;
    this.consents = consents;
    this.audit = audit;
    this.homeFront = homeFront;
    this.teams = teams;
  }

  /** The matrix, no side effects. */
  public boolean permits(Actor actor, CaseParties parties, Domain domain, Access access) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(access, "access");
    if (actor == null || parties == null || actor.userId() == null) {
      return false;
    }
    return asEmployee(actor, parties, domain, access)
        || asCounsellor(actor, parties, domain, access)
        || asCare(actor, parties, domain, access)
        || asLineManager(actor, parties, domain, access)
        || asBuddy(actor, parties, domain, access)
        || asHomeFront(actor, parties, domain, access)
        || asManagement(actor, domain, access);
  }

  /**
   * Whether this case exists for the caller at all: they may read at least one of the domains A–F. Domain G alone
   * (aggregates) does not make a single case visible, so management sees no case. False → the API answers 404.
   */
  public boolean canSeeCase(Actor actor, CaseParties parties) {
    for (Domain domain : Domain.values()) {
      if (domain != Domain.INSIGHT && permits(actor, parties, domain, READ)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Domain F in full (names, relations) rather than only "a buddy exists": the employee, the company doctor and a
   * care professional of the case. A counsellor without the care flag sees that a buddy exists; a buddy sees only
   * their own relation.
   */
  public boolean seesSupportNetworkDetails(Actor actor, CaseParties parties) {
    return actor != null && parties != null && (isEmployee(actor, parties) || isCare(actor, parties));
  }

  /** Every relation the actor has to the case, in {@link CaseRelation}'s order; empty for an outsider. */
  public EnumSet<CaseRelation> relations(Actor actor, CaseParties parties) {
    EnumSet<CaseRelation> relations = EnumSet.noneOf(CaseRelation.class);
    if (actor == null || parties == null || actor.userId() == null) {
      return relations;
    }
    if (isEmployee(actor, parties)) {
      relations.add(CaseRelation.EMPLOYEE);
    }
    if (isDoctor(actor, parties)) {
      relations.add(CaseRelation.COMPANY_DOCTOR);
    }
    if (actor.careProfessional() && isCounsellor(actor, parties)) {
      relations.add(CaseRelation.CARE_PROFESSIONAL);
    }
    if (isCounsellor(actor, parties)) {
      relations.add(CaseRelation.COUNSELLOR);
    }
    if (isLineManager(actor, parties)) {
      relations.add(CaseRelation.LINE_MANAGER);
    }
    if (isBuddy(actor, parties)) {
      relations.add(CaseRelation.BUDDY);
    }
    return relations;
  }

  /** The employee whose file it is, and nobody else: sharing settings and "who looked at my file". */
  public boolean isOwnFile(Actor actor, CaseParties parties) {
    return actor != null && parties != null && isEmployee(actor, parties);
  }

  /**
   * Checks and audits: a read or write of B–F is recorded here; a refusal is thrown as
   * {@link CaseAccessDeniedException}, which the one place that answers it records (see that class).
   * {@code what} is a short description like "problem analysis v3"; it is stored in the audit trail, so never put
   * health data in it.
   */
  public void check(Actor actor, CaseParties parties, Domain domain, Access access, String what) {
    Objects.requireNonNull(parties, "parties");
    if (!permits(actor, parties, domain, access)) {
      throw refuse(actor, parties, domain, access, what);
    }
    if (domain.audited()) {
      AuditAction action = access == READ ? AuditAction.READ : AuditAction.WRITE;
      if (access == READ) {
        audit.recordNow(userOf(actor), roleOn(actor, parties), action, domain, parties.caseId(), what);
      } else {
        audit.recordWithCaller(userOf(actor), roleOn(actor, parties), action, domain, parties.caseId(), what);
      }
    }
  }

  /**
   * Loads the parties through {@link CasePartiesLookup} and checks; an unknown case is refused with
   * {@code caseVisible == false}, exactly like a case the caller may not know. Returns the parties.
   */
  public CaseParties check(Actor actor, UUID caseId, Domain domain, Access access, String what) {
    CaseParties parties = find(actor, caseId, domain, access, what);
    check(actor, parties, domain, access, what);
    return parties;
  }

  /**
   * For the employee's own-file functions (sharing settings, the audit trail): the case's employee passes, everyone
   * else is refused (403 when they may see the case otherwise, else 404). Returns the parties.
   */
  public CaseParties checkOwnFile(Actor actor, UUID caseId, Access access, String what) {
    CaseParties parties = find(actor, caseId, null, access, what);
    if (!isOwnFile(actor, parties)) {
      throw refuse(actor, parties, null, access, what);
    }
    return parties;
  }

  /**
   * Aggregated insight (domain G), no case: whether the actor may read figures of this scope. Management, counsellors
   * (and their lead) and company doctors read their unit and its teams; a line manager only the teams they lead; a
   * counsellor's own caseload is theirs and their lead's; the model's figures are the process owner's and
   * management's. Employees, buddies and the home front read none.
   */
  public boolean permitsInsight(Actor actor, InsightScope scope) {
    Objects.requireNonNull(scope, "scope");
    if (actor == null || actor.userId() == null) {
      return false;
    }
    boolean unitWide = actor.isIn(Groups.MANAGEMENT) || actor.isIn(Groups.COUNSELLOR)
        || actor.isIn(Groups.COMPANY_DOCTOR);
    return switch (scope.kind()) {
      case UNIT -> unitWide;
      case TEAM -> unitWide || leadsTeam(actor, scope);
      case COUNSELLOR -> actor.isIn(Groups.COUNSELLOR)
          && (actor.userId().equals(scope.counsellorUserId()) || actor.isIn(Groups.COUNSELLOR_LEAD));
      case COUNSELLORS -> actor.isIn(Groups.COUNSELLOR) && actor.isIn(Groups.COUNSELLOR_LEAD);
      case MODEL -> actor.isIn(Groups.PROCESS_OWNER) || actor.isIn(Groups.MANAGEMENT);
    };
  }

  /**
   * Checks and audits a read of insight: every read is recorded (domain G, no case), every refusal thrown as a 403
   * that the place answering it records. {@code what} names the figure ("throughput 2026 by month").
   */
  public void checkInsight(Actor actor, InsightScope scope, String what) {
    String described = what + " (" + scope.describe() + ")";
    if (!permitsInsight(actor, scope)) {
      throw new CaseAccessDeniedException(null, true, userOf(actor), roleOn(actor, null), Domain.INSIGHT,
          describe(READ, described));
    }
    audit.recordNow(userOf(actor), roleOn(actor, null), AuditAction.READ, Domain.INSIGHT, null, described);
  }

  /**
   * Whether the actor may enter or import the population of a unit's teams (headcount and FTE per month, the ground
   * of the absence percentage): management only. The population names nobody; reading it is a read of the unit.
   */
  public boolean permitsPopulationChange(Actor actor) {
    return actor != null && actor.userId() != null && actor.isIn(Groups.MANAGEMENT);
  }

  /** Checks and audits a change of a unit's population: recorded as a write (domain G), a refusal as a 403. */
  public void checkPopulationChange(Actor actor, String unit, String what) {
    String described = what + " (population of unit " + unit + ")";
    if (!permitsPopulationChange(actor)) {
      throw new CaseAccessDeniedException(null, true, userOf(actor), roleOn(actor, null), Domain.INSIGHT,
          describe(Access.WRITE, described));
    }
    audit.recordNow(userOf(actor), roleOn(actor, null), AuditAction.WRITE, Domain.INSIGHT, null, described);
  }

  private boolean leadsTeam(Actor actor, InsightScope scope) {
    if (!actor.isIn(Groups.LINE_MANAGER)) {
      return false;
    }
    TeamLookup lookup = teams.getIfAvailable();
    return lookup != null
        && lookup.teamsLedBy(actor.userId()).contains(new TeamLookup.Team(scope.unit(), scope.team()));
  }

  /**
   * Records an action the actor took on the case, in the caller's transaction (completing a journey step): who did
   * what stays traceable for the employee, also where the domain itself (A) is not audited on every read.
   */
  public void recordAction(Actor actor, CaseParties parties, Domain domain, String what) {
    audit.recordWithCaller(userOf(actor), roleOn(actor, parties), AuditAction.WRITE, domain, parties.caseId(), what);
  }

  /**
   * Records a read outside the matrix that the employee allowed for one record and one reader (a wish for contact,
   * shared with the person it is for), so the employee sees who looked at it like any other read of the domain.
   */
  public void recordSharedRead(Actor actor, CaseParties parties, Domain domain, String what) {
    audit.recordNow(userOf(actor), roleOn(actor, parties), AuditAction.READ, domain, parties.caseId(), what);
  }

  /**
   * Records an action about no case (a process owner's deployment of a model), in the caller's transaction, so it
   * rolls back with the action.
   */
  public void recordAction(Actor actor, String what) {
    audit.recordWithCaller(userOf(actor), roleOn(actor, null), AuditAction.WRITE, null, null, what);
  }

  /**
   * Records a use of a tool about no case that changes nothing but runs on the server (a process owner's dry run of a
   * draft, a decision evaluated on the test bench), at once, so who tried what stays traceable.
   */
  public void recordUse(Actor actor, String what) {
    audit.recordNow(userOf(actor), roleOn(actor, null), AuditAction.READ, null, null, what);
  }

  /**
   * Records a refusal about no case that the caller answers itself (a rule of the workbench, shown beside the form),
   * in a transaction of its own so it stays recorded.
   */
  public void recordRefusal(Actor actor, String what) {
    audit.recordNow(userOf(actor), roleOn(actor, null), AuditAction.REFUSED, null, null, what);
  }

  /**
   * Records one of the policy's refusals that the caller answers with a page of its own (a naaste whose access ended),
   * in a transaction of its own so it stays recorded; the general error pages record theirs themselves.
   */
  public void recordRefusal(CaseAccessDeniedException refusal) {
    audit.recordNow(refusal.actorUserId(), refusal.actorRole(), AuditAction.REFUSED, refusal.domain(),
        refusal.caseId(), refusal.what());
  }

  /**
   * The actor's relation to the case as the audit trail records it: the first of {@link #relations}; otherwise
   * their groups.
   */
  public String roleOn(Actor actor, CaseParties parties) {
    if (actor == null) {
      return "anonymous";
    }
    EnumSet<CaseRelation> relations = relations(actor, parties);
    if (!relations.isEmpty()) {
      return relations.iterator().next().auditName();
    }
    return actor.groups().isEmpty() ? "none" : String.join(",", new TreeSet<>(actor.groups()));
  }

  private CaseParties find(Actor actor, UUID caseId, Domain domain, Access access, String what) {
    Objects.requireNonNull(caseId, "caseId");
    CasePartiesLookup parties = lookup.getIfAvailable();
    if (parties == null) {
      throw new IllegalStateException("No CasePartiesLookup: the case file must provide one");
    }
    return parties.find(caseId).orElseThrow(() -> new CaseAccessDeniedException(caseId, false, userOf(actor),
        roleOn(actor, null), domain, describe(access, what) + " (no such case)"));
  }

  /**
   * A refusal by a rule finer than the matrix (who writes which document type, who signs): 403 when the caller may
   * see the case, else 404. Throw what this returns; it is recorded where it is answered.
   */
  public CaseAccessDeniedException refusal(Actor actor, CaseParties parties, Domain domain, Access access,
      String what) {
    Objects.requireNonNull(parties, "parties");
    return refuse(actor, parties, domain, access, what);
  }

  /**
   * Something inside a case the caller may see that does not exist for them (a draft that is not theirs, a step
   * that is not theirs, an id that matches nothing): the same 404 as an unknown case.
   */
  public CaseAccessDeniedException hidden(Actor actor, CaseParties parties, String what) {
    Objects.requireNonNull(parties, "parties");
    return new CaseAccessDeniedException(parties.caseId(), false, userOf(actor), roleOn(actor, parties), null,
        what + " (not found or not theirs)");
  }

  /**
   * A page or function that is not for the caller's role at all (the team page for a counsellor, a caseload for an
   * employee): 403. {@code caseId} is the case the address named, or null.
   */
  public CaseAccessDeniedException roleRefusal(Actor actor, UUID caseId, String what) {
    return new CaseAccessDeniedException(caseId, true, userOf(actor), roleOn(actor, null), null, what);
  }

  private CaseAccessDeniedException refuse(Actor actor, CaseParties parties, Domain domain, Access access,
      String what) {
    return new CaseAccessDeniedException(parties.caseId(), canSeeCase(actor, parties), userOf(actor),
        roleOn(actor, parties), domain, describe(access, what));
  }

  private static String describe(Access access, String what) {
    String verb = access == null ? "" : access.name().toLowerCase() + " ";
    return verb + (what == null ? "" : what);
  }

  private static String userOf(Actor actor) {
    return actor == null || actor.userId() == null ? "anonymous" : actor.userId();
  }

  // --- the columns of the matrix ---

  /** Employee column: R on A–D, RW on E and F (their voluntary extras), nothing of G. */
  private static boolean asEmployee(Actor actor, CaseParties parties, Domain domain, Access access) {
    if (!isEmployee(actor, parties)) {
      return false;
    }
    return switch (domain) {
      case ADMINISTRATIVE, FUNCTIONAL, REINTEGRATION, MEDICAL -> access == READ;
      case SELF_REPORTS, SUPPORT_NETWORK -> true;
      case INSIGHT -> false;
    };
  }

  /**
   * Counsellor column (employer side): RW on A and C, R on B, R on F (the other side shows only that a buddy exists),
   * R on G. Nothing of D; nothing of E by this matrix: a wish for contact the employee shares with the counsellor is
   * read outside it, for that one wish ({@link #recordSharedRead}).
   */
  private static boolean asCounsellor(Actor actor, CaseParties parties, Domain domain, Access access) {
    if (!isCounsellor(actor, parties)) {
      return false;
    }
    return switch (domain) {
      case ADMINISTRATIVE, REINTEGRATION -> true;
      case FUNCTIONAL, SUPPORT_NETWORK, INSIGHT -> access == READ;
      case MEDICAL, SELF_REPORTS -> false;
    };
  }

  /**
   * Care professional / company doctor column: R on A, RW on B and D, R on C plus W for their own documents (see
   * {@link #mayWriteDocument}), R on E only while the employee shares it with care, R on F and G.
   */
  private boolean asCare(Actor actor, CaseParties parties, Domain domain, Access access) {
    if (!isCare(actor, parties)) {
      return false;
    }
    return switch (domain) {
      case FUNCTIONAL, MEDICAL, REINTEGRATION -> true;
      case ADMINISTRATIVE, SUPPORT_NETWORK, INSIGHT -> access == READ;
      case SELF_REPORTS -> access == READ && parties.caseId() != null
          && consents.isShared(parties.caseId(), Domain.SELF_REPORTS, Audience.CARE);
    };
  }

  /** Line manager column, own team only: R on A, B, C and G. */
  private static boolean asLineManager(Actor actor, CaseParties parties, Domain domain, Access access) {
    if (!isLineManager(actor, parties) || access != READ) {
      return false;
    }
    return switch (domain) {
      case ADMINISTRATIVE, FUNCTIONAL, REINTEGRATION, INSIGHT -> true;
      case MEDICAL, SELF_REPORTS, SUPPORT_NETWORK -> false;
    };
  }

  /** Buddy column: only their own relation in F, read only. */
  private static boolean asBuddy(Actor actor, CaseParties parties, Domain domain, Access access) {
    return isBuddy(actor, parties) && domain == Domain.SUPPORT_NETWORK && access == READ;
  }

  /**
   * Home-front column (a "naaste" the employee invited): only their own relation in F, read only, and only while the
   * employee's consent stands. What they see of the journey is what the employee chose for them (self-service).
   */
  private boolean asHomeFront(Actor actor, CaseParties parties, Domain domain, Access access) {
    if (!actor.isIn(Groups.HOME_FRONT) || domain != Domain.SUPPORT_NETWORK || access != READ
        || parties.caseId() == null) {
      return false;
    }
    HomeFrontLookup lookup = homeFront.getIfAvailable();
    return lookup != null && lookup.isActiveHomeFront(parties.caseId(), actor.userId());
  }

  /** Management column: aggregates only, over every case; never a single case's content. */
  private static boolean asManagement(Actor actor, Domain domain, Access access) {
    return actor.isIn(Groups.MANAGEMENT) && domain == Domain.INSIGHT && access == READ;
  }

  // --- relations ---

  private static boolean isEmployee(Actor actor, CaseParties parties) {
    return actor.userId() != null && actor.userId().equals(parties.employeeUserId());
  }

  private static boolean isCounsellor(Actor actor, CaseParties parties) {
    return actor.isIn(Groups.COUNSELLOR) && actor.userId() != null
        && actor.userId().equals(parties.counsellorUserId());
  }

  private static boolean isDoctor(Actor actor, CaseParties parties) {
    return actor.isIn(Groups.COMPANY_DOCTOR) && actor.userId() != null
        && actor.userId().equals(parties.companyDoctorUserId());
  }

  /** The company doctor of the case, or its counsellor when working under the doctor's delegation. */
  private static boolean isCare(Actor actor, CaseParties parties) {
    return isDoctor(actor, parties) || (actor.careProfessional() && isCounsellor(actor, parties));
  }

  private static boolean isLineManager(Actor actor, CaseParties parties) {
    return actor.isIn(Groups.LINE_MANAGER) && actor.userId() != null
        && actor.userId().equals(parties.lineManagerUserId());
  }

  private static boolean isBuddy(Actor actor, CaseParties parties) {
    return actor.isIn(Groups.BUDDY) && actor.userId() != null && parties.buddyUserIds().contains(actor.userId());
  }
}
