package nl.bluevitaal.journey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.journey.JourneyHistory;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Track;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's history for the insight read model's rebuild, read with plain SQL over the engine's history tables
 * (one statement per page of tasks, a few per chunk of cases), because the engine's query API would ask per case. The
 * rules are those of the events: the phases the models' elements enter ({@link #PHASE_AT_START}), the escalation
 * ladder's rungs counted as {@code MilestoneWatch} climbs them, the outcome by {@link JourneyOutcomes}.
 */
@Component
class CamundaJourneyHistory implements JourneyHistory {

  /**
   * The elements of ReintegrationJourney whose start enters a phase (their execution listeners and delegates call
   * the case file): the same moments as the case file's own phase changes. Task_StartSpoor2 enters spoor 2 when it is
   * completed, the track decision enters spoor 1 when it chose spoor 1; both are handled apart.
   */
  static final Map<String, Phase> PHASE_AT_START = Map.ofEntries(
      Map.entry(Element.TASK_INTAKE, Phase.INTAKE),
      Map.entry(Element.SUBPROCESS_PROBLEM_ANALYSIS, Phase.PROBLEM_ANALYSIS),
      Map.entry(Element.SUBPROCESS_PLAN_OF_ACTION, Phase.PLAN_OF_ACTION),
      Map.entry("Gateway_SpoorFork", Phase.SPOOR_1),
      Map.entry(Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, Phase.FIRST_YEAR_EVALUATION),
      Map.entry(Element.SUBPROCESS_FINAL_EVALUATION, Phase.FINAL_EVALUATION),
      Map.entry("SubProcess_WiaApplication", Phase.WIA_APPLICATION),
      Map.entry(Element.TASK_START_RELAPSE_WATCH, Phase.RELAPSE_WATCH),
      Map.entry(Element.TASK_CLOSE_AFTER_RECOVERY, Phase.CLOSED),
      Map.entry(Element.TASK_END_WAGE_PAYMENT, Phase.CLOSED),
      Map.entry("Task_CloseAfterEarlyIva", Phase.CLOSED));
  private static final String GATEWAY_NEXT_TRACK = "Gateway_NextTrack";
  private static final String RELAPSE_WHILE_SICK = "StartEvent_RelapseWhileSick";
  private static final String WARNING_1 = "Task_SendFirstWarning";
  private static final String WARNING_2 = "Task_SendSecondWarning";
  private static final String DECIDE_ESCALATION = "Task_DecideEscalation";
  /** Camunda's ActivityInstanceState.CANCELED. */
  private static final int CANCELED = 2;

  private final JdbcClient jdbc;
  private final Clock clock;

  CamundaJourneyHistory(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public List<Step> steps(String afterTaskId, int limit) {
    return jdbc.sql("""
            select t.ID_, p.BUSINESS_KEY_, t.PROC_DEF_KEY_, t.TASK_DEF_KEY_, t.START_TIME_, t.DUE_DATE_, t.END_TIME_,
                   t.DELETE_REASON_
              from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_
             where t.ID_ > :after and p.BUSINESS_KEY_ is not null
             order by t.ID_
             limit :n""")
        .param("after", afterTaskId == null ? "" : afterTaskId).param("n", limit)
        .query((rs, n) -> {
          Instant ended = instant(rs, "END_TIME_");
          UUID caseId = uuid(rs.getString("BUSINESS_KEY_"));
          return new Step(rs.getString("ID_"), caseId, rs.getString("PROC_DEF_KEY_"), rs.getString("TASK_DEF_KEY_"),
              JourneyEventsPlugin.second(rs.getTimestamp("START_TIME_")), day(instant(rs, "DUE_DATE_")),
              ended == null ? null : JourneyEventsPlugin.second(java.util.Date.from(ended)),
              ended == null ? null : "completed".equals(rs.getString("DELETE_REASON_")));
        })
        .list().stream().filter(step -> step.caseId() != null).toList();
  }

  @Override
  public Map<UUID, CaseHistory> cases(Collection<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    List<String> keys = caseIds.stream().map(UUID::toString).toList();
    Map<UUID, Builder> cases = new LinkedHashMap<>();
    // The journeys: how each ended, its routing and track, and whether the WIA application was done.
    Map<String, UUID> journeys = new HashMap<>();
    Map<String, String[]> ends = new HashMap<>();
    jdbc.sql("""
            select p.PROC_INST_ID_, p.BUSINESS_KEY_, p.END_ACT_ID_, p.END_TIME_ from ACT_HI_PROCINST p
             where p.PROC_DEF_KEY_ = :key and p.BUSINESS_KEY_ in (:keys)""")
        .param("key", ReintegrationJourneyProcess.PROCESS_KEY).param("keys", keys)
        .query((ResultSet rs) -> {
          UUID caseId = uuid(rs.getString("BUSINESS_KEY_"));
          if (caseId != null) {
            journeys.put(rs.getString("PROC_INST_ID_"), caseId);
            cases.computeIfAbsent(caseId, Builder::new);
            Instant end = instant(rs, "END_TIME_");
            if (end != null && rs.getString("END_ACT_ID_") != null) {
              ends.put(rs.getString("PROC_INST_ID_"), new String[] {rs.getString("END_ACT_ID_"), day(end).toString()});
            }
          }
        });
    if (journeys.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    jdbc.sql("""
            select v.PROC_INST_ID_, v.NAME_, v.TEXT_, v.LONG_ from ACT_HI_VARINST v
             where v.PROC_INST_ID_ in (:ids) and v.NAME_ in (:names)""")
        .param("ids", journeys.keySet())
        .param("names", List.of(Var.GUIDANCE_INTENSITY, Var.OFFER_BUDDY, Var.NEXT_TRACK))
        .query((ResultSet rs) -> {
          Object value = Var.OFFER_BUDDY.equals(rs.getString("NAME_"))
              ? (Object) (rs.getLong("LONG_") == 1L) : rs.getString("TEXT_");
          variables.computeIfAbsent(rs.getString("PROC_INST_ID_"), k -> new HashMap<>()).put(rs.getString("NAME_"),
              value);
        });
    Set<String> wiaApplied = new HashSet<>(jdbc.sql("""
            select distinct t.PROC_INST_ID_ from ACT_HI_TASKINST t
             where t.PROC_INST_ID_ in (:ids) and t.TASK_DEF_KEY_ = :task and t.DELETE_REASON_ = 'completed'""")
        .param("ids", journeys.keySet()).param("task", Element.TASK_WIA_APPLICATION)
        .query(String.class).list());
    journeys.forEach((instance, caseId) -> {
      Builder builder = cases.get(caseId);
      Map<String, Object> vars = variables.getOrDefault(instance, Map.of());
      Object intensity = vars.get(Var.GUIDANCE_INTENSITY);
      if (intensity != null) {
        builder.routing = new JourneyEvents.IntakeRouted(caseId, intensity.toString(),
            Boolean.TRUE.equals(vars.get(Var.OFFER_BUDDY)));
      }
      builder.nextTrack = (String) vars.get(Var.NEXT_TRACK);
      String[] end = ends.get(instance);
      if (end != null && JourneyOutcomes.endsCase(end[0])) {
        builder.ended = new JourneyEvents.CaseEnded(caseId,
            JourneyOutcomes.of(end[0], builder.nextTrack, wiaApplied.contains(instance)), LocalDate.parse(end[1]));
      }
    });
    phases(journeys, cases);
    escalations(keys, cases);
    return cases.values().stream().collect(LinkedHashMap::new, (m, b) -> m.put(b.caseId, b.build()), Map::putAll);
  }

  /** The phase entries of the journeys, in the order they happened; relapses reported while still sick. */
  private void phases(Map<String, UUID> journeys, Map<UUID, Builder> cases) {
    Set<String> elements = new HashSet<>(PHASE_AT_START.keySet());
    elements.addAll(List.of(Element.TASK_START_SPOOR_2, GATEWAY_NEXT_TRACK, RELAPSE_WHILE_SICK));
    jdbc.sql("""
            select a.PROC_INST_ID_, a.ACT_ID_, a.START_TIME_, a.END_TIME_, a.ACT_INST_STATE_ from ACT_HI_ACTINST a
             where a.PROC_INST_ID_ in (:ids) and a.ACT_ID_ in (:elements)
             order by a.START_TIME_, a.SEQUENCE_COUNTER_""")
        .param("ids", journeys.keySet()).param("elements", elements)
        .query((ResultSet rs) -> {
          Builder builder = cases.get(journeys.get(rs.getString("PROC_INST_ID_")));
          String element = rs.getString("ACT_ID_");
          Instant start = instant(rs, "START_TIME_");
          Instant end = instant(rs, "END_TIME_");
          boolean done = end != null && rs.getInt("ACT_INST_STATE_") != CANCELED;
          if (PHASE_AT_START.containsKey(element)) {
            builder.phases.add(new PhaseEntry(PHASE_AT_START.get(element), start));
          } else if (RELAPSE_WHILE_SICK.equals(element)) {
            builder.relapsesWhileSick.add(day(start));
          } else if (Element.TASK_START_SPOOR_2.equals(element) && done) {
            builder.phases.add(new PhaseEntry(Phase.SPOOR_2, end));
          } else if (GATEWAY_NEXT_TRACK.equals(element) && done && Track.SPOOR_1.equals(builder.nextTrack)) {
            builder.phases.add(new PhaseEntry(Phase.SPOOR_1, end));
          }
        });
    cases.values().forEach(b -> b.phases.sort(Comparator.comparing(PhaseEntry::at)));
  }

  /**
   * The warnings and rungs of every watch of the cases: a rung is the number of escalation decisions since the watch
   * last marked its deadline missed (the ladder starts at the bottom again there). A warning counts unless the
   * deadline had already passed when it fell due (the watch was armed late): the journey sends none then, and its
   * deadline is marked missed at the same moment.
   */
  private void escalations(List<String> keys, Map<UUID, Builder> cases) {
    record Activity(String instance, String element, Instant at) {
    }
    Map<String, String> watchOf = new HashMap<>();
    Map<String, UUID> caseOf = new HashMap<>();
    List<Activity> activities = new ArrayList<>();
    jdbc.sql("""
            select a.PROC_INST_ID_, p.BUSINESS_KEY_, a.ACT_ID_, a.START_TIME_ from ACT_HI_ACTINST a
              join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_
             where p.PROC_DEF_KEY_ = :key and p.BUSINESS_KEY_ in (:keys) and a.ACT_ID_ in (:elements)
             order by a.PROC_INST_ID_, a.START_TIME_, a.SEQUENCE_COUNTER_""")
        .param("key", ReintegrationJourneyProcess.WATCH_PROCESS_KEY).param("keys", keys)
        .param("elements", List.of(WARNING_1, WARNING_2, Element.TASK_MARK_DEADLINE_OVERDUE, DECIDE_ESCALATION))
        .query((ResultSet rs) -> {
          String instance = rs.getString("PROC_INST_ID_");
          caseOf.put(instance, uuid(rs.getString("BUSINESS_KEY_")));
          activities.add(new Activity(instance, rs.getString("ACT_ID_"), instant(rs, "START_TIME_")));
        });
    if (activities.isEmpty()) {
      return;
    }
    jdbc.sql("""
            select v.PROC_INST_ID_, v.TEXT_ from ACT_HI_VARINST v
             where v.PROC_INST_ID_ in (:ids) and v.NAME_ = :name""")
        .param("ids", caseOf.keySet()).param("name", Var.MILESTONE)
        .query((ResultSet rs) -> {
          watchOf.put(rs.getString("PROC_INST_ID_"), rs.getString("TEXT_"));
        });
    Map<String, Integer> rungs = new HashMap<>();
    for (Activity activity : activities) {
      UUID caseId = caseOf.get(activity.instance());
      String watchName = watchOf.get(activity.instance());
      Builder builder = caseId == null ? null : cases.get(caseId);
      if (builder == null || watchName == null) {
        continue;
      }
      Watch watch = Watch.of(watchName);
      String milestone = watch.milestone().map(Enum::name).orElse(null);
      switch (activity.element()) {
        case Element.TASK_MARK_DEADLINE_OVERDUE -> rungs.put(activity.instance(), 0);
        case DECIDE_ESCALATION -> {
          int rung = rungs.merge(activity.instance(), 1, Integer::sum);
          builder.escalations.add(new JourneyEvents.EscalationRaised(caseId, watch.name(), milestone, rung,
              day(activity.at())));
        }
        default -> {
          boolean missedAtOnce = activities.stream().anyMatch(other -> other.instance().equals(activity.instance())
              && other.element().equals(Element.TASK_MARK_DEADLINE_OVERDUE)
              && Duration.between(activity.at(), other.at()).abs().compareTo(Duration.ofMinutes(1)) < 0);
          if (!missedAtOnce) {
            builder.escalations.add(new JourneyEvents.EscalationRaised(caseId, watch.name(), milestone,
                JourneyWatches.WARNING_RUNG, day(activity.at())));
          }
        }
      }
    }
  }

  private static final class Builder {
    private final UUID caseId;
    private final List<PhaseEntry> phases = new ArrayList<>();
    private final List<JourneyEvents.EscalationRaised> escalations = new ArrayList<>();
    private final List<LocalDate> relapsesWhileSick = new ArrayList<>();
    private JourneyEvents.IntakeRouted routing;
    private JourneyEvents.CaseEnded ended;
    private String nextTrack;

    private Builder(UUID caseId) {
      this.caseId = caseId;
    }

    private CaseHistory build() {
      return new CaseHistory(caseId, List.copyOf(phases), List.copyOf(escalations), routing,
          List.copyOf(relapsesWhileSick), ended);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private LocalDate day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, clock.getZone());
  }

  private static UUID uuid(String key) {
    try {
      return key == null ? null : UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
