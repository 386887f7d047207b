package nl.bluevitaal.poortwachter.web;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.poortwachter.Timeline;

/**
 * Answer of {@code POST /api/poortwachter/timeline}. Every milestone key is always present; {@code null} means the
 * case closed before reaching it, which a client must be able to tell apart from a missing field.
 */
@JsonInclude(Include.ALWAYS)
record TimelineResponse(LocalDate caseStart, boolean sameCase, int gapDays,
    @JsonInclude(value = Include.ALWAYS, content = Include.ALWAYS) Map<String, LocalDate> deadlines,
    int uwvNotificationDaysLate) {

  static TimelineResponse from(Timeline timeline) {
    Map<String, LocalDate> deadlines = new LinkedHashMap<>();
    for (Milestone milestone : Milestone.values()) {
      deadlines.put(milestone.key(), timeline.deadline(milestone).orElse(null));
    }
    return new TimelineResponse(timeline.caseStart(), timeline.sameCase(), timeline.gapDays(), deadlines,
        timeline.uwvNotificationDaysLate());
  }
}
