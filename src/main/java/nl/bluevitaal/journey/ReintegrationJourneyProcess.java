package nl.bluevitaal.journey;

/**
 * Names of {@code processes/ReintegrationJourney.bpmn}, {@code processes/MilestoneWatch.bpmn} and the decisions in
 * {@code decisions/}: one name from diagram to code and tests.
 */
public final class ReintegrationJourneyProcess {

  public static final String PROCESS_KEY = "ReintegrationJourney";
  /** Watches one deadline of a case: warnings ahead, the escalation ladder after. Same business key as the case. */
  public static final String WATCH_PROCESS_KEY = "MilestoneWatch";

  /** Decisions. */
  public static final String DECISION_INTAKE_ROUTING = "IntakeRouting";
  public static final String DECISION_FIRST_YEAR_NEXT_STEP = "FirstYearNextStep";
  public static final String DECISION_ESCALATION_LADDER = "EscalationLadder";
  /** The employee's check-in: evaluated outside the process (see {@link CheckInTriage}). */
  public static final String DECISION_CHECK_IN_TRIAGE = "CheckInTriage";

  /** Messages, correlated by business key (= case id). */
  public static final String MESSAGE_FULL_RECOVERY = "Message_FullRecovery";
  /** The employee reports sick again: while still sick it asks for an updated analysis, in the watch it resumes. */
  public static final String MESSAGE_RELAPSE = "Message_Relapse";
  public static final String MESSAGE_PARTIAL_RECOVERY = "Message_PartialRecovery";
  /** Employer or employee asks UWV for an expert opinion (deskundigenoordeel). */
  public static final String MESSAGE_EXPERT_OPINION_REQUESTED = "Message_ExpertOpinionRequested";
  /** The employee asks for a second opinion by another company doctor. */
  public static final String MESSAGE_SECOND_OPINION_REQUESTED = "Message_SecondOpinionRequested";
  /** The employee applies for early full-disability benefit (vervroegde IVA). */
  public static final String MESSAGE_EARLY_IVA_REQUESTED = "Message_EarlyIvaRequested";
  /** To a watch: its deadline was met (correlated on the watch's {@link Var#MILESTONE}). */
  public static final String MESSAGE_DEADLINE_MET = "Message_DeadlineMet";
  /** To a watch: its deadline moved; it arms itself anew. */
  public static final String MESSAGE_DEADLINE_MOVED = "Message_DeadlineMoved";

  /** Process variables: ids, gateway and decision inputs and outputs only. */
  public static final class Var {
    public static final String CASE_ID = "caseId";
    /** The deadline a watch keeps: a {@code Watch} name (the legal milestones, evaluations, spoor-2 start, ...). */
    public static final String MILESTONE = "milestone";
    // escalation ladder (decision inputs, then outputs)
    public static final String ESCALATION_RUNG = "escalationRung";
    public static final String ESCALATE_TO = "escalateTo";
    public static final String DAYS_TO_NEXT_RUNG = "daysToNextRung";
    // outcomes of the steps at any time
    public static final String EXPERT_OPINION_ASKS_CHANGE = "expertOpinionAsksChange";
    public static final String EARLY_IVA_GRANTED = "earlyIvaGranted";
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
    // a wish for contact (ContactWishProcess): its id, and whom it is for (COUNSELLOR or DOCTOR), never its text
    public static final String CONTACT_WISH_ID = "contactWishId";
    public static final String CONTACT_WITH = "contactWith";
    // the latest check-in's triage (outputs of the check-in decision; only the level is set on the journey)
    public static final String CHECK_IN_TRIAGE = "checkInTriage";
    public static final String CHECK_IN_TRIAGE_REASON = "checkInTriageReason";

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

  /**
   * Inputs of {@value #DECISION_CHECK_IN_TRIAGE}: the instrument and the score of a check-in, domain E. Never process
   * variables: the decision is evaluated outside the process, so they stay out of the engine's runtime and history.
   */
  public static final class CheckInInput {
    public static final String INSTRUMENT = "checkInInstrument";
    public static final String SCORE_PCT = "checkInScorePct";

    private CheckInInput() {
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
    public static final String TASK_DOCTOR_FIRST_YEAR_ADVICE = "Task_DoctorFirstYearAdvice";
    public static final String TASK_FIRST_YEAR_EVALUATION = "Task_FirstYearEvaluation";
    public static final String TASK_DECIDE_NEXT_TRACK = "Task_DecideNextTrack";
    public static final String TASK_START_SPOOR_2 = "Task_StartSpoor2";
    public static final String TASK_DISCUSS_EARLY_IVA = "Task_DiscussEarlyIva";
    public static final String TIMER_FINAL_STAGE = "TimerEvent_FinalStageOpens";
    public static final String SUBPROCESS_FINAL_EVALUATION = "SubProcess_FinalEvaluation";
    public static final String TASK_CURRENT_OPINION = "Task_CurrentOpinion";
    public static final String TASK_FINAL_EVALUATION = "Task_FinalEvaluation";
    public static final String TASK_COMPILE_REINTEGRATION_REPORT = "Task_CompileReintegrationReport";
    public static final String TASK_WRITE_EMPLOYEE_VIEW = "Task_WriteEmployeeView";
    public static final String TASK_GIVE_MEDICAL_INFORMATION = "Task_GiveMedicalInformation";
    public static final String TASK_WIA_APPLICATION = "Task_WiaApplication";
    public static final String TASK_REPORT_TO_COMPANY_DOCTOR = "Task_ReportToCompanyDoctor";
    public static final String TASK_REPORT_RECOVERY_TO_UWV = "Task_ReportRecoveryToUwv";
    public static final String TASK_REQUEST_EXPERT_OPINION = "Task_RequestExpertOpinion";
    public static final String TASK_RECORD_EXPERT_OPINION = "Task_RecordExpertOpinion";
    public static final String TASK_ACT_ON_EXPERT_OPINION = "Task_ActOnExpertOpinion";
    public static final String TASK_ARRANGE_SECOND_OPINION = "Task_ArrangeSecondOpinion";
    public static final String TASK_DISCUSS_SECOND_OPINION = "Task_DiscussSecondOpinion";
    public static final String TASK_EARLY_IVA_STATEMENT = "Task_EarlyIvaStatement";
    public static final String TASK_APPLY_EARLY_IVA = "Task_ApplyEarlyIva";
    public static final String TASK_RECORD_EARLY_IVA_DECISION = "Task_RecordEarlyIvaDecision";
    public static final String TASK_CLOSE_OPEN_STEPS_AT_END = "Task_CloseOpenStepsAtEnd";
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
    // MilestoneWatch
    public static final String TASK_MARK_DEADLINE_OVERDUE = "Task_MarkDeadlineOverdue";
    public static final String TASK_HANDLE_OVERDUE_DEADLINE = "Task_HandleOverdueDeadline";

    private Element() {
    }
  }

  private ReintegrationJourneyProcess() {
  }
}
