package nl.bluevitaal.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.casefile.internal.CaseRepository;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.SickPeriod;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases as a signed-in person sees them: only the cases the access policy lets them read domain A of, so a
 * list or a search never shows that another case exists (management and the administrator get an empty list;
 * aggregates are the insight module's business).
 */
@Service
@Transactional
public class Caseload {

  private final CaseRepository repository;
  private final CaseRegistry registry;
  private final CaseFileAccess access;
  private final DeadlineEngine deadlineEngine;
  private final Clock clock;

  Caseload(CaseRepository repository, CaseRegistry registry, CaseFileAccess access, DeadlineEngine deadlineEngine,
      Clock clock) {
    this.repository = repository;
    this.registry = registry;
    this.access = access;
    this.deadlineEngine = deadlineEngine;
    this.clock = clock;
  }

  /**
   * The visible cases, optionally matching {@code query} on employee name or case number. The search runs over
   * what the caller may see, never over the whole table.
   */
  @Transactional(readOnly = true)
  public List<CaseView> visibleCases(Actor actor, String query) {
    List<CaseRepository.CaseRow> rows = repository.caseRows(actor.userId());
    Map<UUID, Set<String>> buddies = repository.consentingBuddies(rows.stream().map(r -> r.summary().id()).toList());
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    return rows.stream()
        .filter(row -> access.permits(actor, parties(row, buddies.get(row.summary().id())), Domain.ADMINISTRATIVE,
            Access.READ))
        .filter(row -> q.isEmpty() || row.summary().employeeName().toLowerCase(Locale.ROOT).contains(q)
            || row.summary().caseNumber().toLowerCase(Locale.ROOT).contains(q))
        .map(Caseload::view)
        .toList();
  }

  /**
   * The visible cases of which the caller is the line manager (their team), in the same one read as
   * {@link #visibleCases}.
   */
  @Transactional(readOnly = true)
  public List<CaseView> teamCases(Actor actor) {
    List<CaseRepository.CaseRow> rows = repository.caseRows(actor.userId()).stream()
        .filter(row -> actor.userId().equals(row.summary().lineManagerUserId())).toList();
    Map<UUID, Set<String>> buddies = repository.consentingBuddies(rows.stream().map(r -> r.summary().id()).toList());
    return rows.stream()
        .filter(row -> access.permits(actor, parties(row, buddies.get(row.summary().id())), Domain.ADMINISTRATIVE,
            Access.READ))
        .map(Caseload::view)
        .toList();
  }

  @Transactional(readOnly = true)
  public CaseDetail detail(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, "case");
    CaseRepository.CaseRow row = repository.caseRow(caseId)
        .orElseThrow(() -> access.notFound(actor, parties, "case"));
    List<SickPeriod> periods = repository.sickPeriods(caseId);
    List<CaseLeave> leaves = repository.leaves(caseId);
    return new CaseDetail(view(row), periods, repository.workCapacityHistory(caseId),
        repository.deadlines(caseId),
        deadlineEngine.progress(periods, leaves.stream().map(CaseLeave::toLeave).toList(), LocalDate.now(clock)),
        repository.uwvNotifiedOn(caseId), leaves);
  }

  /** What the actor may do in the case (the case page's buttons and forms). */
  @Transactional(readOnly = true)
  public CaseActions actions(Actor actor, UUID caseId) {
    CaseParties parties = access.parties(actor, caseId, "case actions");
    return new CaseActions(access.permits(actor, parties, Domain.ADMINISTRATIVE, Access.WRITE),
        access.keepsFile(actor, parties), access.permits(actor, parties, Domain.MEDICAL, Access.WRITE),
        DocumentType.writtenByAny(access.relations(actor, parties)));
  }

  /**
   * Domain A write: the work capacity from a date on (today when null), recorded with who recorded it; the journey
   * hears of it (a partial return to work asks the counsellor to adjust the plan). The one use case behind the API and
   * the case page. The caller quotes the case version.
   */
  public CaseDetail recordWorkCapacity(Actor actor, UUID caseId, int pct, LocalDate from, int expectedVersion) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.WRITE, "work capacity");
    registry.recordWorkCapacity(caseId, pct, from, actor.userId(), expectedVersion);
    return detail(actor, caseId);
  }

  /** Domain A write: full recovery from this day; the journey stops and watches for a relapse. */
  public void reportFullRecovery(Actor actor, UUID caseId, LocalDate recoveredOn) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.WRITE, "full recovery");
    registry.reportFullRecovery(caseId, recoveredOn);
  }

  /** Domain A write: a voluntary extension of wage payment or a wage sanction; the deadlines move. */
  public void extendWagePayment(Actor actor, UUID caseId, int voluntaryExtensionWeeks, int wageSanctionWeeks,
      int expectedVersion) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.WRITE, "wage payment extension");
    registry.recordWagePaymentExtension(caseId, voluntaryExtensionWeeks, wageSanctionWeeks, expectedVersion);
  }

  /**
   * Domain A write: the day UWV received the 42-week notification; a late one moves the last deadlines. The caller
   * quotes the case version.
   */
  public CaseDetail recordUwvNotification(Actor actor, UUID caseId, LocalDate receivedOn, int expectedVersion) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.WRITE, "UWV notification receipt");
    registry.recordUwvNotification(caseId, receivedOn, expectedVersion);
    return detail(actor, caseId);
  }

  /** Domain A write: pregnancy and birth leave, which joins the sick periods around it into one case. */
  public CaseLeave recordLeave(Actor actor, UUID caseId, LocalDate from, LocalDate to) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.WRITE, "pregnancy and birth leave");
    return registry.recordLeave(caseId, from, to);
  }

  /** Domain A write: removes a recorded leave that joins nothing yet. */
  public void removeLeave(Actor actor, UUID caseId, UUID leaveId) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.WRITE, "pregnancy and birth leave");
    registry.removeLeave(caseId, leaveId);
  }

  /**
   * Domain A write: whether the illness is caused by the service (a yes, no or unknown; never a reason), set later
   * than the sick report when it becomes known. The caller quotes the case version.
   */
  public CaseDetail recordServiceRelated(Actor actor, UUID caseId, ServiceRelated serviceRelated,
      int expectedVersion) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.WRITE, "service-related");
    registry.recordServiceRelated(caseId, serviceRelated, expectedVersion);
    return detail(actor, caseId);
  }

  /**
   * Domain A read: the share of the salary kept over the case, in periods with their dates, counted like the
   * deadlines.
   */
  @Transactional(readOnly = true)
  public SickPaySchedule sickPay(Actor actor, UUID caseId) {
    access.require(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, "sick pay");
    return registry.sickPay(caseId);
  }

  private static CaseParties parties(CaseRepository.CaseRow row, Set<String> buddies) {
    CaseSummary s = row.summary();
    return new CaseParties(s.id(), row.employeeUserId(), s.lineManagerUserId(), s.counsellorUserId(),
        s.companyDoctorUserId(), buddies);
  }

  private static CaseView view(CaseRepository.CaseRow row) {
    CaseSummary s = row.summary();
    return new CaseView(s.id(), s.caseNumber(), s.employeeName(), s.team(), s.status(), s.phase(),
        s.counsellorUserId(), s.companyDoctorUserId(), s.workCapacityPct(), s.firstSickDay(), s.nextDeadline(),
        s.nextDeadlineOn(), s.overdue(), s.serviceRelated(), s.version());
  }
}
