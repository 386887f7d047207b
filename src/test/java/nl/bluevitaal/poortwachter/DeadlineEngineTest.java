package nl.bluevitaal.poortwachter;

import static java.time.LocalDate.parse;
import static nl.bluevitaal.poortwachter.Milestone.END_OF_WAGE_PAYMENT;
import static nl.bluevitaal.poortwachter.Milestone.FINAL_EVALUATION;
import static nl.bluevitaal.poortwachter.Milestone.FIRST_YEAR_EVALUATION;
import static nl.bluevitaal.poortwachter.Milestone.PLAN_OF_ACTION;
import static nl.bluevitaal.poortwachter.Milestone.PROBLEM_ANALYSIS;
import static nl.bluevitaal.poortwachter.Milestone.UWV_NOTIFICATION;
import static nl.bluevitaal.poortwachter.Milestone.WIA_APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DeadlineEngineTest {

  private final DeadlineEngine engine = new DeadlineEngine(DeadlineWeeks.DEFAULTS);

  private static SickPeriod closed(String sickFrom, String recoveredOn) {
    return new SickPeriod(parse(sickFrom), parse(recoveredOn));
  }

  private static SickPeriod open(String sickFrom) {
    return SickPeriod.openFrom(parse(sickFrom));
  }

  private Timeline timeline(SickPeriod... periods) {
    return engine.timeline(List.of(periods), 0, 0);
  }

  @Nested
  class OneOpenPeriod {

    @Test
    void countsEveryDeadlineFromTheFirstSickDay() {
      Timeline timeline = timeline(open("2026-01-05"));

      assertThat(timeline.caseStart()).isEqualTo("2026-01-05");
      assertThat(timeline.sameCase()).isFalse();
      assertThat(timeline.gapDays()).isZero();
      // Week N ends on day 7N: first sick day + 7N - 1 days.
      assertThat(timeline.deadlines()).containsExactly(
          Map.entry(PROBLEM_ANALYSIS, parse("2026-02-15")),
          Map.entry(PLAN_OF_ACTION, parse("2026-03-01")),
          Map.entry(UWV_NOTIFICATION, parse("2026-10-25")),
          Map.entry(FIRST_YEAR_EVALUATION, parse("2027-01-03")),
          Map.entry(FINAL_EVALUATION, parse("2027-10-03")),
          Map.entry(WIA_APPLICATION, parse("2027-10-17")),
          Map.entry(END_OF_WAGE_PAYMENT, parse("2028-01-02")));
    }

    @ParameterizedTest(name = "sick from {0}: problem analysis due {1}")
    @CsvSource({
        "2025-12-01, 2026-01-11",
        "2026-11-20, 2026-12-31",
        "2026-11-21, 2027-01-01",
        "2027-01-19, 2027-03-01",
        "2028-01-19, 2028-02-29",
        "2028-01-20, 2028-03-01",
    })
    void crossesYearEndsAndLeapDays(LocalDate sickFrom, LocalDate problemAnalysis) {
      assertThat(timeline(SickPeriod.openFrom(sickFrom)).deadline(PROBLEM_ANALYSIS)).contains(problemAnalysis);
    }

    @Test
    void countsTheLeapDayOfACaseThatStartsBeforeIt() {
      // 2027-12-20 + 727 days; without 29 Feb 2028 the end would fall on 2029-12-17.
      Timeline timeline = timeline(open("2027-12-20"));

      assertThat(timeline.deadlines()).containsExactly(
          Map.entry(PROBLEM_ANALYSIS, parse("2028-01-30")),
          Map.entry(PLAN_OF_ACTION, parse("2028-02-13")),
          Map.entry(UWV_NOTIFICATION, parse("2028-10-08")),
          Map.entry(FIRST_YEAR_EVALUATION, parse("2028-12-17")),
          Map.entry(FINAL_EVALUATION, parse("2029-09-16")),
          Map.entry(WIA_APPLICATION, parse("2029-09-30")),
          Map.entry(END_OF_WAGE_PAYMENT, parse("2029-12-16")));
    }

    @Test
    void partialWorkIsNoGapSoTheClockRunsOn() {
      // Someone back for half days from week 3 is still in the same open period: only full work closes it.
      Timeline partlyWorking = timeline(open("2026-01-05"));

      assertThat(partlyWorking.gapDays()).isZero();
      assertThat(partlyWorking.deadline(PLAN_OF_ACTION)).contains(parse("2026-03-01"));
      assertThat(partlyWorking.deadline(END_OF_WAGE_PAYMENT)).contains(parse("2028-01-02"));
    }

    @Test
    void usesTheConfiguredWeeks() {
      DeadlineEngine policeWeeks = new DeadlineEngine(new DeadlineWeeks(1, 2, 3, 4, 5, 6, 7));

      Timeline timeline = policeWeeks.timeline(List.of(open("2026-01-05")), 0, 0);

      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2026-01-11"));
      assertThat(timeline.deadline(END_OF_WAGE_PAYMENT)).contains(parse("2026-02-22"));
    }
  }

  @Nested
  class Relapses {

    @Test
    void workedExampleFromTheIssue() {
      Timeline timeline = timeline(closed("2026-01-05", "2026-03-02"), open("2026-03-20"));

      assertThat(timeline.caseStart()).isEqualTo("2026-01-05");
      assertThat(timeline.sameCase()).isTrue();
      // Recovered 2026-03-02 .. 2026-03-19.
      assertThat(timeline.gapDays()).isEqualTo(18);
      // Reached during the first period, before the gap: a deadline already passed does not move.
      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2026-02-15"));
      // Day 56 is the last sick day before recovery.
      assertThat(timeline.deadline(PLAN_OF_ACTION)).contains(parse("2026-03-01"));
      // The first period holds days 1..56 (2026-01-05 .. 2026-03-01); day 57 is 2026-03-20, so day 294 is
      // 2026-03-20 + 237 days = 2026-11-12, i.e. the gapless 2026-10-25 pushed by the 18 recovered days.
      assertThat(timeline.deadline(UWV_NOTIFICATION)).contains(parse("2026-11-12"));
      assertThat(timeline.deadline(FIRST_YEAR_EVALUATION)).contains(parse("2027-01-21"));
      assertThat(timeline.deadline(FINAL_EVALUATION)).contains(parse("2027-10-21"));
      assertThat(timeline.deadline(WIA_APPLICATION)).contains(parse("2027-11-04"));
      assertThat(timeline.deadline(END_OF_WAGE_PAYMENT)).contains(parse("2028-01-20"));
    }

    @ParameterizedTest(name = "sick again {0} days after full recovery: same case {1}")
    @CsvSource({
        // gap, sameCase, caseStart, problemAnalysis
        "0,  true,  2026-01-05, 2026-02-15",
        "1,  true,  2026-01-05, 2026-02-16",
        "27, true,  2026-01-05, 2026-03-14",
        "28, false, 2026-03-02, 2026-04-12",
        "60, false, 2026-04-03, 2026-05-14",
    })
    void joinsTheCaseOnlyWithinTwentyEightDays(int gap, boolean sameCase, LocalDate caseStart,
        LocalDate problemAnalysis) {
      // Four sick weeks, 2026-01-05 .. 2026-02-01; full work from 2026-02-02.
      LocalDate recoveredOn = parse("2026-02-02");
      Timeline timeline = timeline(new SickPeriod(parse("2026-01-05"), recoveredOn),
          SickPeriod.openFrom(recoveredOn.plusDays(gap)));

      assertThat(timeline.sameCase()).isEqualTo(sameCase);
      assertThat(timeline.caseStart()).isEqualTo(caseStart);
      assertThat(timeline.gapDays()).isEqualTo(sameCase ? gap : 0);
      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(problemAnalysis);
    }

    @Test
    void addsUpTheGapsOfSeveralRelapses() {
      Timeline timeline = timeline(
          closed("2026-01-05", "2026-01-19"),
          closed("2026-01-29", "2026-02-12"),
          open("2026-03-04"));

      assertThat(timeline.caseStart()).isEqualTo("2026-01-05");
      assertThat(timeline.sameCase()).isTrue();
      assertThat(timeline.gapDays()).isEqualTo(10 + 20);
      // 14 + 14 days in the first two periods; day 42 is the 14th day of the third.
      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2026-03-17"));
      assertThat(timeline.deadline(UWV_NOTIFICATION)).contains(parse("2026-10-25").plusDays(30));
    }

    @Test
    void describesOnlyTheCaseThatHoldsTheLastPeriod() {
      Timeline timeline = timeline(
          closed("2025-03-03", "2025-06-02"),
          closed("2025-09-01", "2025-09-15"),
          closed("2025-10-01", "2025-10-13"),
          open("2025-11-03"));

      // 2025-06-02 .. 2025-09-01 is a new case; the two relapses after it join that one.
      assertThat(timeline.caseStart()).isEqualTo("2025-09-01");
      assertThat(timeline.sameCase()).isTrue();
      assertThat(timeline.gapDays()).isEqualTo(16 + 21);
      // 14 + 12 counted days before 2025-11-03, which is day 27; day 42 falls 15 days later.
      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2025-11-18"));
    }

    @Test
    void countsAGapOverTheLeapDay() {
      Timeline timeline = timeline(closed("2028-02-14", "2028-02-21"), open("2028-03-10"));

      assertThat(timeline.gapDays()).isEqualTo(18);
      // 7 counted days, then day 8 on 2028-03-10: day 42 is 34 days later.
      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2028-04-13"));
    }

    @Test
    void acceptsASickReportOnTheDayOfRecovery() {
      Timeline timeline = timeline(closed("2026-01-05", "2026-01-20"), open("2026-01-20"));

      assertThat(timeline.sameCase()).isTrue();
      assertThat(timeline.gapDays()).isZero();
      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2026-02-15"));
    }
  }

  @Nested
  class Extensions {

    static Stream<Arguments> extensions() {
      return Stream.of(
          Arguments.of(0, 0, List.of()),
          Arguments.of(10, 0, List.of(FINAL_EVALUATION, WIA_APPLICATION, END_OF_WAGE_PAYMENT)),
          Arguments.of(0, 26, List.of(END_OF_WAGE_PAYMENT)),
          Arguments.of(52, 0, List.of(FINAL_EVALUATION, WIA_APPLICATION, END_OF_WAGE_PAYMENT)),
          Arguments.of(0, 52, List.of(END_OF_WAGE_PAYMENT)),
          Arguments.of(52, 52, List.of(FINAL_EVALUATION, WIA_APPLICATION, END_OF_WAGE_PAYMENT)));
    }

    @ParameterizedTest(name = "extension {0} weeks, wage sanction {1} weeks moves {2}")
    @MethodSource("extensions")
    void moveOnlyTheirMilestones(int voluntaryExtension, int wageSanction, List<Milestone> moved) {
      List<SickPeriod> periods = List.of(open("2026-01-05"));
      Timeline plain = engine.timeline(periods, 0, 0);

      Timeline extended = engine.timeline(periods, voluntaryExtension, wageSanction);

      for (Milestone milestone : Milestone.values()) {
        int weeks = !moved.contains(milestone) ? 0
            : milestone == END_OF_WAGE_PAYMENT ? voluntaryExtension + wageSanction
            : voluntaryExtension;
        assertThat(extended.deadline(milestone)).as(milestone.key())
            .contains(plain.deadline(milestone).orElseThrow().plusWeeks(weeks));
      }
    }

    @Test
    void countSickDaysSoARelapseGapMovesThemToo() {
      Timeline timeline = engine.timeline(List.of(closed("2026-01-05", "2026-03-02"), open("2026-03-20")), 10, 0);

      assertThat(timeline.deadline(END_OF_WAGE_PAYMENT)).contains(parse("2028-01-20").plusWeeks(10));
    }

    @ParameterizedTest(name = "extension {0}, sanction {1} is refused on {2}")
    @CsvSource({
        "53, 0,  voluntaryExtensionWeeks",
        "-1, 0,  voluntaryExtensionWeeks",
        "0,  53, wageSanctionWeeks",
        "0,  -1, wageSanctionWeeks",
    })
    void areLimitedToFiftyTwoWeeks(int voluntaryExtension, int wageSanction, String field) {
      assertThatThrownBy(() -> engine.timeline(List.of(open("2026-01-05")), voluntaryExtension, wageSanction))
          .isInstanceOfSatisfying(InvalidTimelineException.class, ex -> assertThat(ex.fieldErrors())
              .containsOnlyKeys(field)
              .hasEntrySatisfying(field, message -> assertThat(message).contains("between 0 and 52")));
    }
  }

  @Nested
  class ClosedCase {

    @ParameterizedTest(name = "full work from {0}: plan of action due {1}")
    @CsvSource(nullValues = "-", value = {
        // Day 56 is 2026-03-01: reached only if that day was still a sick day.
        "2026-03-01, -",
        "2026-03-02, 2026-03-01",
    })
    void keepsReachedDeadlinesAndDropsTheOthers(LocalDate recoveredOn, LocalDate planOfAction) {
      Timeline timeline = timeline(new SickPeriod(parse("2026-01-05"), recoveredOn));

      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2026-02-15"));
      assertThat(timeline.deadline(PLAN_OF_ACTION)).isEqualTo(Optional.ofNullable(planOfAction));
      assertThat(timeline.deadlines()).containsKeys(Milestone.values())
          .containsEntry(UWV_NOTIFICATION, null)
          .containsEntry(END_OF_WAGE_PAYMENT, null);
    }

    @Test
    void countsOnlySickDaysOfAllItsPeriods() {
      // 42 + 12 counted days, 14 recovered days between them: 56 is never reached.
      Timeline timeline = timeline(closed("2026-01-05", "2026-02-16"), closed("2026-03-02", "2026-03-14"));

      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2026-02-15"));
      assertThat(timeline.deadline(PLAN_OF_ACTION)).isEmpty();
    }

    @Test
    void dropsAnExtendedEndThatFallsAfterRecovery() {
      // Sick 2026-01-05 .. 2028-01-02 is exactly 104 weeks; ten more weeks were never reached.
      Timeline timeline = engine.timeline(List.of(closed("2026-01-05", "2028-01-03")), 0, 10);

      assertThat(timeline.deadline(WIA_APPLICATION)).contains(parse("2027-10-17"));
      assertThat(timeline.deadline(END_OF_WAGE_PAYMENT)).isEmpty();
    }
  }

  @Nested
  class DateOfCountedSickDay {

    @ParameterizedTest(name = "day {0} falls on {1}")
    @CsvSource(nullValues = "-", value = {
        "1,  2026-01-05",
        "7,  2026-01-11",
        "56, 2026-03-01",
        "57, 2026-03-20",
        "294, 2026-11-12",
    })
    void skipsTheRecoveredDays(int countedDay, LocalDate expected) {
      List<SickPeriod> periods = List.of(closed("2026-01-05", "2026-03-02"), open("2026-03-20"));

      assertThat(engine.dateOfCountedSickDay(periods, countedDay)).isEqualTo(expected);
    }

    @Test
    void isNullWhenTheCaseClosedFirst() {
      List<SickPeriod> periods = List.of(closed("2026-01-05", "2026-01-12"));

      assertThat(engine.dateOfCountedSickDay(periods, 7)).isEqualTo("2026-01-11");
      assertThat(engine.dateOfCountedSickDay(periods, 8)).isNull();
    }

    @Test
    void refusesDayZero() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> engine.dateOfCountedSickDay(List.of(open("2026-01-05")), 0));
    }

    @Test
    void validatesThePeriods() {
      assertThatThrownBy(() -> engine.dateOfCountedSickDay(List.of(), 1))
          .isInstanceOfSatisfying(InvalidTimelineException.class,
              ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("periods"));
    }
  }

  @Nested
  class Validation {

    static Stream<Arguments> invalidPeriods() {
      return Stream.of(
          Arguments.of("no periods", List.of(), "periods", "at least one"),
          Arguments.of("no list", null, "periods", "at least one"),
          Arguments.of("an empty entry", Arrays.asList(closed("2026-01-05", "2026-02-01"), null),
              "periods[1]", "required"),
          Arguments.of("no first sick day", List.of(new SickPeriod(null, null)),
              "periods[0].sickFrom", "required"),
          Arguments.of("recovery on the first sick day", List.of(closed("2026-01-05", "2026-01-05")),
              "periods[0].recoveredOn", "after the first sick day"),
          Arguments.of("recovery before the first sick day", List.of(closed("2026-01-05", "2026-01-04")),
              "periods[0].recoveredOn", "after the first sick day"),
          Arguments.of("not in date order", List.of(closed("2026-03-01", "2026-03-10"), open("2026-02-01")),
              "periods[1].sickFrom", "date order"),
          Arguments.of("overlapping", List.of(closed("2026-01-05", "2026-03-02"), open("2026-03-01")),
              "periods[1].sickFrom", "overlap"),
          Arguments.of("an open period before the last", List.of(open("2026-01-05"), open("2026-03-01")),
              "periods[0].recoveredOn", "only the last period may be open"));
    }

    @ParameterizedTest(name = "{0} is refused on {2}")
    @MethodSource("invalidPeriods")
    void namesTheField(String description, List<SickPeriod> periods, String field, String message) {
      assertThatThrownBy(() -> engine.timeline(periods, 0, 0))
          .isInstanceOfSatisfying(InvalidTimelineException.class, ex -> assertThat(ex.fieldErrors())
              .containsOnlyKeys(field)
              .hasEntrySatisfying(field, text -> assertThat(text).contains(message)));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
      List<SickPeriod> periods = new ArrayList<>();
      periods.add(open("2026-01-05"));
      periods.add(new SickPeriod(null, parse("2026-03-01")));

      assertThatThrownBy(() -> engine.timeline(periods, 60, -2))
          .isInstanceOfSatisfying(InvalidTimelineException.class, ex -> assertThat(ex.fieldErrors().keySet())
              .containsExactly("periods[0].recoveredOn", "periods[1].sickFrom", "voluntaryExtensionWeeks",
                  "wageSanctionWeeks"))
          .hasMessageContaining("periods[1].sickFrom");
    }
  }

  @Nested
  class ValueTypes {

    @Test
    void milestoneKeysAreTheJsonNames() {
      assertThat(Stream.of(Milestone.values()).map(Milestone::key)).containsExactly("problemAnalysis",
          "planOfAction", "uwvNotification", "firstYearEvaluation", "finalEvaluation", "wiaApplication",
          "endOfWagePayment");
    }

    @Test
    void deadlineWeeksAnswerPerMilestone() {
      assertThat(Stream.of(Milestone.values()).map(DeadlineWeeks.DEFAULTS::weeksFor))
          .containsExactly(6, 8, 42, 52, 91, 93, 104);
    }

    @Test
    void deadlineWeeksStartAtWeekOne() {
      assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineWeeks(0, 8, 42, 52, 91, 93, 104))
          .withMessageContaining("problemAnalysis");
    }

    @Test
    void timelineKeepsUnreachedDeadlinesAsEmptyAndCannotBeChanged() {
      Map<Milestone, LocalDate> deadlines = new EnumMap<>(Milestone.class);
      deadlines.put(PROBLEM_ANALYSIS, parse("2026-02-15"));
      deadlines.put(PLAN_OF_ACTION, null);
      Timeline timeline = new Timeline(parse("2026-01-05"), false, 0, deadlines);
      deadlines.put(PROBLEM_ANALYSIS, parse("2030-01-01"));

      assertThat(timeline.deadline(PROBLEM_ANALYSIS)).contains(parse("2026-02-15"));
      assertThat(timeline.deadline(PLAN_OF_ACTION)).isEmpty();
      assertThatThrownBy(() -> timeline.deadlines().put(UWV_NOTIFICATION, parse("2026-10-25")))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }
}
