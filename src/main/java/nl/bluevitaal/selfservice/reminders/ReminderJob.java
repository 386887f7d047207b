package nl.bluevitaal.selfservice.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.Notices;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.reminders.internal.ReminderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders employees chose, once a day ({@code bluevitaal.reminders.cron}, default 08:00): on their
 * check-in day, a reminder unless they checked in this week already; and for every step that waits for them, one
 * notice (with its due date). A reminder is a notice of kind {@code REMINDER} in the app that leads to the page where
 * they act, mailed only with their consent (the notices decide that). Every node runs the job: a notice is stored once
 * (its key), so a second node or a second run on the same day sends nothing new. One employee per transaction, so one
 * failure skips only that one.
 */
@Component
public class ReminderJob {

  /** Where the check-in reminder leads. */
  static final String CHECK_IN_PAGE = "/mijn-traject/check-in";
  /** Where a waiting step's reminder leads: the step's own page on Mijn traject. */
  static final String STEP_PAGE = "/mijn-traject/stap/";

  private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private final ReminderRepository repository;
  private final CaseRegistry registry;
  private final CheckIns checkIns;
  private final JourneyTasks tasks;
  private final Notices notices;
  private final MessageSource messages;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReminderJob(ReminderRepository repository, CaseRegistry registry, CheckIns checkIns, JourneyTasks tasks,
      Notices notices, MessageSource messages, PlatformTransactionManager transactionManager, Clock clock) {
    this.repository = repository;
    this.registry = registry;
    this.checkIns = checkIns;
    this.tasks = tasks;
    this.notices = notices;
    this.messages = messages;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Scheduled(cron = "${bluevitaal.reminders.cron:0 0 8 * * *}")
  void daily() {
    log.info("Reminders: {} sent", remindNow());
  }

  /** Sends today's reminders now; returns how many notices were new (the rest had been sent before). */
  public int remindNow() {
    LocalDate today = LocalDate.now(clock);
    int sent = 0;
    for (String userId : repository.checkInOn(today.getDayOfWeek())) {
      sent += each(userId, caseId -> checkInReminder(userId, caseId, today));
    }
    for (String userId : repository.waitingSteps()) {
      sent += each(userId, caseId -> stepReminders(userId, caseId));
    }
    return sent;
  }

  private int checkInReminder(String userId, UUID caseId, LocalDate today) {
    if (checkIns.doneThisWeek(caseId)) {
      return 0;
    }
    String title = messages.getMessage("reminders.notice.check-in", null, DUTCH);
    return notices.send(new Notice(userId, caseId, Notice.Kind.REMINDER, title, today, CHECK_IN_PAGE)) ? 1 : 0;
  }

  private int stepReminders(String userId, UUID caseId) {
    List<OpenStep> waiting = tasks.openStepsFor(userId, List.of()).getOrDefault(caseId, List.of()).stream()
        .filter(step -> step.isFor(userId, List.of()))
        .toList();
    int sent = 0;
    for (OpenStep step : waiting) {
      String title = messages.getMessage("reminders.notice.step", new Object[] {step.name()}, DUTCH);
      LocalDate due = step.due() == null ? null : LocalDate.ofInstant(step.due(), clock.getZone());
      if (notices.send(new Notice(userId, caseId, Notice.Kind.REMINDER, title, due, STEP_PAGE + step.taskId()))) {
        sent++;
      }
    }
    return sent;
  }

  /** Runs one employee's reminders in a transaction of its own, for their open case only. */
  private int each(String userId, ToIntFunction<UUID> reminders) {
    try {
      Integer sent = transaction.execute(tx -> openCase(userId).map(reminders::applyAsInt).orElse(0));
      return sent == null ? 0 : sent;
    } catch (RuntimeException e) {
      // Another node stored the same notice at the same moment, or the case changed under us: tomorrow's run or the
      // other node has it.
      log.debug("Reminders for {} skipped: {}", userId, e.toString());
      return 0;
    }
  }

  private Optional<UUID> openCase(String userId) {
    return registry.currentCaseOf(userId)
        .filter(caseId -> registry.get(caseId).status() != CaseStatus.CLOSED);
  }
}
