package nl.bluevitaal.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.bluevitaal.insight.internal.DiagramElements;
import nl.bluevitaal.insight.internal.ModelHeatQueries;
import nl.bluevitaal.insight.internal.ReadModelCache;
import nl.bluevitaal.journey.JourneyModels;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.InsightScope;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bottlenecks on the model (the heatmap): per step of the journey or of a process it calls, the cases waiting there
 * now, the median and 90th percentile of the time spent on it and the share finished after its due date, over the
 * steps completed in a period of a fixed grid (the last 12 whole months, or a complete calendar year). Read
 * from the read model; for process owners and management (scope MODEL), every read audited, every number through
 * the {@link GroupSizeGate}: the waiting counts of one process are one disclosure with their total, so the total
 * cannot reveal a hidden step; a time or share is shown only over enough cases.
 */
@Service
@Transactional(readOnly = true)
public class ModelHeat {

  /** The period key of the last 12 whole months. */
  public static final String LAST_TWELVE_MONTHS = "12m";
  private static final int YEARS_BACK = 4;

  private final AccessPolicy policy;
  private final GroupSizeGate gate;
  private final JourneyModels models;
  private final ModelHeatQueries queries;
  private final ReadModelCache cache;
  private final Clock clock;
  private final Map<String, DiagramElements> diagrams = new ConcurrentHashMap<>();

  ModelHeat(AccessPolicy policy, GroupSizeGate gate, JourneyModels models, ModelHeatQueries queries,
      ReadModelCache cache, Clock clock) {
    this.policy = policy;
    this.gate = gate;
    this.models = models;
    this.queries = queries;
    this.cache = cache;
    this.clock = clock;
  }

  /** The read model's answers for one process and period, before the gate. */
  private record Read(Map<String, Long> waiting, Map<String, ModelHeatQueries.Spent> spent) {
  }

  /** A period of the grid: {@code [from, to)}; its key is {@code 12m} or the year. */
  public record Period(String key, LocalDate from, LocalDate to) {

    public boolean lastTwelveMonths() {
      return LAST_TWELVE_MONTHS.equals(key);
    }
  }

  /** A process one may choose: the journey and the processes it calls. */
  public record Process(String key, String name) {
  }

  /**
   * One step of the process. {@code waiting} and {@code cases} (the cases of the steps completed in the period) are
   * counts; the times (days) and the late share (0 to 1) are null when no step was completed (or none had a due date).
   * {@code inDiagram}: false for a step of an older version that the shown diagram no longer has.
   */
  public record Element(String id, String name, boolean inDiagram, Shown waiting, Shown cases,
      @Nullable Shown medianDays, @Nullable Shown p90Days, @Nullable Shown shareLate) {
  }

  /** The heatmap of one process in one period, and the element with the most cases waiting that may be shown. */
  public record Heatmap(Process process, int version, List<Process> processes, Period period, List<Period> periods,
      List<Element> elements, Shown totalWaiting, @Nullable Element mostWaiting, @Nullable Element longestMedian) {
  }

  /**
   * The periods to choose from: the last 12 whole months, then the complete calendar years before this one. Not this
   * year so far: beside the last 12 months it would differ from them by one month, and give that month's counts away.
   */
  public List<Period> periods() {
    LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
    List<Period> periods = new ArrayList<>();
    periods.add(new Period(LAST_TWELVE_MONTHS, thisMonth.minusMonths(12), thisMonth));
    for (int year = thisMonth.getYear() - 1; year >= thisMonth.getYear() - YEARS_BACK; year--) {
      LocalDate start = LocalDate.of(year, 1, 1);
      periods.add(new Period(String.valueOf(year), start, start.plusYears(1)));
    }
    return periods;
  }

  /**
   * The heatmap of {@code processKey} (the journey when null) over the period {@code periodKey} (the last 12 months
   * when null). Throws {@link UnknownInsightException} for a process the journey does not run or a period off the grid.
   */
  public Heatmap heat(Actor actor, @Nullable String processKey, @Nullable String periodKey) {
    String key = processKey == null ? ReintegrationJourneyProcess.PROCESS_KEY : processKey;
    String periodWanted = periodKey == null ? LAST_TWELVE_MONTHS : periodKey;
    policy.checkInsight(actor, InsightScope.model(), "model heatmap " + key + " " + periodWanted);
    Map<Process, Integer> deployed = processes();
    Process process = deployed.keySet().stream().filter(p -> p.key().equals(key)).findFirst()
        .orElseThrow(() -> new UnknownInsightException("process " + key));
    List<Period> periods = periods();
    Period period = periods.stream().filter(p -> p.key().equals(periodWanted)).findFirst()
        .orElseThrow(() -> new UnknownInsightException("period " + periodWanted));
    int version = deployed.get(process);
    DiagramElements diagram = diagram(key, version);

    ZoneId zone = clock.getZone();
    // Both read every step of the period (421,370 at national scale): kept per read model version.
    Read read = cache.get(List.of("heat", key, period), () -> new Read(queries.waiting(key),
        queries.spent(key, period.from().atStartOfDay(zone).toOffsetDateTime(),
            period.to().atStartOfDay(zone).toOffsetDateTime())));
    Map<String, Long> waiting = read.waiting();
    Map<String, ModelHeatQueries.Spent> spent = read.spent();

    Set<String> ids = new LinkedHashSet<>(diagram.steps().keySet());
    waiting.keySet().stream().sorted().forEach(ids::add);
    spent.keySet().stream().sorted().forEach(ids::add);

    Disclosure disclosure = new Disclosure();
    Map<String, Disclosure.Count> waitingCounts = new LinkedHashMap<>();
    Map<String, Disclosure.Count> caseCounts = new LinkedHashMap<>();
    for (String id : ids) {
      waitingCounts.put(id, disclosure.count(waiting.getOrDefault(id, 0L)));
      ModelHeatQueries.Spent s = spent.get(id);
      caseCounts.put(id, disclosure.count(s == null ? 0 : s.cases()));
    }
    Disclosure.Count total = disclosure.count(waiting.values().stream().mapToLong(Long::longValue).sum());
    disclosure.sum(total, waitingCounts.values());
    Released released = gate.release(disclosure);

    List<Element> elements = new ArrayList<>();
    for (String id : ids) {
      ModelHeatQueries.Spent s = spent.get(id);
      boolean any = s != null && s.cases() > 0;
      boolean anyDue = any && s.dueSteps() > 0;
      elements.add(new Element(id, diagram.steps().getOrDefault(id, id), diagram.steps().containsKey(id),
          released.shown(waitingCounts.get(id)), released.shown(caseCounts.get(id)),
          any ? gate.statistic(s.cases(), s.medianDays()) : null,
          any ? gate.statistic(s.cases(), s.p90Days()) : null,
          anyDue ? gate.statistic(s.dueCases(), (double) s.lateSteps() / s.dueSteps()) : null));
    }
    Element mostWaiting = elements.stream().filter(e -> e.waiting().visible() && e.waiting().count() > 0)
        .max(Comparator.comparingDouble(e -> e.waiting().value())).orElse(null);
    Element longestMedian = elements.stream().filter(e -> e.medianDays() != null && e.medianDays().visible())
        .max(Comparator.comparingDouble(e -> e.medianDays().value())).orElse(null);
    return new Heatmap(process, version, List.copyOf(deployed.keySet()), period, periods, List.copyOf(elements),
        released.shown(total), mostWaiting, longestMedian);
  }

  /** The deployed file of the process's latest version, for the diagram the figures are laid over. */
  public String diagramXml(Actor actor, String processKey) {
    policy.checkInsight(actor, InsightScope.model(), "model diagram " + processKey);
    Integer version = processes().entrySet().stream().filter(p -> p.getKey().key().equals(processKey))
        .map(Map.Entry::getValue).findFirst()
        .orElseThrow(() -> new UnknownInsightException("process " + processKey));
    return models.xml(processKey, version).orElseThrow(() -> new UnknownInsightException("diagram"));
  }

  /** The journey and the processes its latest version calls, as deployed, each with its latest version. */
  private Map<Process, Integer> processes() {
    String journey = ReintegrationJourneyProcess.PROCESS_KEY;
    // The newest versions only: counting what runs on each version (the workbench's list) read every instance, some
    // 24,000 at national scale, on every view of the heatmap.
    Optional<JourneyModels.LatestProcess> latest = models.latestProcess(journey);
    Map<Process, Integer> processes = new LinkedHashMap<>();
    if (latest.isEmpty()) {
      return processes;
    }
    processes.put(new Process(journey, latest.get().name()), latest.get().version());
    for (String called : diagram(journey, latest.get().version()).calledProcesses()) {
      models.latestProcess(called).ifPresent(p -> processes.put(new Process(p.key(), p.name()), p.version()));
    }
    return processes;
  }

  /** A deployed version never changes: its elements are read once. */
  private DiagramElements diagram(String key, int version) {
    return diagrams.computeIfAbsent(key + ":" + version, k -> DiagramElements.of(models.xml(key, version)
        .orElseThrow(() -> new UnknownInsightException("diagram of " + key))));
  }
}
