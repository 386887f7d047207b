package nl.bluevitaal.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.insight.internal.WorkListQueries;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.InsightScope;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A counsellor's own caseload in insight (scope COUNSELLOR: the counsellor and the counsellors' lead) and their work
 * list: the cases they counsel that miss what the method expects (see {@code insight.internal.MissingAspects}). The
 * figures are counts of the caseload and pass the {@link GroupSizeGate} like every number of insight. The work list is
 * the counsellor's work, not insight about others: it names the employee, and it holds only the cases the reader
 * may open through the access policy (the case page's own check, domain A) and that the counsellor counsels; the
 * lead, who opens no case they do not counsel, sees the figures of another counsellor's list, not its names.
 *
 * <p>The counsellors' lead also sees the balance over all counsellors: per counsellor (by name: staff) their open
 * cases, those with an overdue step and those missing something, each column one disclosure with its total.
 */
@Service
@Transactional(readOnly = true)
public class WorkList {

  private final AccessPolicy policy;
  private final GroupSizeGate gate;
  private final WorkListQueries queries;
  private final Caseload caseload;
  private final Accounts accounts;
  private final Clock clock;

  WorkList(AccessPolicy policy, GroupSizeGate gate, WorkListQueries queries, Caseload caseload, Accounts accounts,
      Clock clock) {
    this.policy = policy;
    this.gate = gate;
    this.queries = queries;
    this.caseload = caseload;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** What the method expects of a case under guidance and a case can miss. */
  public enum Aspect {
    NO_RECENT_EVALUATION, NO_AGREED_GOAL, NO_RELAPSE_PLAN, NO_BUDDY
  }

  /** One case of the work list: the employee by name, what the case misses, its last evaluation (null: none yet). */
  public record Item(UUID caseId, String caseNumber, String employeeName, Set<Aspect> missing,
      @Nullable LocalDate lastEvaluationOn) {

    public Item {
      missing = Set.copyOf(missing);
    }
  }

  /**
   * A counsellor's figures and work list. {@code own}: the reader is the counsellor (else the lead, who sees no
   * names). {@code onTime}: the share of the deadlines due this year so far that were met on or before their day,
   * over {@code deadlineCases} cases; null when none fell due.
   */
  public record CounsellorView(String counsellorUserId, String counsellorName, boolean own, int year,
      Shown openCases, Shown overdueCases, Shown missingAny, Map<Aspect, Shown> missing, Shown deadlineCases,
      @Nullable Shown onTime, List<Item> items) {

    public CounsellorView {
      missing = java.util.Collections.unmodifiableMap(new EnumMap<>(missing));
      items = List.copyOf(items);
    }
  }

  /** A row of the lead's balance: a counsellor (null id: cases without one) and their counts. */
  public record BalanceRow(@Nullable String counsellorUserId, @Nullable String name, Shown openCases,
      Shown overdueCases, Shown missingAny) {
  }

  /** The lead's balance: a row per counsellor by name, the cases without a counsellor last, and the totals. */
  public record Balance(List<BalanceRow> rows, Shown openCases, Shown overdueCases, Shown missingAny) {

    public Balance {
      rows = List.copyOf(rows);
    }
  }

  /** The figures and work list of {@code counsellorUserId}, for that counsellor or the counsellors' lead. */
  public CounsellorView counsellor(Actor actor, String counsellorUserId) {
    Objects.requireNonNull(counsellorUserId, "counsellorUserId");
    policy.checkInsight(actor, InsightScope.counsellor(counsellorUserId), "caseload and work list");
    LocalDate today = LocalDate.now(clock);
    WorkListQueries.Caseload figures = queries.caseload(counsellorUserId, today);
    WorkListQueries.Deadlines deadlines = queries.deadlines(counsellorUserId, today.withDayOfYear(1), today);

    Disclosure disclosure = new Disclosure();
    Disclosure.Count open = disclosure.count(figures.openCases());
    Disclosure.Count overdue = disclosure.count(figures.overdueCases());
    Disclosure.Count any = disclosure.count(figures.missingAny());
    Map<Aspect, Disclosure.Count> perAspect = new EnumMap<>(Aspect.class);
    perAspect.put(Aspect.NO_RECENT_EVALUATION, disclosure.count(figures.noEvaluation()));
    perAspect.put(Aspect.NO_AGREED_GOAL, disclosure.count(figures.noGoal()));
    perAspect.put(Aspect.NO_RELAPSE_PLAN, disclosure.count(figures.noRelapsePlan()));
    perAspect.put(Aspect.NO_BUDDY, disclosure.count(figures.noBuddy()));
    Disclosure.Count deadlineCases = disclosure.count(deadlines.cases());
    Released released = gate.release(disclosure);

    Map<Aspect, Shown> missing = new EnumMap<>(Aspect.class);
    perAspect.forEach((aspect, count) -> missing.put(aspect, released.shown(count)));
    Shown onTime = deadlines.due() == 0 ? null
        : gate.statistic(deadlines.cases(), (double) deadlines.onTime() / deadlines.due());
    String name = accounts.displayNames(List.of(counsellorUserId)).getOrDefault(counsellorUserId, counsellorUserId);
    return new CounsellorView(counsellorUserId, name, counsellorUserId.equals(actor.userId()), today.getYear(),
        released.shown(open), released.shown(overdue), released.shown(any), missing, released.shown(deadlineCases),
        onTime, items(actor, counsellorUserId, today));
  }

  /** Whether the actor may read the balance over every counsellor (the counsellors' lead). */
  public boolean mayBalance(Actor actor) {
    return policy.permitsInsight(actor, InsightScope.everyCounsellor());
  }

  /** The counsellors' lead's balance over every counsellor. */
  public Balance balance(Actor actor) {
    policy.checkInsight(actor, InsightScope.everyCounsellor(), "caseload balance of the counsellors");
    List<WorkListQueries.Balance> counts = queries.balance(LocalDate.now(clock));
    Map<String, String> names = accounts.displayNames(counts.stream().map(WorkListQueries.Balance::counsellorUserId)
        .filter(Objects::nonNull).toList());
    List<WorkListQueries.Balance> ordered = counts.stream()
        .sorted(Comparator.comparing((WorkListQueries.Balance b) -> b.counsellorUserId() == null)
            .thenComparing(b -> names.getOrDefault(b.counsellorUserId(), String.valueOf(b.counsellorUserId())),
                String.CASE_INSENSITIVE_ORDER))
        .toList();

    Disclosure disclosure = new Disclosure();
    List<Disclosure.Count[]> cells = new ArrayList<>();
    for (WorkListQueries.Balance b : ordered) {
      cells.add(new Disclosure.Count[] {disclosure.count(b.openCases()), disclosure.count(b.overdueCases()),
          disclosure.count(b.missingAny())});
    }
    Disclosure.Count[] totals = new Disclosure.Count[3];
    for (int column = 0; column < 3; column++) {
      int c = column;
      totals[c] = disclosure.count(ordered.stream().mapToLong(b -> switch (c) {
        case 0 -> b.openCases();
        case 1 -> b.overdueCases();
        default -> b.missingAny();
      }).sum());
      disclosure.sum(totals[c], cells.stream().map(row -> row[c]).toList());
    }
    Released released = gate.release(disclosure);

    List<BalanceRow> rows = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      String id = ordered.get(i).counsellorUserId();
      Disclosure.Count[] row = cells.get(i);
      rows.add(new BalanceRow(id, id == null ? null : names.getOrDefault(id, id), released.shown(row[0]),
          released.shown(row[1]), released.shown(row[2])));
    }
    return new Balance(rows, released.shown(totals[0]), released.shown(totals[1]), released.shown(totals[2]));
  }

  /**
   * The work list's cases the reader may open (the case page's check) and that the counsellor counsels, by the
   * employee's name. One read of the visible cases, no per-case lookup.
   */
  private List<Item> items(Actor actor, String counsellorUserId, LocalDate today) {
    Map<UUID, WorkListQueries.Missing> missing = queries.workList(counsellorUserId, today).stream()
        .collect(Collectors.toMap(WorkListQueries.Missing::caseId, Function.identity(), (a, b) -> a,
            LinkedHashMap::new));
    if (missing.isEmpty()) {
      return List.of();
    }
    return caseload.visibleCases(actor, null).stream()
        .filter(c -> counsellorUserId.equals(c.counsellorUserId()) && missing.containsKey(c.id()))
        .sorted(Comparator.comparing(CaseView::employeeName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(CaseView::caseNumber))
        .map(c -> item(c, missing.get(c.id())))
        .toList();
  }

  private static Item item(CaseView view, WorkListQueries.Missing row) {
    EnumSet<Aspect> aspects = EnumSet.noneOf(Aspect.class);
    if (row.noEvaluation()) {
      aspects.add(Aspect.NO_RECENT_EVALUATION);
    }
    if (row.noGoal()) {
      aspects.add(Aspect.NO_AGREED_GOAL);
    }
    if (row.noRelapsePlan()) {
      aspects.add(Aspect.NO_RELAPSE_PLAN);
    }
    if (row.noBuddy()) {
      aspects.add(Aspect.NO_BUDDY);
    }
    return new Item(view.id(), view.caseNumber(), view.employeeName(), aspects, row.lastEvaluationOn());
  }
}
