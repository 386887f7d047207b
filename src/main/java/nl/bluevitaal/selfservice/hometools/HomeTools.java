package nl.bluevitaal.selfservice.hometools;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.ConsentLookup;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's home tools: the energy balance and the relapse-prevention plan. Both are self-reports (domain E):
 * the employee reads and writes them, the company doctor and a care professional read them only while the employee
 * shares self-reports with care, nobody else reads them at all. Every read and write is checked and audited by the
 * access policy.
 */
@Service
@Transactional
public class HomeTools {

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final Clock clock;
  private final ConsentLookup consents;
  private final ApplicationEventPublisher events;

  HomeTools(JdbcClient jdbc, AccessPolicy policy, Clock clock, ConsentLookup consents,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.clock = clock;
    this.consents = consents;
    this.events = events;
  }

  /** Whether the actor may read the case's home tools (no audit; to offer a link, not to show content). */
  @Transactional(readOnly = true)
  public boolean mayRead(Actor actor, CaseParties parties) {
    return policy.permits(actor, parties, Domain.SELF_REPORTS, Access.READ);
  }

  /** The saved versions of the energy balance, newest first; empty when the employee has not made one. */
  @Transactional(readOnly = true)
  public List<EnergyBalance> energyBalances(Actor actor, UUID caseId) {
    policy.check(actor, caseId, Domain.SELF_REPORTS, Access.READ, "energy balance");
    return loadBalances(caseId);
  }

  /**
   * Saves a new version of the energy balance. {@code basedOn} is the number of the version the page showed (0 when
   * there was none); when another was saved since, nothing is saved ({@link StaleHomeToolException}).
   */
  public EnergyBalance saveEnergyBalance(Actor actor, UUID caseId, int basedOn, List<EnergyBalance.Item> gives,
      List<EnergyBalance.Item> costs, String reflection) {
    policy.check(actor, caseId, Domain.SELF_REPORTS, Access.WRITE, "energy balance");
    int latest = jdbc.sql("select coalesce(max(seq), 0) from energy_balance where case_id = :c").param("c", caseId)
        .query(Integer.class).single();
    if (latest != basedOn) {
      throw new StaleHomeToolException("energy balance", caseId, basedOn);
    }
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("""
              insert into energy_balance (id, case_id, seq, reflection, created_by, created_at)
              values (:id, :c, :n, :r, :by, :now)""")
          .param("id", id).param("c", caseId).param("n", latest + 1).param("r", reflection)
          .param("by", actor.userId()).param("now", OffsetDateTime.now(clock)).update();
    } catch (DuplicateKeyException e) {
      // A save racing this one took the number first (the unique case + number key).
      throw new StaleHomeToolException("energy balance", caseId, basedOn);
    }
    insertItems(id, "GIVES", gives);
    insertItems(id, "COSTS", costs);
    return loadBalances(caseId).get(0);
  }

  /** The relapse-prevention plan; empty when the employee has not made one. */
  @Transactional(readOnly = true)
  public Optional<RelapsePlan> relapsePlan(Actor actor, UUID caseId) {
    policy.check(actor, caseId, Domain.SELF_REPORTS, Access.READ, "relapse-prevention plan");
    return findPlan(caseId);
  }

  /**
   * Saves the relapse-prevention plan. {@code expectedVersion} is the version the page showed, null for a first
   * plan; when it changed since, nothing is saved ({@link StaleHomeToolException}).
   */
  public RelapsePlan saveRelapsePlan(Actor actor, UUID caseId, Integer expectedVersion, RelapsePlan.Content content) {
    policy.check(actor, caseId, Domain.SELF_REPORTS, Access.WRITE, "relapse-prevention plan");
    Optional<RelapsePlan> current = findPlan(caseId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (current.isEmpty() && expectedVersion == null) {
      jdbc.sql("""
              insert into relapse_plan (case_id, well_signs, well_actions, early_signals, others_notice, early_actions,
                  crisis_signals, crisis_actions, triggers, own_contacts, call_counsellor, call_doctor, updated_by,
                  updated_at, version)
              values (:c, :ws, :wa, :es, :on, :ea, :cs, :ca, :t, :oc, :cc, :cd, :by, :now, 0)""")
          .params(planParams(caseId, content, actor, now)).update();
      planSaved(caseId);
      return findPlan(caseId).orElseThrow();
    }
    if (current.isEmpty() || expectedVersion == null) {
      throw new StaleHomeToolException("relapse-prevention plan", caseId, expectedVersion == null ? -1
          : expectedVersion);
    }
    Map<String, Object> params = planParams(caseId, content, actor, now);
    params.put("v", expectedVersion);
    boolean updated = jdbc.sql("""
            update relapse_plan set well_signs = :ws, well_actions = :wa, early_signals = :es, others_notice = :on,
                   early_actions = :ea, crisis_signals = :cs, crisis_actions = :ca, triggers = :t, own_contacts = :oc,
                   call_counsellor = :cc, call_doctor = :cd, updated_by = :by, updated_at = :now,
                   version = version + 1
             where case_id = :c and version = :v""")
        .params(params).update() == 1;
    if (!updated) {
      throw new StaleHomeToolException("relapse-prevention plan", caseId, expectedVersion);
    }
    planSaved(caseId);
    return findPlan(caseId).orElseThrow();
  }

  /** A plan the care side could not read becomes one it can, or the other way round: insight follows the consent. */
  @EventListener
  void on(SharingChanged change) {
    if (change.domain() == Domain.SELF_REPORTS && change.audience() == Audience.CARE
        && findPlan(change.caseId()).isPresent()) {
      events.publishEvent(new CaseFileEvents.RelapsePlanSaved(change.caseId(), change.granted()));
    }
  }

  /** Insight counts a plan only when the care side may read it (the employee shares self-reports with care). */
  private void planSaved(UUID caseId) {
    events.publishEvent(new CaseFileEvents.RelapsePlanSaved(caseId,
        consents.isShared(caseId, Domain.SELF_REPORTS, Audience.CARE)));
  }

  private void insertItems(UUID balanceId, String kind, List<EnergyBalance.Item> items) {
    for (int i = 0; i < items.size(); i++) {
      EnergyBalance.Item item = items.get(i);
      jdbc.sql("insert into energy_item (balance_id, kind, pos, body, amount) values (:b, :k, :p, :t, :a)")
          .param("b", balanceId).param("k", kind).param("p", i).param("t", item.text())
          .param("a", item.amount() == null ? null : item.amount().name()).update();
    }
  }

  private List<EnergyBalance> loadBalances(UUID caseId) {
    record Head(UUID id, int number, String reflection, String createdBy, OffsetDateTime createdAt) {
    }
    List<Head> heads = jdbc.sql("""
            select id, seq, reflection, created_by, created_at from energy_balance where case_id = :c
             order by seq desc""")
        .param("c", caseId)
        .query((rs, n) -> new Head(rs.getObject("id", UUID.class), rs.getInt("seq"), rs.getString("reflection"),
            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class)))
        .list();
    if (heads.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<EnergyBalance.Item>> gives = new LinkedHashMap<>();
    Map<UUID, List<EnergyBalance.Item>> costs = new LinkedHashMap<>();
    jdbc.sql("""
            select i.balance_id, i.kind, i.body, i.amount from energy_item i
              join energy_balance b on b.id = i.balance_id
             where b.case_id = :c order by i.balance_id, i.kind, i.pos""")
        .param("c", caseId)
        .query((ResultSet rs) -> {
          UUID balance = rs.getObject("balance_id", UUID.class);
          String amount = rs.getString("amount");
          EnergyBalance.Item item = new EnergyBalance.Item(rs.getString("body"),
              amount == null ? null : EnergyBalance.Amount.valueOf(amount));
          ("GIVES".equals(rs.getString("kind")) ? gives : costs).computeIfAbsent(balance, k -> new ArrayList<>())
              .add(item);
        });
    return heads.stream().map(h -> new EnergyBalance(caseId, h.number(), gives.getOrDefault(h.id(), List.of()),
        costs.getOrDefault(h.id(), List.of()), h.reflection(), h.createdBy(), h.createdAt())).toList();
  }

  private Optional<RelapsePlan> findPlan(UUID caseId) {
    return jdbc.sql("select * from relapse_plan where case_id = :c").param("c", caseId).query(HomeTools::plan)
        .optional();
  }

  private static Map<String, Object> planParams(UUID caseId, RelapsePlan.Content content, Actor actor,
      OffsetDateTime now) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("c", caseId);
    params.put("ws", content.wellSigns());
    params.put("wa", content.wellActions());
    params.put("es", content.earlySignals());
    params.put("on", content.othersNotice());
    params.put("ea", content.earlyActions());
    params.put("cs", content.crisisSignals());
    params.put("ca", content.crisisActions());
    params.put("t", content.triggers());
    params.put("oc", content.ownContacts());
    params.put("cc", content.callCounsellor());
    params.put("cd", content.callDoctor());
    params.put("by", actor.userId());
    params.put("now", now);
    return params;
  }

  private static RelapsePlan plan(ResultSet rs, int n) throws SQLException {
    return new RelapsePlan(rs.getObject("case_id", UUID.class), new RelapsePlan.Content(rs.getString("well_signs"),
        rs.getString("well_actions"), rs.getString("early_signals"), rs.getString("others_notice"),
        rs.getString("early_actions"), rs.getString("crisis_signals"), rs.getString("crisis_actions"),
        rs.getString("triggers"), rs.getString("own_contacts"), rs.getBoolean("call_counsellor"),
        rs.getBoolean("call_doctor")), rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
        rs.getInt("version"));
  }
}
