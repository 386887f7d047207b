package nl.bluevitaal.casefile;

import java.time.LocalDate;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/** One legal deadline of a case: due date from the deadline engine, and whether it was met or missed. */
public record CaseDeadline(Milestone milestone, @Nullable LocalDate dueOn, @Nullable LocalDate metOn, boolean overdue) {

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
