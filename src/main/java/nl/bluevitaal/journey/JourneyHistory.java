package nl.bluevitaal.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.Phase;
import org.springframework.lang.Nullable;

/**
 * The engine's history as aggregated insight needs it to rebuild its read model from scratch: read in pages and per
 * chunk of cases, never one query per case. The same facts as {@link JourneyEvents}, derived by the same rules.
 */
public interface JourneyHistory {

  /** One page of every user task the engine has recorded, in task id order, after {@code afterTaskId} (null: first). */
  List<Step> steps(@Nullable String afterTaskId, int limit);

  /** What the journeys of these cases did, by case (cases without a journey in the history are left out). */
  Map<UUID, CaseHistory> cases(Collection<UUID> caseIds);

  /** A user task: as {@link JourneyEvents.StepEnded}, with {@code endedAt} and {@code completed} null while open. */
  record Step(String taskId, UUID caseId, String processKey, String elementId, Instant openedAt,
      @Nullable LocalDate dueOn, @Nullable Instant endedAt, @Nullable Boolean completed) {
  }

  /**
   * One case's journey: the phases it entered by the journey's elements, in order; its warnings and escalations; the
   * intake's routing; the days a relapse was reported while still sick; how it ended.
   */
  record CaseHistory(UUID caseId, List<PhaseEntry> phases, List<JourneyEvents.EscalationRaised> escalations,
      @Nullable JourneyEvents.IntakeRouted routing, List<LocalDate> relapsesWhileSick,
      @Nullable JourneyEvents.CaseEnded ended) {
  }

  /** The case entered this phase at this moment. */
  record PhaseEntry(Phase phase, Instant at) {
  }
}
