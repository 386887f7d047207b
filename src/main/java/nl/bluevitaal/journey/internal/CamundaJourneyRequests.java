package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests start the journey's event subprocesses by message, on the case's journey only. Who may ask: the employee
 * for all three; the counsellor for an expert opinion (the employer may ask too) and, on the employee's behalf, a
 * second opinion. Early IVA is the employee's own application, open until the configured week.
 */
@Component
class CamundaJourneyRequests implements JourneyRequests {

  private final RuntimeService runtimeService;
  private final AccessPolicy policy;
  private final CaseRegistry registry;
  private final DeadlineEngine engine;
  private final JourneyProperties properties;
  private final Clock clock;

  CamundaJourneyRequests(RuntimeService runtimeService, AccessPolicy policy, CaseRegistry registry,
      DeadlineEngine engine, JourneyProperties properties, Clock clock) {
    this.runtimeService = runtimeService;
    this.policy = policy;
    this.registry = registry;
    this.engine = engine;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Set<Request> openTo(Actor actor, UUID caseId) {
    CaseParties parties = policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, "journey requests");
    Set<Request> open = EnumSet.noneOf(Request.class);
    if (registry.get(caseId).status() != CaseStatus.OPEN) {
      return open;
    }
    Journey journey = journey(caseId);
    for (Request request : Request.values()) {
      if (allowed(actor, parties, request) && obstacle(caseId, request, journey) == null) {
        open.add(request);
      }
    }
    return open;
  }

  @Override
  @Transactional
  public void request(Actor actor, UUID caseId, Request request) {
    String what = "request " + request;
    CaseParties parties = policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, what);
    if (!allowed(actor, parties, request)) {
      throw policy.refusal(actor, parties, Domain.ADMINISTRATIVE, Access.WRITE, what);
    }
    if (registry.get(caseId).status() != CaseStatus.OPEN) {
      throw new InvalidStateException("The case is not open: nothing can be requested in it.");
    }
    String obstacle = obstacle(caseId, request, journey(caseId));
    if (obstacle != null) {
      throw new InvalidStateException(obstacle);
    }
    runtimeService.createMessageCorrelation(message(request)).processInstanceBusinessKey(caseId.toString())
        .correlateAllWithResult();
    policy.recordAction(actor, parties, Domain.ADMINISTRATIVE, what);
  }

  private boolean allowed(Actor actor, CaseParties parties, Request request) {
    EnumSet<CaseRelation> relations = policy.relations(actor, parties);
    boolean employee = relations.contains(CaseRelation.EMPLOYEE);
    boolean counsellor = relations.contains(CaseRelation.COUNSELLOR);
    return switch (request) {
      case EXPERT_OPINION, SECOND_OPINION -> employee || counsellor;
      case EARLY_IVA -> employee;
    };
  }

  /** Why the journey of the case does not take this request now; null when it does. */
  private String obstacle(UUID caseId, Request request, Journey journey) {
    if (journey == null) {
      return "The journey of this case does not take requests now.";
    }
    if (request == Request.EARLY_IVA) {
      if (engine.progress(registry.sickPeriods(caseId), LocalDate.now(clock)).week() > properties.earlyIvaUntilWeek()) {
        return "Early IVA can be requested until week " + properties.earlyIvaUntilWeek()
            + " of the absence; this case is past it.";
      }
      if (!journey.doctorExpectsDurableFullIncapacity()) {
        return "Early IVA is applied for with the company doctor's statement that durable full incapacity is "
            + "expected; the doctor has not given it in this case.";
      }
    }
    if (journey.runs(subprocess(request))) {
      return "A request of this kind (" + request + ") is still being handled in this case.";
    }
    if (!journey.listensFor(message(request))) {
      return "The journey of this case does not take this now (" + request + ").";
    }
    return null;
  }

  /**
   * What the requests ask of the case's journey, read once per call: what it runs, which messages it waits for, and
   * the doctor's own judgement on durable full incapacity (given in the doctor's step before the first-year
   * evaluation).
   */
  private record Journey(ActivityInstance tree, Set<String> messages, boolean doctorExpectsDurableFullIncapacity) {

    /** One request of a kind at a time: a second expert opinion waits until the first is handled. */
    boolean runs(String activityId) {
      return contains(tree, activityId);
    }

    boolean listensFor(String message) {
      return messages.contains(message);
    }

    private static boolean contains(ActivityInstance instance, String activityId) {
      if (instance == null) {
        return false;
      }
      if (activityId.equals(instance.getActivityId())) {
        return true;
      }
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        if (contains(child, activityId)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The case's journey as the requests see it; null when the case has no running journey. */
  private Journey journey(UUID caseId) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId.toString()).processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY)
        .singleResult();
    if (instance == null) {
      return null;
    }
    Set<String> messages = runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventType("message").list().stream().map(EventSubscription::getEventName).collect(Collectors.toSet());
    Object durable = runtimeService.getVariable(instance.getId(),
        ReintegrationJourneyProcess.Var.DURABLE_FULL_INCAPACITY_EXPECTED);
    return new Journey(runtimeService.getActivityInstance(instance.getId()), messages, Boolean.TRUE.equals(durable));
  }

  private static String subprocess(Request request) {
    return switch (request) {
      case EXPERT_OPINION -> "SubProcess_ExpertOpinion";
      case SECOND_OPINION -> "SubProcess_SecondOpinion";
      case EARLY_IVA -> "SubProcess_EarlyIva";
    };
  }

  private static String message(Request request) {
    return switch (request) {
      case EXPERT_OPINION -> ReintegrationJourneyProcess.MESSAGE_EXPERT_OPINION_REQUESTED;
      case SECOND_OPINION -> ReintegrationJourneyProcess.MESSAGE_SECOND_OPINION_REQUESTED;
      case EARLY_IVA -> ReintegrationJourneyProcess.MESSAGE_EARLY_IVA_REQUESTED;
    };
  }
}
