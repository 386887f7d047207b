package nl.bluevitaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import nl.bluevitaal.support.ApplicationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Today" for a form's date is the application's today: Amsterdam's date, on the clock that travels in time. */
@ApplicationTest
class ValidationClockTest {

  record Form(@PastOrPresent LocalDate datum) {
  }

  @Autowired
  Validator validator;
  @Autowired
  Clock clock;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void todayInAmsterdamIsNotTheFutureWhileUtcIsStillAtYesterday() {
    // 23:30 UTC on 6 December is 00:30 on 7 December in Amsterdam.
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2031, 12, 6, 23, 30, 0, 0, ZoneOffset.UTC).toInstant()));

    assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2031, 12, 7));
    assertThat(validator.validate(new Form(LocalDate.of(2031, 12, 7)))).isEmpty();
    assertThat(validator.validate(new Form(LocalDate.of(2031, 12, 8)))).singleElement()
        .satisfies(violation -> assertThat(violation.getPropertyPath().toString()).isEqualTo("datum"));
  }
}
