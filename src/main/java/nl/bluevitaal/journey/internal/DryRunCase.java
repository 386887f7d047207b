package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.poortwachter.SickPeriod;

/**
 * The one synthetic case of a dry-run path: its sick periods, phase and met deadlines, kept in memory. Its deadlines
 * come from the real deadline engine, so the draft's timers and due dates are planned from real legal dates; nothing
 * of it reaches the case file.
 */
final class DryRunCase {

  private final UUID id = UUID.randomUUID();
  private final DeadlineEngine engine;
  private final List<SickPeriod> periods = new ArrayList<>();
  private final Map<Milestone, LocalDate> met = new EnumMap<>(Milestone.class);
  private Phase phase = Phase.INTAKE;

  DryRunCase(DeadlineEngine engine, LocalDate firstSickDay) {
    this.engine = engine;
    periods.add(SickPeriod.openFrom(firstSickDay));
  }

  String id() {
    return id.toString();
  }

  LocalDate firstSickDay() {
    return periods.get(0).sickFrom();
  }

  List<SickPeriod> periods() {
    return List.copyOf(periods);
  }

  Phase phase() {
    return phase;
  }

  void enterPhase(Phase phase) {
    this.phase = phase;
  }

  /** The legal deadline, as the case file would date it: none once a closed case never reaches it. */
  Optional<LocalDate> dueDate(Milestone milestone) {
    return engine.timeline(periods, 0, 0).deadline(milestone);
  }

  Optional<LocalDate> metOn(Milestone milestone) {
    return Optional.ofNullable(met.get(milestone));
  }

  Map<Milestone, LocalDate> met() {
    return Map.copyOf(met);
  }

  void markMet(Milestone milestone, LocalDate on) {
    met.putIfAbsent(milestone, on);
  }

  boolean recovered() {
    return !periods.get(periods.size() - 1).isOpen();
  }

  void recover(LocalDate on) {
    SickPeriod last = periods.remove(periods.size() - 1);
    periods.add(new SickPeriod(last.sickFrom(), on));
  }

  /** A relapse within the window joins this case; its open deadlines move by the days recovered. */
  void relapse(LocalDate on) {
    periods.add(SickPeriod.openFrom(on));
  }

  LocalDate relapseWindowEnd() {
    return periods.get(periods.size() - 1).recoveredOn().plusDays(DeadlineEngine.RELAPSE_WINDOW_DAYS);
  }

  /** The dry run's own time: the application's clock (and the engine's ClockUtil) is never moved. */
  static final class DryRunClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    DryRunClock(ZoneId zone, Instant now) {
      this.zone = zone;
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new DryRunClock(zone, now);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
