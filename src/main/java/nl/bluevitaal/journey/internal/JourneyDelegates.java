package nl.bluevitaal.journey.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin inbound adapters of the models: read the case id, call one use case. Bean name = element purpose. */
@Configuration(proxyBeanMethods = false)
class JourneyDelegates {

  /**
   * Task_RouteIntake. The decision has three outputs; mapping its result map onto the instance would store a
   * serialised object, so the three values become three plain variables here.
   */
  @Bean
  JavaDelegate routeIntake() {
    return execution -> {
      DmnDecisionResultEntries result = execution.getProcessEngineServices().getDecisionService()
          .evaluateDecisionByKey(ReintegrationJourneyProcess.DECISION_INTAKE_ROUTING)
          .variables(Variables.createVariables()
              .putValue(Var.WORK_CONFLICT, execution.getVariable(Var.WORK_CONFLICT))
              .putValue(Var.EXPECTED_ABSENCE_WEEKS, execution.getVariable(Var.EXPECTED_ABSENCE_WEEKS)))
          .evaluate().getSingleResult();
      execution.setVariable(Var.GUIDANCE_INTENSITY, result.getEntry(Var.GUIDANCE_INTENSITY));
      execution.setVariable(Var.OFFER_BUDDY, result.getEntry(Var.OFFER_BUDDY));
      execution.setVariable(Var.URGENT_DOCTOR_CONTACT, result.getEntry(Var.URGENT_DOCTOR_CONTACT));
    };
  }

  /** Task_MarkDeadlineOverdue in DeadlineEscalation. */
  @Bean
  JavaDelegate markDeadlineOverdue(CaseRegistry registry) {
    return execution -> registry.markDeadlineOverdue(caseId(execution),
        Milestone.valueOf((String) execution.getVariable(Var.MILESTONE)));
  }

  /** Task_StartRelapseWatch: remembers where to resume before the phase changes to the relapse watch. */
  @Bean
  JavaDelegate startRelapseWatch(CaseRegistry registry) {
    return execution -> {
      UUID caseId = caseId(execution);
      Set<Milestone> met = EnumSet.noneOf(Milestone.class);
      registry.deadlines(caseId).stream().filter(d -> d.metOn() != null).map(CaseDeadline::milestone)
          .forEach(met::add);
      Phase phase = registry.get(caseId).phase();
      execution.setVariable(Var.RESUME_AT, ResumePoint.of(phase, met, (String) execution.getVariable(Var.NEXT_TRACK)));
      registry.enterPhase(caseId, Phase.RELAPSE_WATCH);
    };
  }

  /** Task_EndWagePayment: week 104 has passed. */
  @Bean
  JavaDelegate endWagePayment(CaseRegistry registry) {
    return execution -> {
      UUID caseId = caseId(execution);
      registry.markDeadlineMet(caseId, Milestone.END_OF_WAGE_PAYMENT);
      registry.enterPhase(caseId, Phase.CLOSED);
    };
  }

  private static UUID caseId(DelegateExecution execution) {
    return UUID.fromString((String) execution.getVariable(Var.CASE_ID));
  }
}
