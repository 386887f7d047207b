package nl.bluevitaal.journey;

/**
 * Names of {@code processes/ReintegrationJourney.bpmn}, {@code processes/DeadlineEscalation.bpmn} and the decisions
 * in {@code decisions/}: one name from diagram to code and tests.
 */
public final class ReintegrationJourneyProcess {

  public static final String PROCESS_KEY = "ReintegrationJourney";
  public static final String ESCALATION_PROCESS_KEY = "DeadlineEscalation";

  /** Decisions. */
  public static final String DECISION_INTAKE_ROUTING = "IntakeRouting";
  public static final String DECISION_FIRST_YEAR_NEXT_STEP = "FirstYearNextStep";

  /** Messages, correlated by business key (= case id). */
  public static final String MESSAGE_FULL_RECOVERY = "Message_FullRecovery";
  /** The employee reports sick again: while still sick it asks for an updated analysis, in the watch it resumes. */
  public static final String MESSAGE_RELAPSE = "Message_Relapse";
  public static final String MESSAGE_PARTIAL_RECOVERY = "Message_PartialRecovery";

  /** Process variables: ids, gateway and decision inputs and outputs only. */
  public static final class Var {
    public static final String CASE_ID = "caseId";
    public static final String MILESTONE = "milestone";
    // intake routing (decision inputs, then outputs)
    public static final String WORK_CONFLICT = "workConflict";
    public static final String EXPECTED_ABSENCE_WEEKS = "expectedAbsenceWeeks";
    public static final String GUIDANCE_INTENSITY = "guidanceIntensity";
    public static final String OFFER_BUDDY = "offerBuddy";
    public static final String URGENT_DOCTOR_CONTACT = "urgentDoctorContact";
    // gateways
    public static final String CORRECTION_REQUESTED = "correctionRequested";
    public static final String PLAN_AGREED_BY_EMPLOYEE = "planAgreedByEmployee";
    public static final String PLAN_AGREED_BY_LINE_MANAGER = "planAgreedByLineManager";
    public static final String RESUME_AT = "resumeAt";
    // first-year decision (inputs, then output)
    public static final String RETURN_TO_OWN_WORK_REALISTIC = "returnToOwnWorkRealistic";
    public static final String DURABLE_FULL_INCAPACITY_EXPECTED = "durableFullIncapacityExpected";
    public static final String WORK_CAPACITY_PCT = "workCapacityPct";
    public static final String NEXT_TRACK = "nextTrack";

    private Var() {
    }
  }

  /** Values of {@link Var#NEXT_TRACK}, the output of {@value #DECISION_FIRST_YEAR_NEXT_STEP}. */
  public static final class Track {
    public static final String SPOOR_1 = "SPOOR_1";
    public static final String SPOOR_2 = "SPOOR_2";
    public static final String EARLY_IVA = "VERVROEGDE_IVA";

    private Track() {
    }
  }

  /** Values of {@link Var#GUIDANCE_INTENSITY}, an output of {@value #DECISION_INTAKE_ROUTING}. */
  public static final class Intensity {
    public static final String LIGHT = "LICHT";
    public static final String STANDARD = "STANDAARD";
    public static final String INTENSIVE = "INTENSIEF";

    private Intensity() {
    }
  }

  /** Element ids. */
  public static final class Element {
    public static final String START_SICK_REPORTED = "StartEvent_SickReported";
    public static final String SUBPROCESS_GUIDANCE = "SubProcess_Guidance";
    public static final String TASK_INTAKE = "Task_Intake";
    public static final String TASK_ROUTE_INTAKE = "Task_RouteIntake";
    public static final String TASK_URGENT_DOCTOR_CONTACT = "Task_UrgentDoctorContact";
    public static final String TASK_OFFER_BUDDY = "Task_OfferBuddy";
    public static final String SUBPROCESS_PROBLEM_ANALYSIS = "SubProcess_ProblemAnalysis";
    public static final String TASK_PROBLEM_ANALYSIS = "Task_ProblemAnalysis";
    public static final String TASK_REVIEW_PROBLEM_ANALYSIS = "Task_ReviewProblemAnalysis";
    public static final String TASK_RELEASE_PROBLEM_ANALYSIS = "Task_ReleaseProblemAnalysis";
    public static final String SUBPROCESS_PLAN_OF_ACTION = "SubProcess_PlanOfAction";
    public static final String TASK_DRAFT_PLAN_OF_ACTION = "Task_DraftPlanOfAction";
    public static final String TASK_AGREE_PLAN_EMPLOYEE = "Task_AgreePlanEmployee";
    public static final String TASK_AGREE_PLAN_LINE_MANAGER = "Task_AgreePlanLineManager";
    public static final String TASK_RECORD_PLAN_OF_ACTION = "Task_RecordPlanOfAction";
    public static final String TASK_UPDATE_ANALYSIS_AFTER_RELAPSE = "Task_UpdateAnalysisAfterRelapse";
    public static final String TASK_EVALUATION = "Task_Evaluation";
    public static final String TASK_UWV_NOTIFICATION = "Task_UwvNotification";
    public static final String TIMER_FIRST_YEAR_EVALUATION_WINDOW = "TimerEvent_FirstYearEvaluationWindow";
    public static final String TASK_FIRST_YEAR_EVALUATION = "Task_FirstYearEvaluation";
    public static final String TASK_DECIDE_NEXT_TRACK = "Task_DecideNextTrack";
    public static final String TASK_START_SPOOR_2 = "Task_StartSpoor2";
    public static final String TASK_PREPARE_EARLY_IVA = "Task_PrepareEarlyIvaApplication";
    public static final String TIMER_FINAL_STAGE = "TimerEvent_FinalStageOpens";
    public static final String SUBPROCESS_FINAL_EVALUATION = "SubProcess_FinalEvaluation";
    public static final String TASK_CURRENT_OPINION = "Task_CurrentOpinion";
    public static final String TASK_FINAL_EVALUATION = "Task_FinalEvaluation";
    public static final String TASK_WIA_APPLICATION = "Task_WiaApplication";
    public static final String TASK_UPDATE_ANALYSIS_WHILE_SICK = "Task_UpdateAnalysisWhileSick";
    public static final String TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY = "Task_AdjustPlanAfterPartialRecovery";
    public static final String BOUNDARY_FULL_RECOVERY = "BoundaryEvent_FullRecovery";
    public static final String EVENT_WAGE_PAYMENT_ENDS = "StartEvent_WagePaymentEnds";
    public static final String END_JOURNEY_ENDED = "EndEvent_JourneyEnded";
    public static final String TASK_START_RELAPSE_WATCH = "Task_StartRelapseWatch";
    public static final String EVENT_RELAPSE_REPORTED = "CatchEvent_RelapseReported";
    public static final String TIMER_RELAPSE_WATCH_ENDS = "TimerEvent_RelapseWatchEnds";
    public static final String TASK_CLOSE_AFTER_RECOVERY = "Task_CloseAfterRecovery";
    public static final String TASK_END_WAGE_PAYMENT = "Task_EndWagePayment";
    public static final String END_CLOSED_AFTER_RECOVERY = "EndEvent_ClosedAfterRecovery";
    public static final String END_WAGE_PAYMENT_ENDED = "EndEvent_WagePaymentEnded";
    // deadline timers (non-interrupting boundary events) and their escalations
    public static final String DEADLINE_PROBLEM_ANALYSIS = "BoundaryEvent_ProblemAnalysisDeadline";
    public static final String DEADLINE_PLAN_OF_ACTION = "BoundaryEvent_PlanOfActionDeadline";
    public static final String DEADLINE_UWV_NOTIFICATION = "BoundaryEvent_UwvNotificationDeadline";
    public static final String DEADLINE_FIRST_YEAR_EVALUATION = "BoundaryEvent_FirstYearEvaluationDeadline";
    public static final String DEADLINE_FINAL_EVALUATION = "BoundaryEvent_FinalEvaluationDeadline";
    public static final String DEADLINE_WIA_APPLICATION = "BoundaryEvent_WiaApplicationDeadline";
    // DeadlineEscalation
    public static final String TASK_MARK_DEADLINE_OVERDUE = "Task_MarkDeadlineOverdue";
    public static final String TASK_HANDLE_OVERDUE_DEADLINE = "Task_HandleOverdueDeadline";

    private Element() {
    }
  }

  private ReintegrationJourneyProcess() {
  }
}
