package nl.bluevitaal.poortwachter.web;

import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.poortwachter.InvalidTimelineException;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The deadline calculator: what-if timelines for any set of sick periods, without touching a case. */
@RestController
@RequestMapping("/api/poortwachter")
class TimelineController {

  private final DeadlineEngine engine;

  TimelineController(DeadlineEngine engine) {
    this.engine = engine;
  }

  @PostMapping("/timeline")
  TimelineResponse timeline(@RequestBody TimelineRequest request) {
    try {
      return TimelineResponse.from(engine.timeline(request.input()));
    } catch (InvalidTimelineException ex) {
      // The engine knows no HTTP; its field paths already match this request body.
      throw new FieldErrorsException(ex.fieldErrors());
    }
  }
}
