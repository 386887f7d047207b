package nl.bluevitaal.poortwachter.web;

import java.time.LocalDate;
import java.util.List;
import nl.bluevitaal.poortwachter.Leave;
import nl.bluevitaal.poortwachter.SickPeriod;
import nl.bluevitaal.poortwachter.TimelineInput;

/**
 * Body of {@code POST /api/poortwachter/timeline}. Deliberately unvalidated here: the engine owns the rules and
 * names each offending field with the same paths as this body.
 */
record TimelineRequest(List<Period> periods, Integer voluntaryExtensionWeeks, Integer wageSanctionWeeks,
    LocalDate uwvNotifiedOn, List<LeavePeriod> leaves) {

  TimelineRequest {
    voluntaryExtensionWeeks = voluntaryExtensionWeeks == null ? 0 : voluntaryExtensionWeeks;
    wageSanctionWeeks = wageSanctionWeeks == null ? 0 : wageSanctionWeeks;
  }

  record Period(LocalDate sickFrom, LocalDate recoveredOn) {}

  /** Pregnancy and birth leave; {@code to} is its last day. */
  record LeavePeriod(LocalDate from, LocalDate to) {}

  /** The engine's input; like the periods, null leave entries stay so the engine names them by position. */
  TimelineInput input() {
    List<Leave> leaveList = leaves == null ? null
        : leaves.stream().map(leave -> leave == null ? null : new Leave(leave.from(), leave.to())).toList();
    return TimelineInput.of(sickPeriods()).withExtensions(voluntaryExtensionWeeks, wageSanctionWeeks)
        .withUwvNotifiedOn(uwvNotifiedOn).withLeaves(leaveList);
  }

  /** Keeps null entries, so the engine can report {@code periods[i]} by its position in the body. */
  List<SickPeriod> sickPeriods() {
    if (periods == null) {
      return null;
    }
    return periods.stream()
        .map(period -> period == null ? null : new SickPeriod(period.sickFrom(), period.recoveredOn()))
        .toList();
  }
}
