package nl.bluevitaal.casefile;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.poortwachter.SickPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file's facts for aggregated insight, read set-based: a page of cases at a time with everything insight's
 * read model keeps of them (ids, days, categories; never a name or a text). For the read model's rebuild from
 * scratch, and for the one fact an event cannot carry (whether consented support contacts remain after a withdrawal).
 * No access check: nothing here names a person, and module insight's every read goes through the access policy.
 */
@Service
@Transactional(readOnly = true)
public class CaseFileFacts {

  private final JdbcClient jdbc;
  private final Clock clock;

  CaseFileFacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether the case has a consented buddy, and a consented home-front contact, now. */
  public Involvement involvement(UUID caseId) {
    Set<String> kinds = new HashSet<>(jdbc.sql("""
            select distinct kind from support_contact where case_id = :c and consent_revoked_at is null""")
        .param("c", caseId).query(String.class).list());
    return new Involvement(kinds.contains(SupportContact.Kind.BUDDY.name()),
        kinds.contains(SupportContact.Kind.HOME_FRONT.name()));
  }

  /** A page of cases in id order after {@code afterCaseId} (null: the first page), with their facts. */
  public List<CaseFacts> cases(@Nullable UUID afterCaseId, int limit) {
    record Head(UUID id, String unit, String team, String counsellor, OffsetDateTime openedAt,
        OffsetDateTime closedAt, Phase phase) {
    }
    List<Head> heads = jdbc.sql("""
            select c.id, e.unit, e.team, c.counsellor_user_id, c.opened_at, c.closed_at, c.phase
              from reintegration_case c join employee e on e.id = c.employee_id
             where c.id > :after
             order by c.id
             limit :n""")
        .param("after", afterCaseId == null ? new UUID(0L, 0L) : afterCaseId)
        .param("n", limit)
        .query((rs, n) -> new Head(rs.getObject("id", UUID.class), rs.getString("unit"), rs.getString("team"),
            rs.getString("counsellor_user_id"), rs.getObject("opened_at", OffsetDateTime.class),
            rs.getObject("closed_at", OffsetDateTime.class), Phase.valueOf(rs.getString("phase"))))
        .list();
    if (heads.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = heads.stream().map(Head::id).toList();
    Map<UUID, List<SickPeriod>> periods = new HashMap<>();
    jdbc.sql("select case_id, sick_from, recovered_on from sick_period where case_id in (:ids) order by sick_from")
        .param("ids", ids)
        .query((ResultSet rs) -> {
          periods.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new SickPeriod(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
        });
    Map<UUID, LocalDate> partial = new HashMap<>();
    jdbc.sql("select case_id, min(from_date) from work_capacity where pct > 0 and case_id in (:ids) group by case_id")
        .param("ids", ids)
        .query((ResultSet rs) -> {
          partial.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
        });
    Map<UUID, List<CapacityChange>> capacity = new HashMap<>();
    // Recorded in order, so the last one recorded for a day is the one that holds.
    jdbc.sql("""
            select case_id, from_date, pct from work_capacity where case_id in (:ids)
             order by case_id, from_date, recorded_at""")
        .param("ids", ids)
        .query((ResultSet rs) -> {
          List<CapacityChange> changes = capacity.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>());
          CapacityChange change = new CapacityChange(rs.getObject(2, LocalDate.class), rs.getInt(3));
          if (!changes.isEmpty() && changes.get(changes.size() - 1).from().equals(change.from())) {
            changes.set(changes.size() - 1, change);
          } else {
            changes.add(change);
          }
        });
    Map<UUID, List<CaseDeadline>> deadlines = new HashMap<>();
    jdbc.sql("""
            select case_id, milestone, due_on, met_on, overdue, days_late from case_deadline
             where due_on is not null and case_id in (:ids)""")
        .param("ids", ids)
        .query((ResultSet rs) -> {
          deadlines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new CaseDeadline(Milestone.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                  rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getInt(6)));
        });
    Set<UUID> agreedGoal = new HashSet<>(jdbc.sql("""
            select distinct case_id from goal where status <> 'PROPOSED' and case_id in (:ids)""")
        .param("ids", ids).query((rs, n) -> rs.getObject(1, UUID.class)).list());
    Map<UUID, Set<String>> support = new HashMap<>();
    jdbc.sql("""
            select distinct case_id, kind from support_contact
             where consent_revoked_at is null and case_id in (:ids)""")
        .param("ids", ids)
        .query((ResultSet rs) -> {
          support.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2));
        });
    Map<UUID, CaseFileEvents.PlanOfActionReleased> plans = new HashMap<>();
    // The plan released last is the one in force; its content is its newest version (released plans do not change).
    jdbc.sql("""
            select d.case_id, d.id, v.content from case_document d
              join case_document_version v on v.document_id = d.id
             where d.case_id in (:ids) and d.type in ('PLAN_OF_ACTION', 'PLAN_OF_ACTION_UPDATE')
               and d.status in ('RELEASED', 'SIGNED')
               and v.number = (select max(w.number) from case_document_version w where w.document_id = d.id)
             order by d.released_at""")
        .param("ids", ids)
        .query((ResultSet rs) -> {
          UUID caseId = rs.getObject(1, UUID.class);
          plans.put(caseId, CaseFileEvents.PlanOfActionReleased.of(caseId, rs.getObject(2, UUID.class),
              rs.getString(3)));
        });
    List<CaseFacts> facts = new ArrayList<>();
    for (Head head : heads) {
      List<SickPeriod> sick = periods.getOrDefault(head.id(), List.of());
      Set<String> kinds = support.getOrDefault(head.id(), Set.of());
      facts.add(new CaseFacts(head.id(), head.unit(), head.team(), head.counsellor(),
          sick.isEmpty() ? day(head.openedAt()) : sick.get(0).sickFrom(), day(head.openedAt()),
          head.closedAt() == null ? null : day(head.closedAt()), head.phase(), sick, partial.get(head.id()),
          capacity.getOrDefault(head.id(), List.of()),
          deadlines.getOrDefault(head.id(), List.of()), agreedGoal.contains(head.id()),
          new Involvement(kinds.contains(SupportContact.Kind.BUDDY.name()),
              kinds.contains(SupportContact.Kind.HOME_FRONT.name())),
          plans.get(head.id())));
    }
    return facts;
  }

  private LocalDate day(OffsetDateTime at) {
    return at.atZoneSameInstant(clock.getZone()).toLocalDate();
  }

  /** The share of work (0 to 100 %) the employee can do from a day on. */
  public record CapacityChange(LocalDate from, int pct) {
  }

  /** Whether consented support contacts of each kind exist. */
  public record Involvement(boolean buddy, boolean homeFront) {
  }

  /**
   * A case as insight keeps it: where the employee works (unit, team), the counsellor's login, its days, its phase
   * now, its sick periods (oldest first), the first day of partial work, the work capacity recorded (a change per day,
   * oldest first), its deadlines that fall on a day, whether a
   * goal was agreed, its support network's involvement and the 4 A's of its plan of action in force.
   */
  public record CaseFacts(UUID caseId, String unit, String team, @Nullable String counsellorUserId,
      LocalDate firstSickDay, LocalDate openedOn, @Nullable LocalDate closedOn, Phase phase,
      List<SickPeriod> sickPeriods, @Nullable LocalDate firstPartialReturn, List<CapacityChange> workCapacity,
      List<CaseDeadline> deadlines,
      boolean agreedGoal, Involvement involvement, @Nullable CaseFileEvents.PlanOfActionReleased plan) {
  }
}
