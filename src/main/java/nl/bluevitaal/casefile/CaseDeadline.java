package nl.bluevitaal.casefile;

import java.time.LocalDate;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/** One legal deadline of a case: due date from the deadline engine, and whether it was met or missed. */
public record CaseDeadline(Milestone milestone, @Nullable LocalDate dueOn, @Nullable LocalDate metOn, boolean overdue) {

  public boolean isOpen() {
    return metOn == null && dueOn != null;
  }
}
