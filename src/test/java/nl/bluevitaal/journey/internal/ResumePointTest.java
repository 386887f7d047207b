package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.poortwachter.Milestone;
import org.junit.jupiter.api.Test;

class ResumePointTest {

  @Test
  void resumesAtTheFirstStepNotDone() {
    assertThat(ResumePoint.of(Phase.INTAKE, EnumSet.noneOf(Milestone.class), null)).isEqualTo("INTAKE");
    assertThat(ResumePoint.of(Phase.PROBLEM_ANALYSIS, EnumSet.noneOf(Milestone.class), null))
        .isEqualTo("PROBLEM_ANALYSIS");
    assertThat(ResumePoint.of(Phase.PLAN_OF_ACTION, EnumSet.of(Milestone.PROBLEM_ANALYSIS), null))
        .isEqualTo("PLAN_OF_ACTION");
    assertThat(ResumePoint.of(Phase.SPOOR_1, EnumSet.of(Milestone.PROBLEM_ANALYSIS, Milestone.PLAN_OF_ACTION), null))
        .isEqualTo("UWV_NOTIFICATION");
    EnumSet<Milestone> firstYear = EnumSet.of(Milestone.PROBLEM_ANALYSIS, Milestone.PLAN_OF_ACTION,
        Milestone.UWV_NOTIFICATION);
    assertThat(ResumePoint.of(Phase.SPOOR_1, firstYear, null)).isEqualTo("FIRST_YEAR_EVALUATION");
    firstYear.add(Milestone.FIRST_YEAR_EVALUATION);
    assertThat(ResumePoint.of(Phase.FIRST_YEAR_EVALUATION, firstYear, "SPOOR_2")).isEqualTo("SPOOR_2");
    assertThat(ResumePoint.of(Phase.SPOOR_2, firstYear, "SPOOR_2")).isEqualTo("FINAL_EVALUATION");
    assertThat(ResumePoint.of(Phase.SPOOR_1, firstYear, "SPOOR_1")).isEqualTo("FINAL_EVALUATION");
    assertThat(ResumePoint.of(Phase.FINAL_EVALUATION, firstYear, "SPOOR_2")).isEqualTo("FINAL_EVALUATION");
    firstYear.add(Milestone.FINAL_EVALUATION);
    assertThat(ResumePoint.of(Phase.FINAL_EVALUATION, firstYear, "SPOOR_2")).isEqualTo("WIA_APPLICATION");
    firstYear.add(Milestone.WIA_APPLICATION);
    assertThat(ResumePoint.of(Phase.WIA_APPLICATION, firstYear, "SPOOR_1")).isEqualTo("END_OF_WAGE_PAYMENT");
  }
}
