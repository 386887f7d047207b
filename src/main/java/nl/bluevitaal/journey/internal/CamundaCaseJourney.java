package nl.bluevitaal.journey.internal;

import java.util.UUID;
import nl.bluevitaal.casefile.CaseJourney;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The case file's port to the engine: one journey per case, the case id as business key. */
@Component
class CamundaCaseJourney implements CaseJourney {

  private final RuntimeService runtimeService;

  CamundaCaseJourney(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(UUID caseId) {
    runtimeService.createProcessInstanceByKey(ReintegrationJourneyProcess.PROCESS_KEY)
        .businessKey(caseId.toString())
        .setVariable(Var.CASE_ID, caseId.toString())
        // The gateways that resume a journey after a joined relapse route on it; a new journey starts at intake.
        .setVariable(Var.RESUME_AT, ResumePoint.INTAKE)
        .execute();
  }
}
