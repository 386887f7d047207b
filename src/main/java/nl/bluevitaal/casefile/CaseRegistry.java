package nl.bluevitaal.casefile;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.internal.CaseRepository;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.InvalidTimelineException;
import nl.bluevitaal.poortwachter.Leave;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.poortwachter.SickPay;
import nl.bluevitaal.poortwachter.SickPeriod;
import nl.bluevitaal.poortwachter.Timeline;
import nl.bluevitaal.poortwachter.TimelineInput;
import nl.bluevitaal.privacy.OwnCaseLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Use cases of the case registry: employees, sick reports, phase and deadlines. Deadlines always come from the
 * deadline engine and are stored per case, so timers, pages and reports read one truth.
 */
@Service
@Validated
@Transactional
public class CaseRegistry implements OwnCaseLookup {

  private static final Logger log = LoggerFactory.getLogger(CaseRegistry.class);

  private final CaseRepository repository;
  private final DeadlineEngine deadlineEngine;
  private final SickPay sickPay;
  private final CaseJourney journey;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  CaseRegistry(CaseRepository repository, DeadlineEngine deadlineEngine, SickPay sickPay, CaseJourney journey,
      Clock clock, ApplicationEventPublisher events) {
    this.repository = repository;
    this.deadlineEngine = deadlineEngine;
    this.sickPay = sickPay;
    this.journey = journey;
    this.clock = clock;
    this.events = events;
  }

  public Employee registerEmployee(@Valid NewEmployee newEmployee) {
    Employee employee = new Employee(UUID.randomUUID(), newEmployee.personnelNumber(), newEmployee.displayName(),
        newEmployee.userId(), newEmployee.unit(), newEmployee.team(), newEmployee.lineManagerUserId());
    repository.insertEmployee(employee, now());
    return employee;
  }

  /** The employee left the organisation; their administrative absence data is kept for the retention period after. */
  public void recordEmploymentEnd(UUID employeeId, LocalDate endedOn) {
    if (!repository.updateEmploymentEnd(employeeId, endedOn)) {
      throw new IllegalArgumentException("Unknown employee " + employeeId);
    }
  }

  @Transactional(readOnly = true)
  public Optional<Employee> employeeByUserId(String userId) {
    return repository.findEmployeeByUserId(userId);
  }

  @Transactional(readOnly = true)
  public Optional<Employee> employeeByPersonnelNumber(String personnelNumber) {
    return repository.findEmployeeByPersonnelNumber(personnelNumber);
  }

  /**
   * Registers a sick report as a new case, computes its legal deadlines and starts its journey, all in one
   * transaction: a case without a journey (or the reverse) never exists.
   */
  public UUID reportSick(@Valid SickReport report) {
    repository.findEmployee(report.employeeId())
        .orElseThrow(() -> new IllegalArgumentException("Unknown employee " + report.employeeId()));
    boolean hasOpenCase = repository.summariesOfEmployee(report.employeeId()).stream()
        .anyMatch(c -> c.status() == CaseStatus.OPEN);
    if (hasOpenCase) {
      throw new IllegalStateException("Employee " + report.employeeId() + " already has an open case");
    }
    UUID caseId = UUID.randomUUID();
    String caseNumber = "BV-%d-%05d".formatted(report.firstSickDay().getYear(), repository.nextCaseNumber());
    repository.insertCase(caseId, caseNumber, report, now());
    repository.insertSickPeriod(caseId, report.firstSickDay(), null);
    Employee employee = repository.findEmployee(report.employeeId()).orElseThrow();
    events.publishEvent(new CaseFileEvents.CaseOpened(caseId, employee.unit(), employee.team(),
        report.counsellorUserId(), report.firstSickDay(), LocalDate.now(clock)));
    recomputeDeadlines(caseId);
    journey.start(caseId);
    log.info("Case {} opened for sick report of {}", caseNumber, report.firstSickDay());
    return caseId;
  }

  @Transactional(readOnly = true)
  public CaseSummary get(UUID caseId) {
    return repository.findSummary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> casesWithStatus(CaseStatus status) {
    return repository.summariesWithStatus(status);
  }

  /**
   * The case of the person as an employee, the one their own pages are about: the open one, else the most recent;
   * empty when they have none.
   */
  @Override
  @Transactional(readOnly = true)
  public Optional<UUID> currentCaseOf(String userId) {
    return employeeByUserId(userId)
        .flatMap(employee -> casesOfEmployee(employee.id()).stream()
            .min(Comparator.comparing((CaseSummary c) -> c.status() == CaseStatus.CLOSED)
                .thenComparing(CaseSummary::firstSickDay, Comparator.reverseOrder())))
        .map(CaseSummary::id);
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> casesOfEmployee(UUID employeeId) {
    return repository.summariesOfEmployee(employeeId);
  }

  @Transactional(readOnly = true)
  public List<CaseDeadline> deadlines(UUID caseId) {
    requireCase(caseId);
    return repository.deadlines(caseId);
  }

  /** The due date of one milestone, empty when the case will not reach it. */
  @Transactional(readOnly = true)
  public Optional<LocalDate> dueDate(UUID caseId, Milestone milestone) {
    return repository.deadline(caseId, milestone).map(CaseDeadline::dueOn);
  }

  public void enterPhase(UUID caseId, Phase phase) {
    requireCase(caseId);
    CaseStatus status = switch (phase) {
      case RELAPSE_WATCH -> CaseStatus.RECOVERED;
      case CLOSED -> CaseStatus.CLOSED;
      default -> CaseStatus.OPEN;
    };
    changePhase(caseId, phase, status);
  }

  /** Every change of phase goes through here, so insight hears of each one in the same transaction. */
  private void changePhase(UUID caseId, Phase phase, CaseStatus status) {
    repository.updatePhase(caseId, phase, status, now());
    events.publishEvent(new CaseFileEvents.PhaseEntered(caseId, phase, LocalDate.now(clock)));
  }

  /**
   * Records the work capacity from a date on (today when null) and who recorded it (null: the journey itself); the
   * journey hears of it. A caller holding an old version gets {@link StaleEditException}.
   */
  public void recordWorkCapacity(UUID caseId, int percentage, LocalDate from, String recordedBy,
      int expectedVersion) {
    requireCase(caseId);
    if (percentage < 0 || percentage > 100) {
      throw new InvalidInputException(java.util.Map.of("pct", "must be between 0 and 100"));
    }
    if (!repository.updateWorkCapacity(caseId, percentage, expectedVersion, now())) {
      throw stale(caseId, expectedVersion);
    }
    LocalDate day = from == null ? LocalDate.now(clock) : from;
    repository.insertWorkCapacity(caseId, percentage, day, recordedBy, now());
    events.publishEvent(new CaseFileEvents.WorkCapacityRecorded(caseId, percentage, recordedBy, day));
  }

  /** The sick periods of a case, oldest first. */
  @Transactional(readOnly = true)
  public List<SickPeriod> sickPeriods(UUID caseId) {
    requireCase(caseId);
    return repository.sickPeriods(caseId);
  }

  /**
   * The people of the case in their roles, in one light read: the journey asks this for every step it offers (and
   * twice per step, for users and for groups), so the timer storm of the benchmark spent a fifth of a node's CPU on
   * reading whole case summaries for it.
   */
  @Transactional(readOnly = true)
  public CasePeople people(UUID caseId) {
    return repository.people(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  /** The employee whose case it is. */
  @Transactional(readOnly = true)
  public Employee employeeOfCase(UUID caseId) {
    CaseSummary summary = get(caseId);
    return repository.findEmployee(summary.employeeId()).orElseThrow(() -> new CaseNotFoundException(caseId));
  }

  /**
   * Full recovery: closes the open sick period on the first day of full work. Deadlines the case no longer reaches
   * become empty; the journey moves the phase (it needs the phase the case was in to resume after a relapse).
   */
  public void reportFullRecovery(UUID caseId, LocalDate recoveredOn) {
    CaseSummary summary = get(caseId);
    if (summary.status() != CaseStatus.OPEN) {
      throw new InvalidStateException("The case is not open: it has no sick period to close.");
    }
    if (!repository.closeOpenSickPeriod(caseId, recoveredOn)) {
      throw new InvalidInputException(java.util.Map.of("recoveredOn",
          "must come after the first day of the open sick period"));
    }
    recomputeDeadlines(caseId);
    events.publishEvent(new CaseFileEvents.FullRecoveryReported(caseId, recoveredOn));
    log.info("Case {} fully recovered on {}", caseId, recoveredOn);
  }

  /**
   * The employee reports sick again. While the latest case is still open, nothing changes in the file (the journey
   * asks for an updated analysis). Less than {@value DeadlineEngine#RELAPSE_WINDOW_DAYS} days after full recovery,
   * or on the day after a recorded pregnancy and birth leave that began on the day of recovery, the new period joins
   * the recovered case and every open deadline moves by the gap, met ones stay met. Later, the recovered case is
   * closed and a new case with a new clock starts (with the same counsellor and doctor).
   *
   * @return the case that holds the relapse
   */
  public UUID reportRelapse(UUID employeeId, LocalDate sickFrom) {
    CaseSummary latest = repository.summariesOfEmployee(employeeId).stream().findFirst().orElse(null);
    if (latest != null && latest.status() == CaseStatus.OPEN) {
      log.info("Case {}: relapse while still sick, reported {}", latest.caseNumber(), sickFrom);
      events.publishEvent(new CaseFileEvents.RelapseJoined(latest.id(), sickFrom, true));
      return latest.id();
    }
    if (latest != null && latest.status() == CaseStatus.RECOVERED) {
      LocalDate recoveredOn = lastRecovery(latest.id());
      if (sickFrom.isBefore(recoveredOn)) {
        throw new InvalidInputException(java.util.Map.of("sickFrom",
            "lies before the recovery on " + recoveredOn));
      }
      List<CaseLeave> leaves = repository.leaves(latest.id());
      for (CaseLeave leave : leaves) {
        if (!sickFrom.isBefore(leave.from()) && !sickFrom.isAfter(leave.to())) {
          throw new InvalidInputException(Map.of("sickFrom", "lies within the pregnancy and birth leave from "
              + leave.from() + " to " + leave.to() + "; sickness during the leave is no sick period"));
        }
      }
      boolean afterLeave = leaves.stream()
          .anyMatch(leave -> leave.from().equals(recoveredOn) && sickFrom.equals(leave.to().plusDays(1)));
      if (sickFrom.isBefore(recoveredOn.plusDays(DeadlineEngine.RELAPSE_WINDOW_DAYS)) || afterLeave) {
        repository.insertSickPeriod(latest.id(), sickFrom, null);
        changePhase(latest.id(), latest.phase(), CaseStatus.OPEN);
        recomputeDeadlines(latest.id());
        repository.clearOverdueNotYetDue(latest.id(), LocalDate.now(clock));
        repository.refreshNextDeadline(latest.id(), now());
        log.info("Case {}: relapse on {} joins{}, open deadlines moved", latest.caseNumber(), sickFrom,
            afterLeave ? " after pregnancy and birth leave" : "");
        events.publishEvent(new CaseFileEvents.RelapseJoined(latest.id(), sickFrom, false));
        return latest.id();
      }
      changePhase(latest.id(), Phase.CLOSED, CaseStatus.CLOSED);
    }
    return reportSick(new SickReport(employeeId, sickFrom,
        latest == null ? null : latest.counsellorUserId(), latest == null ? null : latest.companyDoctorUserId()));
  }

  /**
   * The first day on which a new sick report no longer joins the recovered case: {@value
   * DeadlineEngine#RELAPSE_WINDOW_DAYS} days after full recovery, or, when a pregnancy and birth leave began on the
   * day of recovery, the second day after that leave (the day after it still joins). The journey's relapse watch
   * ends then.
   */
  @Transactional(readOnly = true)
  public LocalDate relapseWindowEnd(UUID caseId) {
    requireCase(caseId);
    LocalDate recoveredOn = lastRecovery(caseId);
    LocalDate end = recoveredOn.plusDays(DeadlineEngine.RELAPSE_WINDOW_DAYS);
    for (CaseLeave leave : repository.leaves(caseId)) {
      if (leave.from().equals(recoveredOn) && leave.to().plusDays(2).isAfter(end)) {
        end = leave.to().plusDays(2);
      }
    }
    return end;
  }

  /** The pregnancy and birth leave recorded on the case, oldest first. */
  @Transactional(readOnly = true)
  public List<CaseLeave> leaves(UUID caseId) {
    requireCase(caseId);
    return repository.leaves(caseId);
  }

  /** The day UWV received the 42-week notification; empty while not recorded. */
  @Transactional(readOnly = true)
  public Optional<LocalDate> uwvNotifiedOn(UUID caseId) {
    requireCase(caseId);
    return Optional.ofNullable(repository.uwvNotifiedOn(caseId));
  }

  /**
   * Records the day UWV received the 42-week notification. Received later than the first day after its deadline, it
   * moves the final evaluation, the WIA application and the end of wage payment by the days late; the journey's
   * timers follow. A caller holding an old version gets {@link StaleEditException}.
   *
   * @throws InvalidInputException on {@code receivedOn}: missing, in the future, or before the case's first sick day
   */
  public void recordUwvNotification(UUID caseId, LocalDate receivedOn, int expectedVersion) {
    requireCase(caseId);
    if (receivedOn == null) {
      throw new InvalidInputException(Map.of("receivedOn", "is required"));
    }
    if (receivedOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException(Map.of("receivedOn", "may not lie in the future"));
    }
    check(timelineInput(caseId).withUwvNotifiedOn(receivedOn), Map.of("uwvNotifiedOn", "receivedOn"));
    if (!repository.updateUwvNotifiedOn(caseId, receivedOn, expectedVersion, now())) {
      throw stale(caseId, expectedVersion);
    }
    recomputeDeadlines(caseId);
    events.publishEvent(new CaseFileEvents.DeadlinesMoved(caseId));
    log.info("Case {}: UWV received the 42-week notification on {}", caseId, receivedOn);
  }

  /**
   * Records pregnancy and birth leave on the case ({@code to} is its last day). The sick period before it ends on its
   * first day (record the full recovery on that day); a sick report on the day after it joins this case whatever the
   * leave's length, and the leave days are not counted.
   *
   * @throws InvalidInputException on {@code from} or {@code to}: missing, out of order, or overlapping a sick period
   *     or another leave of the case
   */
  public CaseLeave recordLeave(UUID caseId, LocalDate from, LocalDate to) {
    requireCase(caseId);
    Map<String, String> errors = new LinkedHashMap<>();
    if (from == null) {
      errors.put("from", "is required");
    }
    if (to == null) {
      errors.put("to", "is required");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<CaseLeave> leaves = repository.leaves(caseId);
    List<Leave> withNew = new ArrayList<>(leaves.stream().map(CaseLeave::toLeave).toList());
    withNew.add(new Leave(from, to));
    String path = "leaves[" + leaves.size() + "]";
    check(timelineInput(caseId).withLeaves(withNew), Map.of(path + ".from", "from", path + ".to", "to"));
    CaseLeave leave = new CaseLeave(UUID.randomUUID(), from, to);
    repository.insertLeave(caseId, leave, now());
    repository.touch(caseId, now());
    recomputeDeadlines(caseId);
    events.publishEvent(new CaseFileEvents.DeadlinesMoved(caseId));
    log.info("Case {}: pregnancy and birth leave recorded from {} to {}", caseId, from, to);
    return leave;
  }

  /**
   * Removes a recorded leave. One that joins two sick periods of this case stays: without it they would be two cases.
   *
   * @throws InvalidStateException when the leave is no longer recorded or joins two periods of the case
   */
  public void removeLeave(UUID caseId, UUID leaveId) {
    requireCase(caseId);
    CaseLeave leave = repository.leaves(caseId).stream().filter(l -> l.id().equals(leaveId)).findFirst()
        .orElseThrow(() -> new InvalidStateException("This leave is no longer recorded on the case."));
    List<SickPeriod> periods = repository.sickPeriods(caseId);
    for (int i = 1; i < periods.size(); i++) {
      if (leave.toLeave().bridges(periods.get(i - 1), periods.get(i))) {
        throw new InvalidStateException("This leave joins the sick periods before and after it into this case; "
            + "it cannot be removed.");
      }
    }
    repository.deleteLeave(caseId, leaveId);
    repository.touch(caseId, now());
    recomputeDeadlines(caseId);
    events.publishEvent(new CaseFileEvents.DeadlinesMoved(caseId));
    log.info("Case {}: pregnancy and birth leave from {} removed", caseId, leave.from());
  }

  /**
   * Records a voluntary extension of wage payment (moves the final evaluation, the WIA application and the end of
   * wage payment) or a wage sanction imposed by UWV (moves only the end of wage payment), each 0 to 52 weeks, and
   * recomputes the open deadlines, which the journey's timers and steps follow. A caller holding an old version gets
   * {@link StaleEditException}.
   */
  public void recordWagePaymentExtension(UUID caseId, int voluntaryExtensionWeeks, int wageSanctionWeeks,
      int expectedVersion) {
    requireCase(caseId);
    if (voluntaryExtensionWeeks < 0 || voluntaryExtensionWeeks > DeadlineEngine.MAX_EXTENSION_WEEKS
        || wageSanctionWeeks < 0 || wageSanctionWeeks > DeadlineEngine.MAX_EXTENSION_WEEKS) {
      throw new InvalidInputException(java.util.Map.of(
          voluntaryExtensionWeeks < 0 || voluntaryExtensionWeeks > DeadlineEngine.MAX_EXTENSION_WEEKS
              ? "voluntaryExtensionWeeks" : "wageSanctionWeeks",
          "must be 0 to " + DeadlineEngine.MAX_EXTENSION_WEEKS + " weeks"));
    }
    if (!repository.updateExtensions(caseId, voluntaryExtensionWeeks, wageSanctionWeeks, expectedVersion, now())) {
      throw stale(caseId, expectedVersion);
    }
    recomputeDeadlines(caseId);
    events.publishEvent(new CaseFileEvents.DeadlinesMoved(caseId));
    log.info("Case {}: wage payment extended {} weeks voluntarily, {} weeks sanction", caseId,
        voluntaryExtensionWeeks, wageSanctionWeeks);
  }

  /**
   * Records whether the illness is caused by the service (dienstongeval or beroepsziekte). A caller holding an old
   * version gets {@link StaleEditException}.
   */
  public void recordServiceRelated(UUID caseId, ServiceRelated serviceRelated, int expectedVersion) {
    requireCase(caseId);
    if (serviceRelated == null) {
      throw new InvalidInputException(java.util.Map.of("serviceRelated", "must be YES, NO or UNKNOWN"));
    }
    if (!repository.updateServiceRelated(caseId, serviceRelated, expectedVersion, now())) {
      throw stale(caseId, expectedVersion);
    }
    log.info("Case {}: service-related recorded as {}", caseId, serviceRelated);
  }

  /** The share of the salary kept over the case, counted on the same timeline as its deadlines. */
  @Transactional(readOnly = true)
  public SickPaySchedule sickPay(UUID caseId) {
    ServiceRelated serviceRelated = get(caseId).serviceRelated();
    List<SickPeriod> periods = repository.sickPeriods(caseId);
    return new SickPaySchedule(serviceRelated,
        sickPay.periods(periods, timeline(caseId), serviceRelated.keepsServicePay()));
  }

  public void markDeadlineMet(UUID caseId, Milestone milestone) {
    requireCase(caseId);
    LocalDate today = LocalDate.now(clock);
    // Only the first time it is met: a met deadline stays met on its day.
    if (repository.markDeadlineMet(caseId, milestone, today)) {
      repository.deadline(caseId, milestone).filter(d -> d.dueOn() != null).ifPresent(d ->
          events.publishEvent(new CaseFileEvents.DeadlineMet(caseId, milestone, d.dueOn(), today)));
    }
    repository.refreshNextDeadline(caseId, now());
  }

  public void markDeadlineOverdue(UUID caseId, Milestone milestone) {
    // Thousands of deadlines can pass at once: the case's deadlines are read once, before the one is marked, and
    // the update that must find the case is the check that it exists.
    List<CaseDeadline> deadlines = repository.deadlines(caseId);
    boolean marked = repository.markDeadlineOverdue(caseId, milestone);
    if (marked) {
      deadlines = deadlines.stream().map(d -> d.milestone() == milestone
          ? new CaseDeadline(d.milestone(), d.dueOn(), d.metOn(), true, d.daysLate()) : d).toList();
      deadlines.stream().filter(d -> d.milestone() == milestone && d.dueOn() != null).findFirst().ifPresent(d ->
          events.publishEvent(new CaseFileEvents.DeadlineMissed(caseId, milestone, d.dueOn())));
    }
    if (!repository.refreshNextDeadline(caseId, deadlines, now())) {
      throw new CaseNotFoundException(caseId);
    }
    log.info("Case {} missed its {} deadline", caseId, milestone);
  }

  private void recomputeDeadlines(UUID caseId) {
    Timeline timeline = deadlineEngine.timeline(timelineInput(caseId));
    for (Milestone milestone : Milestone.values()) {
      repository.upsertDeadline(caseId, milestone, timeline.deadline(milestone).orElse(null));
    }
    repository.updateDaysLate(caseId, Milestone.UWV_NOTIFICATION, timeline.uwvNotificationDaysLate());
    repository.refreshNextDeadline(caseId, now());
    Map<Milestone, LocalDate> due = new EnumMap<>(Milestone.class);
    repository.deadlines(caseId).stream().filter(d -> d.dueOn() != null)
        .forEach(d -> due.put(d.milestone(), d.dueOn()));
    events.publishEvent(new CaseFileEvents.DeadlinesRecomputed(caseId, due));
  }

  /** Everything recorded on the case that the deadline engine counts with. */
  private TimelineInput timelineInput(UUID caseId) {
    int[] extensions = repository.extensions(caseId);
    return TimelineInput.of(repository.sickPeriods(caseId))
        .withExtensions(extensions[0], extensions[1])
        .withUwvNotifiedOn(repository.uwvNotifiedOn(caseId))
        .withLeaves(repository.leaves(caseId).stream().map(CaseLeave::toLeave).toList());
  }

  /**
   * Asks the engine whether the case's input with a change is usable, before anything is written; the engine's
   * field paths become the caller's field names ({@code fields}), anything else is the caller's input as a whole.
   */
  private void check(TimelineInput input, Map<String, String> fields) {
    try {
      deadlineEngine.timeline(input);
    } catch (InvalidTimelineException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.fieldErrors().forEach((path, message) -> errors.put(fields.getOrDefault(path, path), message));
      throw new InvalidInputException(errors);
    }
  }

  private LocalDate lastRecovery(UUID caseId) {
    return repository.sickPeriods(caseId).stream().map(SickPeriod::recoveredOn).filter(java.util.Objects::nonNull)
        .max(LocalDate::compareTo).orElseThrow(() -> new InvalidStateException("The case has not recovered."));
  }

  /** The engine's timeline of the case: the one computation behind its stored deadlines and its sick pay. */
  private Timeline timeline(UUID caseId) {
    return deadlineEngine.timeline(timelineInput(caseId));
  }

  private StaleEditException stale(UUID caseId, int expectedVersion) {
    return new StaleEditException("case", caseId, expectedVersion,
        repository.findSummary(caseId).map(CaseSummary::version).orElse(-1));
  }

  private void requireCase(UUID caseId) {
    if (!repository.exists(caseId)) {
      throw new CaseNotFoundException(caseId);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
