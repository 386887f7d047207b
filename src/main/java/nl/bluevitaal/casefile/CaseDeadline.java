package nl.bluevitaal.casefile;

import java.time.LocalDate;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/**
 * One legal deadline of a case: due date from the deadline engine, and whether it was met or missed. For the 42-week
 * notification, {@code daysLate} is how many days after the first day past the deadline UWV received it (0 when on
 * time or not yet recorded): the final evaluation, the WIA application and the end of wage payment moved by as many.
 */
public record CaseDeadline(Milestone milestone, @Nullable LocalDate dueOn, @Nullable LocalDate metOn, boolean overdue,
    int daysLate) {

  public CaseDeadline(Milestone milestone, @Nullable LocalDate dueOn, @Nullable LocalDate metOn, boolean overdue) {
    this(milestone, dueOn, metOn, overdue, 0);
  }

  /** Where a deadline stands on a day, as every page shows it. */
  public enum State { MET, NONE, OVERDUE, DUE }

  public boolean isOpen() {
    return metOn == null && dueOn != null;
  }

  /** Met, not reached by this case, missed (or past its day), or still to come. */
  public State state(LocalDate today) {
    if (metOn != null) {
      return State.MET;
    }
    if (dueOn == null) {
      return State.NONE;
    }
    return overdue || dueOn.isBefore(today) ? State.OVERDUE : State.DUE;
  }
}
