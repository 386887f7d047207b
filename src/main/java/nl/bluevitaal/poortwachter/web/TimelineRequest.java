package nl.bluevitaal.poortwachter.web;

import java.time.LocalDate;
import java.util.List;
import nl.bluevitaal.poortwachter.SickPeriod;

/**
 * Body of {@code POST /api/poortwachter/timeline}. Deliberately unvalidated here: the engine owns the rules and
 * names each offending field with the same paths as this body.
 */
record TimelineRequest(List<Period> periods, Integer voluntaryExtensionWeeks, Integer wageSanctionWeeks) {

  TimelineRequest {
    voluntaryExtensionWeeks = voluntaryExtensionWeeks == null ? 0 : voluntaryExtensionWeeks;
    wageSanctionWeeks = wageSanctionWeeks == null ? 0 : wageSanctionWeeks;
  }

  record Period(LocalDate sickFrom, LocalDate recoveredOn) {}

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
