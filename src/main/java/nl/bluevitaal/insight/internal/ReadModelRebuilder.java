package nl.bluevitaal.insight.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseFileFacts.CaseFacts;
import nl.bluevitaal.casefile.CaseFileFacts;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.JourneyHistory.CaseHistory;
import nl.bluevitaal.journey.JourneyHistory.PhaseEntry;
import nl.bluevitaal.journey.JourneyHistory;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.poortwachter.SickPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Empties insight's read model and fills it again from the case file ({@link CaseFileFacts}) and the engine's history
 * ({@link JourneyHistory}): pages of cases and of steps, batched inserts, never a query per case. Each row is derived
 * by the rules {@link ReadModelWriter} keeps it by, so a rebuild gives the rows the events would have given. The team
 * populations (entered by people, not derived) are left alone. Runs in the caller's transaction.
 */
@Component
public class ReadModelRebuilder {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);
  static final int CASE_PAGE = 500;
  static final int STEP_PAGE = 5000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final CaseFileFacts caseFile;
  private final JourneyHistory journeys;
  private final ReadModelVersion version;
  private final Clock clock;

  ReadModelRebuilder(JdbcClient jdbc, JdbcTemplate batch, CaseFileFacts caseFile, JourneyHistory journeys,
      ReadModelVersion version, Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.caseFile = caseFile;
    this.journeys = journeys;
    this.version = version;
    this.clock = clock;
  }

  /** What a rebuild wrote. */
  public record Written(int cases, int steps, int deadlines) {
  }

  public Written rebuild() {
    version.changed();
    for (String table : List.of("insight_step", "insight_escalation", "insight_deadline", "insight_phase_stay",
        "insight_relapse", "insight_sick_period", "insight_work_capacity", "insight_case")) {
      jdbc.sql("delete from " + table).update();
    }
    Set<UUID> known = new HashSet<>();
    int deadlines = 0;
    UUID after = null;
    for (List<CaseFacts> page = caseFile.cases(null, CASE_PAGE); !page.isEmpty();
        page = caseFile.cases(after, CASE_PAGE)) {
      Map<UUID, CaseHistory> histories = journeys.cases(page.stream().map(CaseFacts::caseId).toList());
      deadlines += write(page, histories);
      page.forEach(c -> known.add(c.caseId()));
      after = page.get(page.size() - 1).caseId();
    }
    int steps = writeSteps(known);
    relapsePlansShared();
    log.info("Insight read model rebuilt: {} cases, {} steps, {} deadlines", known.size(), steps, deadlines);
    return new Written(known.size(), steps, deadlines);
  }

  /** Writes one page of cases with their phase stays, deadlines, escalations and relapses; returns the deadlines. */
  private int write(List<CaseFacts> page, Map<UUID, CaseHistory> histories) {
    List<Object[]> cases = new ArrayList<>();
    List<Object[]> stays = new ArrayList<>();
    List<Object[]> deadlines = new ArrayList<>();
    List<Object[]> escalations = new ArrayList<>();
    List<Object[]> relapses = new ArrayList<>();
    List<Object[]> periods = new ArrayList<>();
    List<Object[]> capacity = new ArrayList<>();
    for (CaseFacts facts : page) {
      facts.sickPeriods().forEach(p -> periods.add(new Object[] {facts.caseId(), date(p.sickFrom()),
          date(p.recoveredOn())}));
      facts.workCapacity().forEach(c -> capacity.add(new Object[] {facts.caseId(), date(c.from()), c.pct()}));
      CaseHistory history = histories.get(facts.caseId());
      List<Stay> caseStays = stays(facts, history);
      Stay last = caseStays.get(caseStays.size() - 1);
      LocalDate phaseSince = last.phase() == facts.phase() && last.leftOn() == null ? last.enteredOn()
          : facts.closedOn() != null ? facts.closedOn() : last.enteredOn();
      caseStays.forEach(s -> stays.add(new Object[] {facts.caseId(), s.phase().name(), date(s.enteredOn()),
          date(s.leftOn())}));

      Map<String, Integer> highest = new HashMap<>();
      Set<List<Object>> raised = new HashSet<>();
      if (history != null) {
        for (JourneyEvents.EscalationRaised e : history.escalations()) {
          if (raised.add(List.of(e.watch(), e.rung(), e.raisedOn()))) {
            escalations.add(new Object[] {facts.caseId(), e.watch(), e.rung(), date(e.raisedOn())});
          }
          if (e.milestone() != null && e.rung() > 0) {
            highest.merge(e.milestone(), e.rung(), Math::max);
          }
        }
      }
      LocalDate planMet = null;
      for (CaseDeadline d : facts.deadlines()) {
        deadlines.add(new Object[] {facts.caseId(), d.milestone().name(), date(d.dueOn()), date(d.metOn()),
            d.overdue(), highest.getOrDefault(d.milestone().name(), 0)});
        if (d.milestone() == Milestone.PLAN_OF_ACTION) {
          planMet = d.metOn();
        }
      }

      Set<LocalDate> relapseDays = new TreeSet<>();
      facts.sickPeriods().stream().skip(1).forEach(p -> relapseDays.add(p.sickFrom()));
      if (history != null) {
        relapseDays.addAll(history.relapsesWhileSick());
      }
      relapseDays.forEach(day -> relapses.add(new Object[] {facts.caseId(), date(day)}));

      LocalDate firstRecovery = facts.sickPeriods().stream().map(SickPeriod::recoveredOn).filter(Objects::nonNull)
          .min(Comparator.naturalOrder()).orElse(null);
      LocalDate firstReturn = earliest(facts.firstPartialReturn(), firstRecovery);
      boolean stillSick = facts.sickPeriods().stream().anyMatch(p -> p.recoveredOn() == null);
      LocalDate fullReturn = stillSick ? null : facts.sickPeriods().stream().map(SickPeriod::recoveredOn)
          .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
      JourneyEvents.IntakeRouted routing = history == null ? null : history.routing();
      JourneyEvents.CaseEnded ended = history == null ? null : history.ended();
      var plan = facts.plan();
      cases.add(new Object[] {facts.caseId(), facts.unit(), facts.team(), facts.counsellorUserId(),
          date(facts.firstSickDay()), date(facts.openedOn()), date(facts.closedOn()), facts.phase().name(),
          date(phaseSince), ended == null ? null : ended.outcome().name(), date(firstReturn), date(fullReturn),
          relapseDays.size(), routing == null ? null : routing.guidanceIntensity(),
          routing != null && routing.offerBuddy(), facts.involvement().buddy(), facts.involvement().homeFront(),
          facts.agreedGoal(), date(planMet), plan != null && plan.workContent(), plan != null && plan.workRelations(),
          plan != null && plan.workConditions(), plan != null && plan.workTerms()});
    }
    batch.batchUpdate("""
        insert into insight_case (case_id, unit, team, counsellor_user_id, first_sick_day, opened_on, closed_on, phase,
            phase_since, outcome, first_return_on, full_return_on, relapses, guidance_intensity, buddy_recommended,
            buddy_involved, home_front_involved, has_agreed_goal, last_evaluation_on, area_content, area_relations,
            area_conditions, area_terms)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", cases);
    batch.batchUpdate("insert into insight_phase_stay (case_id, phase, entered_on, left_on) values (?, ?, ?, ?)",
        stays);
    batch.batchUpdate("""
        insert into insight_deadline (case_id, milestone, due_on, met_on, missed, highest_rung)
        values (?, ?, ?, ?, ?, ?)""", deadlines);
    batch.batchUpdate("insert into insight_escalation (case_id, watch, rung, raised_on) values (?, ?, ?, ?)",
        escalations);
    batch.batchUpdate("insert into insight_relapse (case_id, reported_on) values (?, ?)", relapses);
    batch.batchUpdate("insert into insight_sick_period (case_id, sick_from, recovered_on) values (?, ?, ?)", periods);
    batch.batchUpdate("insert into insight_work_capacity (case_id, from_on, pct) values (?, ?, ?)", capacity);
    return deadlines.size();
  }

  /** A stay in a phase: the day entered and the day left (null while in it). */
  record Stay(Phase phase, LocalDate enteredOn, LocalDate leftOn) {
  }

  /**
   * The phase stays by the writer's rule: the case opens in the intake; a phase entered while in it changes nothing,
   * another closes the stay before it; left and entered again on one day is one stay. The journey's elements give
   * the phases in order; a close the case file made itself (a relapse reported after the relapse watch ended, before
   * the journey closed the case) ends it on the day the case file closed it.
   */
  List<Stay> stays(CaseFacts facts, CaseHistory history) {
    List<PhaseEntry> entries = new ArrayList<>();
    if (history != null) {
      entries.addAll(history.phases());
    }
    Map<List<Object>, Integer> index = new LinkedHashMap<>();
    List<Stay> stays = new ArrayList<>();
    stays.add(new Stay(Phase.INTAKE, facts.openedOn(), null));
    index.put(List.of(Phase.INTAKE, facts.openedOn()), 0);
    Phase current = Phase.INTAKE;
    List<Object[]> moves = new ArrayList<>();
    for (PhaseEntry entry : entries) {
      moves.add(new Object[] {entry.phase(), LocalDate.ofInstant(entry.at(), clock.getZone())});
    }
    if (facts.phase() == Phase.CLOSED && facts.closedOn() != null
        && (entries.isEmpty() || entries.get(entries.size() - 1).phase() != Phase.CLOSED)) {
      moves.add(new Object[] {Phase.CLOSED, facts.closedOn()});
    }
    for (Object[] move : moves) {
      Phase phase = (Phase) move[0];
      LocalDate on = (LocalDate) move[1];
      if (phase == current) {
        continue;
      }
      for (int i = 0; i < stays.size(); i++) {
        if (stays.get(i).leftOn() == null) {
          stays.set(i, new Stay(stays.get(i).phase(), stays.get(i).enteredOn(), on));
        }
      }
      Integer again = index.get(List.of(phase, on));
      if (again != null) {
        stays.set(again, new Stay(phase, on, null));
      } else {
        index.put(List.of(phase, on), stays.size());
        stays.add(new Stay(phase, on, null));
      }
      current = phase;
    }
    return stays;
  }

  /**
   * Every user task in the engine's history, in pages, for the cases in the read model; the day of each case's last
   * completed evaluation follows from them (later than the plan of action's day, which the cases already hold).
   */
  private int writeSteps(Set<UUID> known) {
    int written = 0;
    Map<UUID, LocalDate> evaluated = new HashMap<>();
    String after = null;
    for (List<JourneyHistory.Step> page = journeys.steps(null, STEP_PAGE); !page.isEmpty();
        page = journeys.steps(after, STEP_PAGE)) {
      List<Object[]> rows = new ArrayList<>();
      for (JourneyHistory.Step step : page) {
        if (!known.contains(step.caseId())) {
          continue;
        }
        rows.add(new Object[] {step.taskId(), step.caseId(), step.processKey(), step.elementId(),
            at(step.openedAt()), date(step.dueOn()), at(step.endedAt()), step.completed()});
        if (Boolean.TRUE.equals(step.completed())
            && ReadModelWriter.isEvaluation(step.processKey(), step.elementId())) {
          evaluated.merge(step.caseId(), LocalDate.ofInstant(step.endedAt(), clock.getZone()),
              (a, b) -> a.isAfter(b) ? a : b);
        }
      }
      batch.batchUpdate("""
          insert into insight_step (task_id, case_id, process_key, element_id, opened_at, due_on, ended_at, completed)
          values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
      written += rows.size();
      after = page.get(page.size() - 1).taskId();
    }
    List<Object[]> updates = evaluated.entrySet().stream()
        .map(e -> new Object[] {date(e.getValue()), e.getKey(), date(e.getValue())}).toList();
    batch.batchUpdate("""
        update insight_case set last_evaluation_on = ?
         where case_id = ? and (last_evaluation_on is null or last_evaluation_on < ?)""", updates);
    return written;
  }

  /**
   * A relapse-prevention plan counts when the care side may read it: the employee shares self-reports with care. The
   * plan and the consent are module selfservice's and privacy's tables, read here in one statement (insight may not
   * depend on selfservice, and a port per fact for a rebuild is more than the one statement is worth).
   */
  private void relapsePlansShared() {
    jdbc.sql("""
            update insight_case set relapse_plan_shared = true
             where case_id in (select r.case_id from relapse_plan r
                                 join sharing_setting s on s.case_id = r.case_id
                                where s.domain = 'SELF_REPORTS' and s.audience = 'CARE' and s.granted = true)""")
        .update();
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private OffsetDateTime at(java.time.Instant instant) {
    return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
  }
}
