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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The day UWV received the 42-week notification, and pregnancy and birth leave between sick periods. */
class LateNotificationAndLeaveTest {

  private final DeadlineEngine engine = new DeadlineEngine(DeadlineWeeks.DEFAULTS);

  /** Sick from Monday 5 January 2026: the 42-week notification is due on Sunday 25 October 2026. */
  private static final List<SickPeriod> SICK_SINCE_5_JANUARY = List.of(SickPeriod.openFrom(parse("2026-01-05")));

  private static SickPeriod closed(String sickFrom, String recoveredOn) {
    return new SickPeriod(parse(sickFrom), parse(recoveredOn));
  }

  private static SickPeriod open(String sickFrom) {
    return SickPeriod.openFrom(parse(sickFrom));
  }

  private static Leave leave(String from, String to) {
    return new Leave(from == null ? null : parse(from), to == null ? null : parse(to));
  }

  @Nested
  class LateNotification {

    @ParameterizedTest(name = "received {0} with {1} weeks voluntary extension: {2} days late")
    @CsvSource(nullValues = "-", value = {
        // received,  extension, late, final evaluation, WIA application, end of wage payment
        "-,           0, 0,  2027-10-03, 2027-10-17, 2028-01-02",
        "2026-10-01,  0, 0,  2027-10-03, 2027-10-17, 2028-01-02",
        "2026-10-25,  0, 0,  2027-10-03, 2027-10-17, 2028-01-02",
        "2026-10-26,  0, 0,  2027-10-03, 2027-10-17, 2028-01-02",
        "2026-10-27,  0, 1,  2027-10-04, 2027-10-18, 2028-01-03",
        "2026-11-05,  4, 10, 2027-11-10, 2027-11-24, 2028-02-09",
    })
    void movesTheLastThreeDeadlinesByTheDaysLate(LocalDate receivedOn, int extensionWeeks, int daysLate,
        LocalDate finalEvaluation, LocalDate wiaApplication, LocalDate endOfWagePayment) {
      Timeline timeline = engine.timeline(TimelineInput.of(SICK_SINCE_5_JANUARY)
          .withExtensions(extensionWeeks, 0).withUwvNotifiedOn(receivedOn));

      assertThat(timeline.uwvNotificationDaysLate()).isEqualTo(daysLate);
      assertThat(timeline.deadlines()).containsExactly(
          Map.entry(PROBLEM_ANALYSIS, parse("2026-02-15")),
          Map.entry(PLAN_OF_ACTION, parse("2026-03-01")),
          Map.entry(UWV_NOTIFICATION, parse("2026-10-25")),
          Map.entry(FIRST_YEAR_EVALUATION, parse("2027-01-03")),
          Map.entry(FINAL_EVALUATION, finalEvaluation),
          Map.entry(WIA_APPLICATION, wiaApplication),
          Map.entry(END_OF_WAGE_PAYMENT, endOfWagePayment));
    }

    @Test
    void addsToAWageSanctionOnlyAtTheEnd() {
      Timeline timeline = engine.timeline(TimelineInput.of(SICK_SINCE_5_JANUARY)
          .withExtensions(0, 2).withUwvNotifiedOn(parse("2026-10-29")));

      assertThat(timeline.uwvNotificationDaysLate()).isEqualTo(3);
      assertThat(timeline.deadline(WIA_APPLICATION)).contains(parse("2027-10-20"));
      assertThat(timeline.deadline(END_OF_WAGE_PAYMENT)).contains(parse("2028-01-02").plusWeeks(2).plusDays(3));
    }

    @Test
    void isCountedFromTheDeadlineARelapseMoved() {
      // The worked example's relapse moves the notification to 2026-11-12; the 13th is still on time.
      List<SickPeriod> periods = List.of(closed("2026-01-05", "2026-03-02"), open("2026-03-20"));

      assertThat(engine.timeline(TimelineInput.of(periods).withUwvNotifiedOn(parse("2026-11-13")))
          .uwvNotificationDaysLate()).isZero();
      assertThat(engine.timeline(TimelineInput.of(periods).withUwvNotifiedOn(parse("2026-11-14")))
          .uwvNotificationDaysLate()).isEqualTo(1);
    }

    @Test
    void isNeverLateForACaseThatClosedBeforeTheDeadline() {
      Timeline timeline = engine.timeline(TimelineInput.of(List.of(closed("2026-01-05", "2026-03-02")))
          .withUwvNotifiedOn(parse("2027-01-01")));

      assertThat(timeline.uwvNotificationDaysLate()).isZero();
      assertThat(timeline.deadline(UWV_NOTIFICATION)).isEmpty();
    }

    @Test
    void leavesTheThreeArgumentTimelineAsItWas() {
      assertThat(engine.timeline(SICK_SINCE_5_JANUARY, 0, 0))
          .isEqualTo(engine.timeline(TimelineInput.of(SICK_SINCE_5_JANUARY)));
    }
  }

  @Nested
  class PregnancyAndBirthLeave {

    /** Sick 56 days, then 16 weeks of leave (112 days), then sick again from the day after the leave. */
    private final List<SickPeriod> aroundSixteenWeeksOfLeave =
        List.of(closed("2026-01-05", "2026-03-02"), open("2026-06-22"));

    @Test
    void joinsThePeriodsDirectlyBeforeAndAfterItWhateverItsLength() {
      Timeline timeline = engine.timeline(TimelineInput.of(aroundSixteenWeeksOfLeave)
          .withLeaves(List.of(leave("2026-03-02", "2026-06-21"))));

      assertThat(timeline.caseStart()).isEqualTo("2026-01-05");
      assertThat(timeline.sameCase()).isTrue();
      assertThat(timeline.gapDays()).isEqualTo(112);
      // Days 1..56 before the leave; day 57 is 2026-06-22, so day 294 falls 237 days later.
      assertThat(timeline.deadlines()).containsExactly(
          Map.entry(PROBLEM_ANALYSIS, parse("2026-02-15")),
          Map.entry(PLAN_OF_ACTION, parse("2026-03-01")),
          Map.entry(UWV_NOTIFICATION, parse("2027-02-14")),
          Map.entry(FIRST_YEAR_EVALUATION, parse("2027-04-25")),
          Map.entry(FINAL_EVALUATION, parse("2028-01-23")),
          Map.entry(WIA_APPLICATION, parse("2028-02-06")),
          Map.entry(END_OF_WAGE_PAYMENT, parse("2028-04-23")));
      assertThat(engine.progress(aroundSixteenWeeksOfLeave, List.of(leave("2026-03-02", "2026-06-21")),
          parse("2026-06-28")).daysSick()).isEqualTo(56 + 7);
    }

    @ParameterizedTest(name = "{0}: a new case from {2}")
    @CsvSource({
        "no leave recorded,                          ,           ,           2026-06-22",
        "sick again two days after the leave,        2026-03-02, 2026-06-20, 2026-06-22",
        "leave starts a day after recovery,          2026-03-03, 2026-06-21, 2026-06-22",
    })
    void joinsNothingItDoesNotTouchOnBothSides(String description, LocalDate from, LocalDate to,
        LocalDate caseStart) {
      List<Leave> leaves = from == null ? List.of() : List.of(new Leave(from, to));

      Timeline timeline = engine.timeline(TimelineInput.of(aroundSixteenWeeksOfLeave).withLeaves(leaves));

      assertThat(timeline.caseStart()).isEqualTo(caseStart);
      assertThat(timeline.sameCase()).isFalse();
      assertThat(timeline.gapDays()).isZero();
    }

    @Test
    void changesNothingForAShortGapThatJoinsAnyway() {
      List<SickPeriod> periods = List.of(closed("2026-01-05", "2026-03-02"), open("2026-03-20"));

      assertThat(engine.timeline(TimelineInput.of(periods).withLeaves(List.of(leave("2026-03-02", "2026-03-19")))))
          .isEqualTo(engine.timeline(TimelineInput.of(periods)));
    }

    @Test
    void movesTheNotificationDeadlineThatLatenessIsCountedFrom() {
      Timeline timeline = engine.timeline(TimelineInput.of(aroundSixteenWeeksOfLeave)
          .withLeaves(List.of(leave("2026-03-02", "2026-06-21"))).withUwvNotifiedOn(parse("2027-02-17")));

      assertThat(timeline.uwvNotificationDaysLate()).isEqualTo(2);
      assertThat(timeline.deadline(END_OF_WAGE_PAYMENT)).contains(parse("2028-04-25"));
    }
  }

  @Nested
  class Validation {

    static Stream<Arguments> invalidInput() {
      List<SickPeriod> aroundLeave = List.of(closed("2026-01-05", "2026-03-02"), open("2026-06-22"));
      return Stream.of(
          Arguments.of("a leave inside the sick period before it", aroundLeave,
              List.of(leave("2026-03-01", "2026-06-21")), null, "leaves[0].from", "may not overlap a sick period"),
          Arguments.of("a leave into the sick period after it", aroundLeave,
              List.of(leave("2026-03-02", "2026-06-22")), null, "leaves[0].to", "may not overlap a sick period"),
          Arguments.of("a leave during an open period", SICK_SINCE_5_JANUARY,
              List.of(leave("2026-02-01", "2026-02-10")), null, "leaves[0].from", "periods[0]"),
          Arguments.of("a leave around a whole period", List.of(open("2026-03-10")),
              List.of(leave("2026-03-01", "2026-06-21")), null, "leaves[0].to", "periods[0]"),
          Arguments.of("an end before the start", aroundLeave,
              List.of(leave("2026-03-02", "2026-03-01")), null, "leaves[0].to", "before its first day"),
          Arguments.of("no first day", aroundLeave, List.of(leave(null, "2026-06-21")), null,
              "leaves[0].from", "required"),
          Arguments.of("no last day", aroundLeave, List.of(leave("2026-03-02", null)), null,
              "leaves[0].to", "required"),
          Arguments.of("an empty entry", aroundLeave, Arrays.asList((Leave) null), null, "leaves[0]", "required"),
          Arguments.of("two leaves overlapping", aroundLeave,
              List.of(leave("2026-03-02", "2026-06-21"), leave("2026-06-21", "2026-06-21")), null,
              "leaves[1].from", "overlaps leaves[0]"),
          Arguments.of("a notification before the first sick day", SICK_SINCE_5_JANUARY, List.of(),
              parse("2026-01-04"), "uwvNotifiedOn", "before the first sick day of the case (2026-01-05)"),
          Arguments.of("a notification before the case that holds the last period",
              List.of(closed("2026-01-05", "2026-02-02"), open("2026-04-01")), List.of(),
              parse("2026-03-31"), "uwvNotifiedOn", "(2026-04-01)"));
    }

    @ParameterizedTest(name = "{0} is refused on {4}")
    @MethodSource("invalidInput")
    void namesTheField(String description, List<SickPeriod> periods, List<Leave> leaves, LocalDate notifiedOn,
        String field, String message) {
      TimelineInput input = TimelineInput.of(periods).withLeaves(leaves).withUwvNotifiedOn(notifiedOn);

      assertThatThrownBy(() -> engine.timeline(input))
          .isInstanceOfSatisfying(InvalidTimelineException.class, ex -> assertThat(ex.fieldErrors())
              .containsOnlyKeys(field)
              .hasEntrySatisfying(field, text -> assertThat(text).contains(message)));
    }

    @Test
    void acceptsANotificationOnTheFirstSickDayAndALeaveBeforeTheCase() {
      Timeline timeline = engine.timeline(TimelineInput.of(SICK_SINCE_5_JANUARY)
          .withUwvNotifiedOn(parse("2026-01-05")).withLeaves(List.of(leave("2025-06-01", "2025-09-20"))));

      assertThat(timeline.caseStart()).isEqualTo("2026-01-05");
      assertThat(timeline.uwvNotificationDaysLate()).isZero();
    }
  }
}
