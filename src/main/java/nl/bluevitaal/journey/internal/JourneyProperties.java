package nl.bluevitaal.journey.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the journey plans and watches its steps, {@code bluevitaal.journey.*}, defaults from the law and the care unit's
 * practice (docs/legal-spine.md). The legal deadlines themselves are the deadline engine's
 * ({@code bluevitaal.poortwachter.*}); these are the lead times before them and the windows the law leaves open.
 *
 * @param warningDays the two warnings ahead of every watched deadline, in days before it (first, then second)
 * @param analysisReviewDays the problem analysis is due this many days before week 6, so the employee can read and
 *     correct it and it is still released by week 6
 * @param planWithinDaysOfAnalysis the plan of action is due within this many days of the released analysis (and
 *     never after week 8)
 * @param planSigningDays the draft plan is due this many days before the plan, so both can sign in time
 * @param evaluationIntervalDays the longest time between two evaluations
 * @param intensiveEvaluationIntervalDays the evaluation step's due date under intensive guidance
 * @param spoor2WindowDays spoor 2 starts within this many days of the first-year evaluation
 * @param firstYearEvaluationOpensWeek the week whose first day opens the first-year evaluation
 * @param finalStageOpensWeek the week whose first day opens the final stage (current opinion, final evaluation)
 * @param doctorAdviceDaysBeforeFirstYearEvaluation the doctor's advice is due this many days before the first-year
 *     evaluation
 * @param currentOpinionDaysBeforeFinalEvaluation the current opinion is due this many days before the final evaluation
 * @param reintegrationReportDaysBeforeWiaApplication the parts of the RIV are due this many days before the WIA
 *     application, so the employee can file it in time
 * @param earlyIvaUntilWeek the last week in which the employee may apply for early IVA
 * @param recoveryReportDays the recovery report to UWV is due this many days after full recovery
 * @param careLeadUsers the care unit's lead(s), who take the rung {@code CARE_LEAD} of the escalation ladder; empty:
 *     the counsellors' group takes it
 */
@ConfigurationProperties("bluevitaal.journey")
@Validated
public record JourneyProperties(
    @DefaultValue({"14", "3"}) @NotNull @Size(min = 2, max = 2) List<@Min(1) @Max(90) Integer> warningDays,
    @DefaultValue("7") @Min(0) @Max(35) int analysisReviewDays,
    @DefaultValue("14") @Min(1) @Max(56) int planWithinDaysOfAnalysis,
    @DefaultValue("5") @Min(0) @Max(13) int planSigningDays,
    @DefaultValue("42") @Min(7) @Max(84) int evaluationIntervalDays,
    @DefaultValue("21") @Min(7) @Max(84) int intensiveEvaluationIntervalDays,
    @DefaultValue("42") @Min(7) @Max(182) int spoor2WindowDays,
    @DefaultValue("46") @Min(1) @Max(156) int firstYearEvaluationOpensWeek,
    @DefaultValue("88") @Min(1) @Max(156) int finalStageOpensWeek,
    @DefaultValue("7") @Min(0) @Max(42) int doctorAdviceDaysBeforeFirstYearEvaluation,
    @DefaultValue("14") @Min(0) @Max(42) int currentOpinionDaysBeforeFinalEvaluation,
    @DefaultValue("7") @Min(0) @Max(42) int reintegrationReportDaysBeforeWiaApplication,
    @DefaultValue("68") @Min(1) @Max(156) int earlyIvaUntilWeek,
    @DefaultValue("2") @Min(1) @Max(28) int recoveryReportDays,
    @DefaultValue({}) List<String> careLeadUsers) {

  /** The first warning comes before the second, or the second would never be the later reminder. */
  @AssertTrue(message = "warning-days: the first warning must come more days before the deadline than the second")
  public boolean isWarningOrder() {
    return warningDays == null || warningDays.size() != 2 || warningDays.get(0) > warningDays.get(1);
  }
}
