package nl.bluevitaal.poortwachter;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deadline weeks, e.g. {@code bluevitaal.poortwachter.problem-analysis=6}. Validated at startup so a typo
 * stops the application instead of silently moving legal deadlines.
 */
@ConfigurationProperties("bluevitaal.poortwachter")
@Validated
public record PoortwachterProperties(
    @DefaultValue("6") @Min(1) @Max(MAX_WEEK) int problemAnalysis,
    @DefaultValue("8") @Min(1) @Max(MAX_WEEK) int planOfAction,
    @DefaultValue("42") @Min(1) @Max(MAX_WEEK) int uwvNotification,
    @DefaultValue("52") @Min(1) @Max(MAX_WEEK) int firstYearEvaluation,
    @DefaultValue("91") @Min(1) @Max(MAX_WEEK) int finalEvaluation,
    @DefaultValue("93") @Min(1) @Max(MAX_WEEK) int wiaApplication,
    @DefaultValue("104") @Min(1) @Max(MAX_WEEK) int endOfWagePayment) {

  /** Three years: room for a longer framework than the Civil Code's two, not for a typo like 1040. */
  static final int MAX_WEEK = 156;

  /** Each step follows the previous one; the process and the pages rely on that order. */
  @AssertTrue(message = "the weeks must rise strictly in the legal order: problem-analysis < plan-of-action"
      + " < uwv-notification < first-year-evaluation < final-evaluation < wia-application < end-of-wage-payment")
  public boolean isInLegalOrder() {
    return problemAnalysis < planOfAction
        && planOfAction < uwvNotification
        && uwvNotification < firstYearEvaluation
        && firstYearEvaluation < finalEvaluation
        && finalEvaluation < wiaApplication
        && wiaApplication < endOfWagePayment;
  }

  public DeadlineWeeks toDeadlineWeeks() {
    return new DeadlineWeeks(problemAnalysis, planOfAction, uwvNotification, firstYearEvaluation, finalEvaluation,
        wiaApplication, endOfWagePayment);
  }
}
