package nl.bluevitaal.journey;

import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseSummary;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to the employee outside the planned steps: full recovery, a relapse, partial return to work. Each
 * use case first records the fact in the case file, then tells the journey, in one transaction.
 */
@Service
@Transactional
public class JourneyEvents {

  private static final Logger log = LoggerFactory.getLogger(JourneyEvents.class);

  private final CaseRegistry registry;
  private final RuntimeService runtimeService;

  JourneyEvents(CaseRegistry registry, RuntimeService runtimeService) {
    this.registry = registry;
    this.runtimeService = runtimeService;
  }

  /** Full recovery: the journey stops and a 28-day relapse watch starts. */
  public void fullRecovery(UUID caseId, LocalDate recoveredOn) {
    registry.reportFullRecovery(caseId, recoveredOn);
    correlate(caseId, ReintegrationJourneyProcess.MESSAGE_FULL_RECOVERY, true);
  }

  /**
   * The employee reports sick again. Still sick: the company doctor updates the analysis. Within 28 days of full
   * recovery: the same case resumes with its open deadlines moved. Later: a new case with a new journey.
   *
   * @return the case that holds the relapse
   */
  public UUID relapse(UUID employeeId, LocalDate sickFrom) {
    CaseSummary latest = registry.casesOfEmployee(employeeId).stream().findFirst().orElse(null);
    UUID caseId = registry.reportRelapse(employeeId, sickFrom);
    if (latest != null && latest.id().equals(caseId)) {
      correlate(caseId, ReintegrationJourneyProcess.MESSAGE_RELAPSE, true);
    }
    return caseId;
  }

  /** Partial return to work: the journey goes on, the counsellor adjusts the plan. */
  public void partialRecovery(UUID caseId, int workCapacityPct) {
    registry.recordPartialRecovery(caseId, workCapacityPct);
    correlate(caseId, ReintegrationJourneyProcess.MESSAGE_PARTIAL_RECOVERY, false);
  }

  private void correlate(UUID caseId, String message, boolean required) {
    int correlated = runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseId.toString())
        .correlateAllWithResult().size();
    if (correlated == 0) {
      if (required) {
        throw new IllegalStateException("The journey of case " + caseId + " does not wait for " + message);
      }
      log.info("Case {}: {} recorded, the journey is not in a state that reacts to it", caseId, message);
    }
  }
}
