package nl.bluevitaal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.internal.AuditRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The matrix of docs/privacy.md, cell by cell: every role × domain × read/write on the actor's own case (own team, own
 * buddy relation), and the same actor on someone else's case.
 */
class AccessPolicyTest {

  /**
   * docs/privacy.md, "Who sees what": R read, W write, RW both, - none.
   * Care professional = a counsellor of the case under the company doctor's delegation: the counsellor's and the
   * doctor's columns together. E for care is R only while the employee shares it (see the sharing tests below).
   */
  static final Map<String, String> MATRIX = new LinkedHashMap<>();

  static {
    //                                A   B   C   D   E   F   G
    MATRIX.put("employee",          "R   R   R   R   RW  RW  -");
    MATRIX.put("counsellor",        "RW  R   RW  -   -   R   R");
    MATRIX.put("care-professional", "RW  RW  RW  RW  -   R   R");
    MATRIX.put("company-doctor",    "R   RW  RW  RW  -   R   R");
    MATRIX.put("line-manager",      "R   R   R   -   -   -   R");
    MATRIX.put("management",        "-   -   -   -   -   -   R");
    MATRIX.put("buddy",             "-   -   -   -   -   R   -");
    MATRIX.put("home-front",        "-   -   -   -   -   R   -");
    MATRIX.put("process-owner",     "-   -   -   -   -   -   -");
    MATRIX.put("administrator",     "-   -   -   -   -   -   -");
  }

  static final UUID CASE = UUID.randomUUID();
  static final CaseParties OWN = new CaseParties(CASE, "emp", "lm", "couns", "doc", Set.of("bud"));
  static final CaseParties OTHER = new CaseParties(UUID.randomUUID(), "emp2", "lm2", "couns2", "doc2",
      Set.of("bud2"));

  final Set<String> shared = new HashSet<>();
  final List<String> audit = new ArrayList<>();
  final Map<UUID, CaseParties> cases = new LinkedHashMap<>();
  /** The naastes whose access the employee of {@link #OWN} granted and has not withdrawn. */
  final Set<String> activeHomeFront = new HashSet<>(Set.of("nst"));
  AccessPolicy policy;

  @BeforeEach
  void policy() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("lookup", (CasePartiesLookup) id -> Optional.ofNullable(cases.get(id)));
    beans.registerSingleton("homeFront", (HomeFrontLookup) (caseId, userId) -> OWN.caseId().equals(caseId)
        && activeHomeFront.contains(userId));
    beans.registerSingleton("teams", (TeamLookup) userId -> "lm".equals(userId)
        ? Set.of(new TeamLookup.Team("Eenheid", "Team Noord")) : Set.of());
    policy = new AccessPolicy(beans.getBeanProvider(CasePartiesLookup.class),
        (caseId, domain, audience) -> shared.contains(caseId + "/" + domain + "/" + audience),
        new AuditRecorder() {
          @Override
          public void recordNow(String user, String role, AuditAction action, Domain domain, UUID caseId,
              String what) {
            audit.add("now " + user + " " + role + " " + action + " " + domain + " " + what);
          }

          @Override
          public void recordWithCaller(String user, String role, AuditAction action, Domain domain, UUID caseId,
              String what) {
            audit.add("caller " + user + " " + role + " " + action + " " + domain + " " + what);
          }
        }, beans.getBeanProvider(HomeFrontLookup.class), beans.getBeanProvider(TeamLookup.class));
    cases.put(OWN.caseId(), OWN);
  }

  /** The actor standing in the given column for {@link #OWN}: the case's own counsellor, doctor, line manager... */
  static Actor actor(String role) {
    return switch (role) {
      case "employee" -> new Actor("emp", Set.of(Groups.EMPLOYEE), false);
      case "counsellor" -> new Actor("couns", Set.of(Groups.COUNSELLOR), false);
      case "care-professional" -> new Actor("couns", Set.of(Groups.COUNSELLOR, Roles.CARE_PROFESSIONAL), true);
      case "company-doctor" -> new Actor("doc", Set.of(Groups.COMPANY_DOCTOR), false);
      case "line-manager" -> new Actor("lm", Set.of(Groups.LINE_MANAGER), false);
      case "management" -> new Actor("mgmt", Set.of(Groups.MANAGEMENT), false);
      case "buddy" -> new Actor("bud", Set.of(Groups.BUDDY), false);
      case "home-front" -> new Actor("nst", Set.of(Groups.HOME_FRONT), false);
      case "process-owner" -> new Actor("po", Set.of(Groups.PROCESS_OWNER), false);
      case "administrator" -> new Actor("adm", Set.of(Groups.ADMINISTRATOR), false);
      default -> throw new IllegalArgumentException(role);
    };
  }

  static boolean expected(String role, Domain domain, Access access) {
    String cell = MATRIX.get(role).trim().split("\\s+")[domain.ordinal()];
    return cell.contains(access == Access.READ ? "R" : "W");
  }

  static Stream<Arguments> cells() {
    return MATRIX.keySet().stream().flatMap(role -> Arrays.stream(Domain.values()).flatMap(domain ->
        Stream.of(Access.READ, Access.WRITE).map(access ->
            Arguments.of(role, domain, access, expected(role, domain, access)))));
  }

  @ParameterizedTest(name = "{0} × {1} × {2} on own case → {3}")
  @MethodSource("cells")
  void ownCaseFollowsTheMatrix(String role, Domain domain, Access access, boolean allowed) {
    assertThat(policy.permits(actor(role), OWN, domain, access)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} × {1} × {2} on another case → only management's aggregates")
  @MethodSource("cells")
  void anotherCaseGivesNothingButAggregates(String role, Domain domain, Access access, boolean ignored) {
    boolean aggregates = role.equals("management") && domain == Domain.INSIGHT && access == Access.READ;

    assertThat(policy.permits(actor(role), OTHER, domain, access)).isEqualTo(aggregates);
  }

  @Test
  void aWithdrawnNaasteReadsNothingAtTheNextDecision() {
    Actor naaste = actor("home-front");
    assertThat(policy.permits(naaste, OWN, Domain.SUPPORT_NETWORK, Access.READ)).isTrue();

    activeHomeFront.remove("nst");

    assertThat(policy.permits(naaste, OWN, Domain.SUPPORT_NETWORK, Access.READ)).isFalse();
    assertThat(policy.canSeeCase(naaste, OWN)).isFalse();
  }

  @Test
  void theMatrixCoversEveryRoleAndDomain() {
    assertThat(MATRIX.keySet()).containsAll(Groups.ALL).contains(Roles.CARE_PROFESSIONAL);
    MATRIX.values().forEach(row -> assertThat(row.trim().split("\\s+")).hasSize(Domain.values().length));
    assertThat(cells()).hasSize(MATRIX.size() * Domain.values().length * 2);
  }

  @Test
  void domainsAreAtoGInTheOrderOfPrivacyMd() {
    assertThat(Arrays.stream(Domain.values()).map(d -> String.valueOf(d.letter()))).containsExactly(
        "A", "B", "C", "D", "E", "F", "G");
    assertThat(EnumSet.allOf(Domain.class).stream().filter(Domain::audited)).containsExactly(Domain.FUNCTIONAL,
        Domain.REINTEGRATION, Domain.MEDICAL, Domain.SELF_REPORTS, Domain.SUPPORT_NETWORK);
  }

  @Nested
  class Relations {

    @Test
    void theCareFlagWithoutTheCounsellorGroupGivesNothing() {
      Actor flagged = new Actor("couns", Set.of(Roles.CARE_PROFESSIONAL), true);

      assertThat(Domain.values()).noneMatch(d -> policy.permits(flagged, OWN, d, Access.READ));
    }

    @Test
    void aCareProfessionalIsCareOnlyOnTheCasesTheyCounsel() {
      Actor care = actor("care-professional");
      CaseParties doctorOnly = new CaseParties(CASE, "emp", "lm", "someone-else", "couns", Set.of());

      assertThat(policy.permits(care, OTHER, Domain.MEDICAL, Access.READ)).isFalse();
      // Named as the doctor of a case, but not a company doctor: the relation needs the group too.
      assertThat(policy.permits(care, doctorOnly, Domain.MEDICAL, Access.READ)).isFalse();
    }

    @Test
    void aGroupAloneGivesNoCase() {
      for (String group : List.of(Groups.COUNSELLOR, Groups.COMPANY_DOCTOR, Groups.LINE_MANAGER, Groups.BUDDY)) {
        Actor stranger = new Actor("stranger", Set.of(group), false);

        assertThat(policy.canSeeCase(stranger, OWN)).as(group).isFalse();
      }
    }

    @Test
    void relationsAddUpForSomeoneWithTwoRoles() {
      // A line manager who is off sick themselves reads their own medical domain, not their team member's.
      CaseParties ownSickness = new CaseParties(UUID.randomUUID(), "lm", "boss", "couns", "doc", Set.of());
      Actor lineManager = actor("line-manager");

      assertThat(policy.permits(lineManager, ownSickness, Domain.MEDICAL, Access.READ)).isTrue();
      assertThat(policy.permits(lineManager, OWN, Domain.MEDICAL, Access.READ)).isFalse();
    }

    @Test
    void nobodyIsAttachedMeansNobodyButTheEmployee() {
      CaseParties bare = new CaseParties(CASE, "emp", null, null, null, null);
      activeHomeFront.clear();

      assertThat(MATRIX.keySet().stream().filter(role -> policy.canSeeCase(actor(role), bare)))
          .containsExactly("employee");
    }

    @Test
    void whoSeesTheCaseAtAll() {
      assertThat(MATRIX.keySet().stream().filter(role -> policy.canSeeCase(actor(role), OWN))).containsExactly(
          "employee", "counsellor", "care-professional", "company-doctor", "line-manager", "buddy", "home-front");
      assertThat(MATRIX.keySet().stream().filter(role -> policy.canSeeCase(actor(role), OTHER))).isEmpty();
    }
  }

  @Nested
  class Sharing {

    @Test
    void careReadsSelfReportsOnlyWhileTheEmployeeShares() {
      assertThat(policy.permits(actor("company-doctor"), OWN, Domain.SELF_REPORTS, Access.READ)).isFalse();

      shared.add(CASE + "/SELF_REPORTS/CARE");

      for (String care : List.of("company-doctor", "care-professional")) {
        assertThat(policy.permits(actor(care), OWN, Domain.SELF_REPORTS, Access.READ)).as(care).isTrue();
        assertThat(policy.permits(actor(care), OWN, Domain.SELF_REPORTS, Access.WRITE)).as(care).isFalse();
        assertThat(policy.permits(actor(care), OTHER, Domain.SELF_REPORTS, Access.READ)).as(care).isFalse();
      }
      // Employer side: sharing with care does not reach them, and consent towards the employer does not count.
      for (String employerSide : List.of("counsellor", "line-manager", "management")) {
        assertThat(policy.permits(actor(employerSide), OWN, Domain.SELF_REPORTS, Access.READ)).isFalse();
      }
    }

    @Test
    void sharingTheWantsContactFlagOpensNoSelfReportsToTheCounsellor() {
      shared.add(CASE + "/SELF_REPORTS/COUNSELLOR");

      assertThat(policy.permits(actor("counsellor"), OWN, Domain.SELF_REPORTS, Access.READ)).isFalse();
    }

    @Test
    void revokingTakesEffectForTheNextDecision() {
      shared.add(CASE + "/SELF_REPORTS/CARE");
      assertThat(policy.permits(actor("company-doctor"), OWN, Domain.SELF_REPORTS, Access.READ)).isTrue();

      shared.clear();

      assertThat(policy.permits(actor("company-doctor"), OWN, Domain.SELF_REPORTS, Access.READ)).isFalse();
    }
  }

  @Nested
  class Details {

    @Test
    void supportNetworkDetailsForTheEmployeeAndCareOnly() {
      assertThat(MATRIX.keySet().stream().filter(role -> policy.seesSupportNetworkDetails(actor(role), OWN)))
          .containsExactly("employee", "care-professional", "company-doctor");
    }

    @Test
    void everyoneStandsInTheirRelationsToTheCase() {
      assertThat(policy.relations(actor("employee"), OWN)).containsExactly(CaseRelation.EMPLOYEE);
      assertThat(policy.relations(actor("counsellor"), OWN)).containsExactly(CaseRelation.COUNSELLOR);
      assertThat(policy.relations(actor("care-professional"), OWN))
          .containsExactly(CaseRelation.CARE_PROFESSIONAL, CaseRelation.COUNSELLOR);
      assertThat(policy.relations(actor("company-doctor"), OWN)).containsExactly(CaseRelation.COMPANY_DOCTOR);
      assertThat(policy.relations(actor("line-manager"), OWN)).containsExactly(CaseRelation.LINE_MANAGER);
      assertThat(policy.relations(actor("buddy"), OWN)).containsExactly(CaseRelation.BUDDY);
      for (String outsider : List.of("management", "process-owner", "administrator")) {
        assertThat(policy.relations(actor(outsider), OWN)).as(outsider).isEmpty();
      }
      for (String role : MATRIX.keySet()) {
        assertThat(policy.relations(actor(role), OTHER)).as(role + " on another case").isEmpty();
      }
    }

    @Test
    void aGroupWithoutTheRelationIsNoRelation() {
      // The line manager who is also in the counsellor group is the line manager here, not a counsellor.
      Actor lineManagerAndCounsellor = new Actor("lm", Set.of(Groups.LINE_MANAGER, Groups.COUNSELLOR), false);

      assertThat(policy.relations(lineManagerAndCounsellor, OWN)).containsExactly(CaseRelation.LINE_MANAGER);
      assertThat(policy.roleOn(lineManagerAndCounsellor, OWN)).isEqualTo(Groups.LINE_MANAGER);
    }

    @Test
    void onlyTheEmployeeOwnsTheFile() {
      assertThat(MATRIX.keySet().stream().filter(role -> policy.isOwnFile(actor(role), OWN)))
          .containsExactly("employee");
    }
  }

  @Nested
  class Checks {

    @Test
    void readsOfBtoFAreAuditedAtOnceWritesWithTheCaller() {
      policy.check(actor("company-doctor"), OWN, Domain.MEDICAL, Access.READ, "medical notes");
      policy.check(actor("company-doctor"), OWN, Domain.MEDICAL, Access.WRITE, "medical note");
      policy.check(actor("counsellor"), OWN, Domain.ADMINISTRATIVE, Access.READ, "case summary");
      policy.check(actor("counsellor"), OWN, Domain.INSIGHT, Access.READ, "caseload");

      assertThat(audit).containsExactly(
          "now doc company-doctor READ MEDICAL medical notes",
          "caller doc company-doctor WRITE MEDICAL medical note");
    }

    @Test
    void everyRefusalCarriesWhoWhatAndWhetherTheCaseMayBeKnown() {
      assertThatThrownBy(() -> policy.check(actor("line-manager"), OWN, Domain.MEDICAL, Access.READ, "notes"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> {
            assertThat(e.caseVisible()).isTrue();
            assertThat(List.of(e.actorUserId(), e.actorRole(), String.valueOf(e.domain()), e.what()))
                .containsExactly("lm", "line-manager", "MEDICAL", "read notes");
          });
      assertThatThrownBy(() -> policy.check(actor("counsellor"), OTHER, Domain.ADMINISTRATIVE, Access.READ, "x"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> {
            assertThat(e.caseVisible()).isFalse();
            assertThat(e.caseId()).isEqualTo(OTHER.caseId());
            assertThat(e.what()).isEqualTo("read x");
          });
      assertThatThrownBy(() -> policy.check(actor("administrator"), OWN, Domain.INSIGHT, Access.READ, "y"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> assertThat(e.actorRole())
              .isEqualTo("administrator"));

      // Recorded where the refusal is answered (API or page), once; the policy itself writes nothing for it.
      assertThat(audit).isEmpty();
    }

    @Test
    void anUnknownCaseIsRefusedLikeAnInvisibleOne() {
      UUID unknown = UUID.randomUUID();

      assertThatThrownBy(() -> policy.check(actor("counsellor"), unknown, Domain.ADMINISTRATIVE, Access.READ, "z"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> {
            assertThat(e.caseVisible()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Case not found");
          });
      assertThatThrownBy(() -> policy.check(actor("counsellor"), OTHER.caseId(), Domain.ADMINISTRATIVE,
          Access.READ, "z")).hasMessage("Case not found");
      assertThatThrownBy(() -> policy.check(actor("counsellor"), unknown, Domain.ADMINISTRATIVE, Access.READ, "z"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> assertThat(e.what())
              .isEqualTo("read z (no such case)"));
    }

    @Test
    void checkByIdReturnsTheParties() {
      assertThat(policy.check(actor("employee"), CASE, Domain.SUPPORT_NETWORK, Access.WRITE, "buddy"))
          .isEqualTo(OWN);
    }

    @Test
    void ownFileFunctionsAreTheEmployeesAlone() {
      assertThat(policy.checkOwnFile(actor("employee"), CASE, Access.READ, "audit trail")).isEqualTo(OWN);
      assertThatThrownBy(() -> policy.checkOwnFile(actor("counsellor"), CASE, Access.READ, "audit trail"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> assertThat(e.caseVisible()).isTrue());
      assertThatThrownBy(() -> policy.checkOwnFile(actor("administrator"), CASE, Access.READ, "audit trail"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> assertThat(e.caseVisible()).isFalse());
    }
  }

  /** Domain G: who reads which scope of insight, every read audited, every refusal a 403 with the scope named. */
  @Nested
  class Insight {

    final InsightScope unit = InsightScope.unit("Eenheid");
    final InsightScope ownTeam = InsightScope.team("Eenheid", "Team Noord");
    final InsightScope otherTeam = InsightScope.team("Eenheid", "Team Zuid");
    final InsightScope ownCaseload = InsightScope.counsellor("couns");
    final InsightScope otherCaseload = InsightScope.counsellor("someone-else");
    final InsightScope model = InsightScope.model();

    @Test
    void eachRoleReadsItsOwnScopesAndNoOther() {
      assertThat(readable("management")).containsExactly(unit, ownTeam, otherTeam, model);
      assertThat(readable("counsellor")).containsExactly(unit, ownTeam, otherTeam, ownCaseload);
      assertThat(readable("company-doctor")).containsExactly(unit, ownTeam, otherTeam);
      assertThat(readable("line-manager")).containsExactly(ownTeam);
      assertThat(readable("process-owner")).containsExactly(model);
      for (String none : List.of("employee", "buddy", "home-front", "administrator")) {
        assertThat(readable(none)).as(none).isEmpty();
      }
      Actor lead = new Actor("lead", Set.of(Groups.COUNSELLOR, Groups.COUNSELLOR_LEAD), false);
      assertThat(policy.permitsInsight(lead, otherCaseload)).isTrue();
      assertThat(policy.permitsInsight(lead, InsightScope.everyCounsellor())).isTrue();
      assertThat(policy.permitsInsight(actor("counsellor"), InsightScope.everyCounsellor())).isFalse();
      assertThat(policy.permitsInsight(actor("management"), InsightScope.everyCounsellor())).isFalse();
      assertThat(policy.permitsInsight(new Actor("lead", Set.of(Groups.COUNSELLOR_LEAD), false), otherCaseload))
          .as("the lead flag alone, without being a counsellor").isFalse();
    }

    @Test
    void everyReadIsAuditedAndARefusalNamesTheScope() {
      policy.checkInsight(actor("management"), unit, "throughput 2026");
      assertThat(audit).containsExactly("now mgmt management READ INSIGHT throughput 2026 (unit Eenheid)");

      assertThatThrownBy(() -> policy.checkInsight(actor("line-manager"), otherTeam, "throughput 2026"))
          .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> {
            assertThat(e.caseVisible()).isTrue();
            assertThat(e.caseId()).isNull();
            assertThat(e.domain()).isEqualTo(Domain.INSIGHT);
            assertThat(e.what()).isEqualTo("read throughput 2026 (team Eenheid/Team Zuid)");
          });
      assertThat(audit).hasSize(1);
    }

    private List<InsightScope> readable(String role) {
      return Stream.of(unit, ownTeam, otherTeam, ownCaseload, otherCaseload, model)
          .filter(scope -> policy.permitsInsight(actor(role), scope)).toList();
    }
  }
}
