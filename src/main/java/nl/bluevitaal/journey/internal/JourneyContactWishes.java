package nl.bluevitaal.journey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the model {@code ContactWish} asks about its wish: when the call is due, when it is late, and one rung up the
 * decision {@code EscalationLadder} (watched deadline {@code CONTACT_WISH}) when it is. Public because the model calls
 * it through expressions.
 */
@Component("contactWishes")
public class JourneyContactWishes {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

  private final JdbcClient jdbc;
  private final JourneyWatches watches;
  private final JourneyPeople people;
  private final Notices notices;
  private final MessageSource messages;
  private final Clock clock;

  JourneyContactWishes(JdbcClient jdbc, JourneyWatches watches, JourneyPeople people, Notices notices,
      MessageSource messages, Clock clock) {
    this.jdbc = jdbc;
    this.watches = watches;
    this.people = people;
    this.notices = notices;
    this.messages = messages;
    this.clock = clock;
  }

  /** The step's due date: the end of the day the wish is due. */
  public Date dueAt(String contactWishId) {
    return Date.from(dueOn(contactWishId).plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1));
  }

  /** The moment the wish is late: the start of the day after it was due. */
  public Date overdueAt(String contactWishId) {
    return Date.from(dueOn(contactWishId).plusDays(1).atStartOfDay(clock.getZone()).toInstant());
  }

  /**
   * Task_DecideContactEscalation: one rung up the ladder. Its outputs become plain variables for the escalation step,
   * and whom the rung names hears of it at once. The notice names the case, never the wish or its words.
   */
  public void escalate(DelegateExecution execution) {
    Integer previous = (Integer) execution.getVariable(Var.ESCALATION_RUNG);
    int rung = (previous == null ? 0 : previous) + 1;
    JourneyWatches.Rung decided = watches.rungOf(ContactWishProcess.LADDER_MILESTONE, rung);
    execution.setVariable(Var.ESCALATION_RUNG, rung);
    execution.setVariable(Var.ESCALATE_TO, decided.escalateTo());
    execution.setVariable(Var.DAYS_TO_NEXT_RUNG, decided.daysToNextRung());
    String caseId = (String) execution.getVariable(Var.CASE_ID);
    LocalDate due = dueOn((String) execution.getVariable(Var.CONTACT_WISH_ID));
    String title = messages.getMessage("journey.contact.escalation", new Object[] {DAY.format(due)}, DUTCH);
    for (String user : people.escalationUsers(caseId, decided.escalateTo())) {
      notices.send(new Notice(user, UUID.fromString(caseId), Notice.Kind.ESCALATION, title, due));
    }
  }

  private LocalDate dueOn(String contactWishId) {
    return jdbc.sql("select due_on from contact_wish where id = :id").param("id", UUID.fromString(contactWishId))
        .query(LocalDate.class).single();
  }
}
