package nl.bluevitaal.journey.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin inbound adapters of the models: read the case id, call one use case. Bean name = element purpose. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JourneyProperties.class)
class JourneyDelegates {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

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

  /**
   * Task_MarkDeadlineOverdue in MilestoneWatch: the case file records a missed legal milestone (the ones counted from
   * an event have no row there; their escalation step shows the miss), and the ladder starts at its first rung.
   */
  @Bean
  JavaDelegate markDeadlineOverdue(CaseRegistry registry) {
    return execution -> {
      Watch.of((String) execution.getVariable(Var.MILESTONE)).milestone()
          .ifPresent(milestone -> registry.markDeadlineOverdue(caseId(execution), milestone));
      restartLadder(execution);
    };
  }

  /**
   * The ladder starts at the bottom; a watch armed anew after climbing starts there again. A first miss has no rung
   * yet, and writing one only to overwrite it in the next task costs a row and its history in every storm. (The dry
   * run's stand-in does the same through this method.)
   */
  static void restartLadder(DelegateExecution execution) {
    if (execution.getVariable(Var.ESCALATION_RUNG) != null) {
      execution.setVariable(Var.ESCALATION_RUNG, 0);
    }
  }

  /**
   * One rung up: the next rung, whom the ladder names there and for how many days, as the three variables the watch
   * reads. Shared with the dry run, which only stands in for the notices.
   */
  static JourneyWatches.Rung climbOneRung(DelegateExecution execution,
      BiFunction<String, Integer, JourneyWatches.Rung> ladder) {
    Integer previous = (Integer) execution.getVariable(Var.ESCALATION_RUNG);
    int rung = (previous == null ? 0 : previous) + 1;
    JourneyWatches.Rung decided = ladder.apply((String) execution.getVariable(Var.MILESTONE), rung);
    execution.setVariable(Var.ESCALATION_RUNG, rung);
    execution.setVariable(Var.ESCALATE_TO, decided.escalateTo());
    execution.setVariable(Var.DAYS_TO_NEXT_RUNG, decided.daysToNextRung());
    return decided;
  }

  /**
   * Task_DecideEscalation in MilestoneWatch: one rung up the ladder. The decision has two outputs; like the intake
   * routing they become two plain variables, and whom the rung names hears of it at once.
   */
  @Bean
  JavaDelegate decideEscalation(JourneyWatches watches, JourneyPeople people, Notices notices,
      MessageSource messages) {
    return execution -> {
      JourneyWatches.Rung decided = climbOneRung(execution, watches::rungOf);
      int rung = (Integer) execution.getVariable(Var.ESCALATION_RUNG);
      LocalDate due = watches.dueOn(execution);
      String title = messages.getMessage("journey.watch.escalation", new Object[] {watches.name(execution),
          DAY.format(due), rung}, DUTCH);
      String caseId = (String) execution.getVariable(Var.CASE_ID);
      // Those the rung just decided on: the decision is evaluated once per rung.
      for (String user : people.escalationUsers(caseId, decided.escalateTo())) {
        notices.send(new Notice(user, UUID.fromString(caseId), Notice.Kind.ESCALATION, title, due));
      }
      watches.raised(caseId, Watch.of((String) execution.getVariable(Var.MILESTONE)), rung);
    };
  }

  /**
   * Task_ListOpenStepsAtEnd: week 104 has passed. Nothing still open is dropped silently: the counsellor hears what
   * is open (the steps stay on the case until the counsellor closes them with Task_CloseOpenStepsAtEnd).
   */
  @Bean
  JavaDelegate listOpenStepsAtEnd(CaseRegistry registry, JourneyWatches watches, JourneyPeople people,
      Notices notices, MessageSource messages) {
    return execution -> {
      UUID caseId = caseId(execution);
      registry.markDeadlineMet(caseId, Milestone.END_OF_WAGE_PAYMENT);
      List<String> open = watches.openStepNamesAtEnd(execution.getProcessBusinessKey());
      if (open.isEmpty()) {
        return;
      }
      String title = messages.getMessage("journey.watch.openAtEnd", new Object[] {String.join(", ", open)}, DUTCH);
      for (String user : people.escalationUsers(caseId.toString(), "COUNSELLOR")) {
        notices.send(new Notice(user, caseId, Notice.Kind.OPEN_AT_END, title, null));
      }
    };
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
