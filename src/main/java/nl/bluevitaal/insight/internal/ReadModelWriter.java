package nl.bluevitaal.insight.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.casefile.CaseFileFacts;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps insight's read model (V38, V39) by the application's own events. Plain {@code @EventListener}s, so each runs
 * in the transaction that records the fact: the read model commits and rolls back with it. No outbox: a lost or a
 * failed update of the read model is repaired by a rebuild from the case file and the engine's history
 * ({@link ReadModelRebuilder}), which derives the same rows by the same rules. Every handler is idempotent: an event
 * applied twice changes nothing. A case the read model does not hold (opened before it existed) is left to the
 * rebuild; its events change nothing. Each handler marks its case changed: once the transaction commits, the versions
 * of the read model and of the case's unit rise ({@link ReadModelVersion}), and every node computes that unit's kept
 * figures again.
 */
@Component
public class ReadModelWriter {

  private final JdbcClient jdbc;
  private final CaseFileFacts facts;
  private final ReadModelVersion version;
  private final Clock clock;

  ReadModelWriter(JdbcClient jdbc, CaseFileFacts facts, ReadModelVersion version, Clock clock) {
    this.jdbc = jdbc;
    this.facts = facts;
    this.version = version;
    this.clock = clock;
  }

  // --- the case file ---

  @EventListener
  void on(CaseFileEvents.CaseOpened event) {
    version.opened(event.caseId());
    if (known(event.caseId())) {
      return;
    }
    jdbc.sql("""
            insert into insight_case (case_id, unit, team, counsellor_user_id, first_sick_day, opened_on, phase,
                phase_since)
            values (:c, :unit, :team, :couns, :first, :opened, :phase, :opened)""")
        .param("c", event.caseId()).param("unit", event.unit()).param("team", event.team())
        .param("couns", event.counsellorUserId()).param("first", event.firstSickDay())
        .param("opened", event.openedOn()).param("phase", Phase.INTAKE.name())
        .update();
    openStay(event.caseId(), Phase.INTAKE, event.openedOn());
    sickPeriodFrom(event.caseId(), event.firstSickDay());
  }

  /** A sick period starts (the case's first, or a relapse that joined after recovery); heard twice, kept once. */
  private void sickPeriodFrom(UUID caseId, LocalDate sickFrom) {
    if (jdbc.sql("select count(*) from insight_sick_period where case_id = :c and sick_from = :d")
        .param("c", caseId).param("d", sickFrom).query(Integer.class).single() == 0) {
      jdbc.sql("insert into insight_sick_period (case_id, sick_from) values (:c, :d)")
          .param("c", caseId).param("d", sickFrom).update();
    }
  }

  /** A phase entered again while the case is in it changes nothing; a new one closes the stay in the one before. */
  @EventListener
  void on(CaseFileEvents.PhaseEntered event) {
    version.changed(event.caseId());
    List<String> current = jdbc.sql("select phase from insight_case where case_id = :c").param("c", event.caseId())
        .query(String.class).list();
    if (current.isEmpty() || current.get(0).equals(event.phase().name())) {
      return;
    }
    jdbc.sql("update insight_phase_stay set left_on = :on where case_id = :c and left_on is null")
        .param("on", event.on()).param("c", event.caseId()).update();
    openStay(event.caseId(), event.phase(), event.on());
    jdbc.sql("""
            update insight_case set phase = :p, phase_since = :on,
                   closed_on = case when :closed then coalesce(closed_on, :on) else null end
             where case_id = :c""")
        .param("p", event.phase().name()).param("on", event.on()).param("closed", event.phase() == Phase.CLOSED)
        .param("c", event.caseId()).update();
  }

  /** Opens a stay; a phase left and entered again on one day is one stay (the key is the day entered). */
  private void openStay(UUID caseId, Phase phase, LocalDate on) {
    int reopened = jdbc.sql("""
            update insight_phase_stay set left_on = null where case_id = :c and phase = :p and entered_on = :on""")
        .param("c", caseId).param("p", phase.name()).param("on", on).update();
    if (reopened == 0) {
      jdbc.sql("insert into insight_phase_stay (case_id, phase, entered_on) values (:c, :p, :on)")
          .param("c", caseId).param("p", phase.name()).param("on", on).update();
    }
  }

  /**
   * The due days follow the case file: open deadlines move, met ones keep the day they were due when met, a deadline
   * the case no longer reaches (after a recovery) goes, as it does in the case file.
   */
  @EventListener
  void on(CaseFileEvents.DeadlinesRecomputed event) {
    version.changed(event.caseId());
    if (!known(event.caseId())) {
      return;
    }
    for (Map.Entry<Milestone, LocalDate> due : event.dueOn().entrySet()) {
      int updated = jdbc.sql("""
              update insight_deadline set due_on = :due
               where case_id = :c and milestone = :m and met_on is null""")
          .param("due", due.getValue()).param("c", event.caseId()).param("m", due.getKey().name()).update();
      if (updated == 0 && !deadlineExists(event.caseId(), due.getKey())) {
        jdbc.sql("insert into insight_deadline (case_id, milestone, due_on) values (:c, :m, :due)")
            .param("c", event.caseId()).param("m", due.getKey().name()).param("due", due.getValue()).update();
      }
    }
    List<String> reached = event.dueOn().keySet().stream().map(Enum::name).toList();
    jdbc.sql("delete from insight_deadline where case_id = :c and met_on is null"
            + (reached.isEmpty() ? "" : " and milestone not in (:reached)"))
        .param("c", event.caseId()).params(reached.isEmpty() ? Map.of() : Map.of("reached", reached)).update();
  }

  @EventListener
  void on(CaseFileEvents.DeadlineMet event) {
    version.changed(event.caseId());
    if (!known(event.caseId())) {
      return;
    }
    int updated = jdbc.sql("""
            update insight_deadline set met_on = :met, due_on = :due where case_id = :c and milestone = :m""")
        .param("met", event.metOn()).param("due", event.dueOn()).param("c", event.caseId())
        .param("m", event.milestone().name()).update();
    if (updated == 0) {
      jdbc.sql("insert into insight_deadline (case_id, milestone, due_on, met_on) values (:c, :m, :due, :met)")
          .param("c", event.caseId()).param("m", event.milestone().name()).param("due", event.dueOn())
          .param("met", event.metOn()).update();
    }
    // Before the first evaluation, the plan of action is the last time the case was looked at as a whole.
    if (event.milestone() == Milestone.PLAN_OF_ACTION) {
      evaluatedOn(event.caseId(), event.metOn());
    }
  }

  @EventListener
  void on(CaseFileEvents.DeadlineMissed event) {
    version.changed(event.caseId());
    // Only a case insight knows has deadline rows: asked only when there is none (a storm of missed deadlines
    // finds its rows, and saves a read each).
    int updated = jdbc.sql("update insight_deadline set missed = true where case_id = :c and milestone = :m")
        .param("c", event.caseId()).param("m", event.milestone().name()).update();
    if (updated == 0 && known(event.caseId())) {
      jdbc.sql("insert into insight_deadline (case_id, milestone, due_on, missed) values (:c, :m, :due, true)")
          .param("c", event.caseId()).param("m", event.milestone().name()).param("due", event.dueOn()).update();
    }
  }

  /**
   * A relapse counts once, by its day. One after full recovery reopens the case: the full return did not hold, and a
   * miss of a deadline that moved past today is no miss any more (as the case file clears it).
   */
  @EventListener
  void on(CaseFileEvents.RelapseJoined event) {
    version.changed(event.caseId());
    if (!known(event.caseId())) {
      return;
    }
    LocalDate day = event.whileSick() ? LocalDate.now(clock) : event.sickFrom();
    if (jdbc.sql("select count(*) from insight_relapse where case_id = :c and reported_on = :d")
        .param("c", event.caseId()).param("d", day).query(Integer.class).single() == 0) {
      jdbc.sql("insert into insight_relapse (case_id, reported_on) values (:c, :d)")
          .param("c", event.caseId()).param("d", day).update();
    }
    jdbc.sql("""
            update insight_case set relapses = (select count(*) from insight_relapse r where r.case_id = :c)
             where case_id = :c""")
        .param("c", event.caseId()).update();
    if (!event.whileSick()) {
      sickPeriodFrom(event.caseId(), event.sickFrom());
      jdbc.sql("update insight_case set full_return_on = null where case_id = :c").param("c", event.caseId())
          .update();
      jdbc.sql("""
              update insight_deadline set missed = false
               where case_id = :c and met_on is null and due_on >= :today""")
          .param("c", event.caseId()).param("today", LocalDate.now(clock)).update();
    }
  }

  @EventListener
  void on(CaseFileEvents.FullRecoveryReported event) {
    version.changed(event.caseId());
    jdbc.sql("""
            update insight_case set full_return_on = :d,
                   first_return_on = case when first_return_on is null or first_return_on > :d then :d
                                          else first_return_on end
             where case_id = :c""")
        .param("d", event.recoveredOn()).param("c", event.caseId()).update();
    jdbc.sql("update insight_sick_period set recovered_on = :d where case_id = :c and recovered_on is null")
        .param("d", event.recoveredOn()).param("c", event.caseId()).update();
  }

  /**
   * The capacity from its day on weighs the absence days (the last recorded for a day holds); the first day of any
   * work counts as the first (partial) return, and a later 0% does not undo it.
   */
  @EventListener
  void on(CaseFileEvents.WorkCapacityRecorded event) {
    version.changed(event.caseId());
    if (event.from() == null || !known(event.caseId())) {
      return;
    }
    if (jdbc.sql("update insight_work_capacity set pct = :p where case_id = :c and from_on = :d")
        .param("p", event.workCapacityPct()).param("c", event.caseId()).param("d", event.from()).update() == 0) {
      jdbc.sql("insert into insight_work_capacity (case_id, from_on, pct) values (:c, :d, :p)")
          .param("c", event.caseId()).param("d", event.from()).param("p", event.workCapacityPct()).update();
    }
    if (event.workCapacityPct() <= 0) {
      return;
    }
    jdbc.sql("""
            update insight_case set first_return_on = case when first_return_on is null or first_return_on > :d
                                                          then :d else first_return_on end
             where case_id = :c""")
        .param("d", event.from()).param("c", event.caseId()).update();
  }

  @EventListener
  void on(CaseFileEvents.GoalAgreed event) {
    version.changed(event.caseId());
    flag(event.caseId(), "has_agreed_goal", true);
  }

  @EventListener
  void on(CaseFileEvents.SupportContactAdded event) {
    version.changed(event.caseId());
    flag(event.caseId(), switch (event.kind()) {
      case BUDDY -> "buddy_involved";
      case HOME_FRONT -> "home_front_involved";
    }, true);
  }

  /** Whether others of the kind remain is the case file's to say. */
  @EventListener
  void on(CaseFileEvents.SupportConsentWithdrawn event) {
    version.changed(event.caseId());
    CaseFileFacts.Involvement involvement = facts.involvement(event.caseId());
    jdbc.sql("update insight_case set buddy_involved = :b, home_front_involved = :h where case_id = :c")
        .param("b", involvement.buddy()).param("h", involvement.homeFront()).param("c", event.caseId()).update();
  }

  @EventListener
  void on(CaseFileEvents.HomeFrontJoined event) {
    version.changed(event.caseId());
    flag(event.caseId(), "home_front_involved", true);
  }

  @EventListener
  void on(CaseFileEvents.RelapsePlanSaved event) {
    version.changed(event.caseId());
    flag(event.caseId(), "relapse_plan_shared", event.sharedWithCare());
  }

  /** The plan released last is the one in force. */
  @EventListener
  void on(CaseFileEvents.PlanOfActionReleased event) {
    version.changed(event.caseId());
    jdbc.sql("""
            update insight_case set area_content = :a, area_relations = :b, area_conditions = :c2, area_terms = :d
             where case_id = :c""")
        .param("a", event.workContent()).param("b", event.workRelations()).param("c2", event.workConditions())
        .param("d", event.workTerms()).param("c", event.caseId()).update();
  }

  // --- the journey ---

  @EventListener
  void on(JourneyEvents.StepOpened event) {
    version.changed(event.caseId());
    // One statement, as every step of every case passes here: kept for a case insight knows, once.
    jdbc.sql("""
            insert into insight_step (task_id, case_id, process_key, element_id, opened_at, due_on)
            select cast(:t as varchar(64)), cast(:c as uuid), cast(:p as varchar(255)), cast(:e as varchar(255)),
                   cast(:opened as timestamp with time zone), cast(:due as date)
             where exists (select 1 from insight_case where case_id = :c)
               and not exists (select 1 from insight_step where task_id = :t)""")
        .param("t", event.taskId()).param("c", event.caseId()).param("p", event.processKey())
        .param("e", event.elementId()).param("opened", at(event.openedAt())).param("due", event.dueOn())
        .update();
  }

  @EventListener
  void on(JourneyEvents.StepEnded event) {
    version.changed(event.caseId());
    // A step kept is of a case insight knows; only one not kept yet needs the question.
    int updated = jdbc.sql("update insight_step set ended_at = :ended, completed = :done where task_id = :t")
        .param("ended", at(event.endedAt())).param("done", event.completed()).param("t", event.taskId()).update();
    if (updated == 0) {
      if (!known(event.caseId())) {
        return;
      }
      jdbc.sql("""
              insert into insight_step (task_id, case_id, process_key, element_id, opened_at, due_on, ended_at,
                  completed)
              values (:t, :c, :p, :e, :opened, :due, :ended, :done)""")
          .param("t", event.taskId()).param("c", event.caseId()).param("p", event.processKey())
          .param("e", event.elementId()).param("opened", at(event.openedAt())).param("due", event.dueOn())
          .param("ended", at(event.endedAt())).param("done", event.completed()).update();
    }
    if (event.completed() && isEvaluation(event.processKey(), event.elementId())) {
      evaluatedOn(event.caseId(), LocalDate.ofInstant(event.endedAt(), clock.getZone()));
    }
  }

  static boolean isEvaluation(String processKey, String elementId) {
    return ReintegrationJourneyProcess.PROCESS_KEY.equals(processKey)
        && ReintegrationJourneyProcess.Element.TASK_EVALUATION.equals(elementId);
  }

  /** A rung is raised once a day per watch; the deadline keeps the highest rung its ladder reached. */
  @EventListener
  void on(JourneyEvents.EscalationRaised event) {
    version.changed(event.caseId());
    // One statement for "a case insight knows, not raised yet today": every missed deadline of a storm comes here.
    jdbc.sql("""
            insert into insight_escalation (case_id, watch, rung, raised_on)
            select case_id, :w, :r, :d from insight_case k
             where k.case_id = :c and not exists (select 1 from insight_escalation e
                   where e.case_id = :c and e.watch = :w and e.rung = :r and e.raised_on = :d)""")
        .param("c", event.caseId()).param("w", event.watch()).param("r", event.rung()).param("d", event.raisedOn())
        .update();
    // A case insight does not know has no deadline rows, so this changes nothing for it.
    if (event.milestone() != null && event.rung() > 0) {
      jdbc.sql("""
              update insight_deadline set highest_rung = :r
               where case_id = :c and milestone = :m and highest_rung < :r""")
          .param("r", event.rung()).param("c", event.caseId()).param("m", event.milestone()).update();
    }
  }

  @EventListener
  void on(JourneyEvents.IntakeRouted event) {
    version.changed(event.caseId());
    jdbc.sql("update insight_case set guidance_intensity = :g, buddy_recommended = :b where case_id = :c")
        .param("g", event.guidanceIntensity()).param("b", event.offerBuddy()).param("c", event.caseId()).update();
  }

  @EventListener
  void on(JourneyEvents.CaseEnded event) {
    version.changed(event.caseId());
    jdbc.sql("update insight_case set outcome = :o where case_id = :c")
        .param("o", event.outcome().name()).param("c", event.caseId()).update();
  }

  // ---

  private void evaluatedOn(UUID caseId, LocalDate day) {
    jdbc.sql("""
            update insight_case set last_evaluation_on = :d
             where case_id = :c and (last_evaluation_on is null or last_evaluation_on < :d)""")
        .param("d", day).param("c", caseId).update();
  }

  private void flag(UUID caseId, String column, boolean value) {
    // The column is one of this class's own names, never input.
    jdbc.sql("update insight_case set " + column + " = :v where case_id = :c").param("v", value).param("c", caseId)
        .update();
  }

  private boolean known(UUID caseId) {
    return jdbc.sql("select count(*) from insight_case where case_id = :c").param("c", caseId)
        .query(Integer.class).single() > 0;
  }

  private boolean deadlineExists(UUID caseId, Milestone milestone) {
    return jdbc.sql("select count(*) from insight_deadline where case_id = :c and milestone = :m")
        .param("c", caseId).param("m", milestone.name()).query(Integer.class).single() > 0;
  }

  private OffsetDateTime at(java.time.Instant instant) {
    return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
  }
}
