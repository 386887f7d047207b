package nl.bluevitaal.selfservice.checkin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.journey.CheckInTriage;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.selfservice.checkin.internal.CheckInRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's check-ins (domain E): submitting one, triaged by the process owner's table, and reading them back.
 * Every read and write asks the access policy: the employee reads and writes their own; the company doctor and a care
 * professional read while the employee shares them with care; nobody else. Only the triage level leaves domain E,
 * as the journey's variable, never the answers, the score or the note.
 */
@Service
public class CheckIns {

  /** A device's clock may run a little ahead; more than this is not a time the check-in was filled in. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** About ten years of weekly check-ins: the history shows them all. */
  private static final int HISTORY_LIMIT = 520;

  /**
   * What a submit did: the check-in (the one stored before when it was sent again) and how many other check-ins the
   * employee did this week before it.
   */
  public record Submitted(CheckIn checkIn, boolean alreadyReceived, int earlierThisWeek) {
  }

  private final Instruments instruments;
  private final CheckInRepository repository;
  private final CheckInTriage triage;
  private final AccessPolicy policy;
  private final CheckInProperties properties;
  private final Clock clock;

  CheckIns(Instruments instruments, CheckInRepository repository, CheckInTriage triage, AccessPolicy policy,
      CheckInProperties properties, Clock clock) {
    this.instruments = instruments;
    this.repository = repository;
    this.triage = triage;
    this.policy = policy;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Stores and triages the check-in, and sets the level on the case's journey. Sent again with the same client id,
   * it answers the stored one and changes nothing.
   *
   * @throws InstrumentNotUsableException when its instrument may not be used
   * @throws InvalidCheckInException when an answer is missing or not on the scale, or its time is out of limits
   */
  @Transactional
  public Submitted submit(Actor actor, UUID caseId, NewCheckIn submitted) {
    Instrument instrument = submitted.instrument() == null || submitted.instrument().isBlank()
        ? instruments.standard() : instruments.usable(submitted.instrument());
    CaseParties parties = policy.check(actor, caseId, Domain.SELF_REPORTS, Access.WRITE, "check-in");
    Optional<CheckIn> before = repository.byClientId(caseId, submitted.clientId());
    if (before.isPresent()) {
      return new Submitted(before.get(), true, 0);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime takenAt = validate(instrument, submitted, now);
    int raw = submitted.answers().stream().mapToInt(Integer::intValue).sum();
    int percentage = instrument.percentage(raw);
    CheckInTriage.Outcome outcome = triage.triage(instrument.key(), percentage);
    CheckIn checkIn = new CheckIn(UUID.randomUUID(), submitted.clientId(), caseId, instrument.key(),
        submitted.answers(), raw, percentage, blankToNull(submitted.note()), outcome.level(), outcome.reason(),
        takenAt, now);
    int earlier = repository.countSince(caseId, startOfWeek(takenAt));
    if (!repository.insertIfAbsent(checkIn, parties.employeeUserId())) {
      return new Submitted(repository.byClientId(caseId, submitted.clientId()).orElseThrow(), true, 0);
    }
    triage.recordOutcome(caseId, outcome.level());
    return new Submitted(checkIn, false, earlier);
  }

  /** The case's check-ins, newest first. */
  public List<CheckIn> history(Actor actor, UUID caseId) {
    policy.check(actor, caseId, Domain.SELF_REPORTS, Access.READ, "check-ins");
    return repository.ofCase(caseId, HISTORY_LIMIT);
  }

  /** One check-in of the case; one that is not there answers like a case the caller may not see. */
  public CheckIn get(Actor actor, UUID caseId, UUID checkInId) {
    CaseParties parties = policy.check(actor, caseId, Domain.SELF_REPORTS, Access.READ, "check-in");
    return repository.byId(caseId, checkInId).orElseThrow(() -> policy.hidden(actor, parties,
        "check-in " + checkInId));
  }

  /** The latest check-in of this week, if any: the form says a second one is fine, but says so. */
  public Optional<CheckIn> thisWeek(Actor actor, UUID caseId) {
    policy.check(actor, caseId, Domain.SELF_REPORTS, Access.READ, "check-ins of this week");
    OffsetDateTime since = startOfWeek(OffsetDateTime.now(clock));
    return repository.ofCase(caseId, 1).stream().filter(c -> !c.takenAt().isBefore(since)).findFirst();
  }

  /**
   * Whether the actor may read the case's check-ins (no audit): to offer the way to them, never to show their
   * content.
   */
  public boolean mayRead(Actor actor, CaseParties parties) {
    return policy.permits(actor, parties, Domain.SELF_REPORTS, Access.READ);
  }

  /**
   * Whether the employee did a check-in this week, and nothing more: for a reader the employee allowed this one fact
   * outside the matrix (the home front, while the employee chose it; the caller has checked that choice and the
   * reader's own access). Only yes or no leaves domain E; the read is in the employee's "who looked".
   */
  public boolean doneThisWeek(Actor reader, CaseParties parties) {
    policy.recordSharedRead(reader, parties, Domain.SELF_REPORTS, "check-in done this week (yes/no)");
    return doneThisWeek(parties.caseId());
  }

  /** The latest check-in, if any, for the summary on Mijn traject. */
  public Optional<CheckIn> latest(Actor actor, UUID caseId) {
    policy.check(actor, caseId, Domain.SELF_REPORTS, Access.READ, "latest check-in");
    return repository.ofCase(caseId, 1).stream().findFirst();
  }

  /**
   * Whether the case has a check-in this week (since Monday): the yes or no behind the employee's own reminder, asked
   * by the reminder job on their behalf. No answer, score or note leaves domain E, and no person reads it.
   */
  @Transactional(readOnly = true)
  public boolean doneThisWeek(UUID caseId) {
    return repository.countSince(caseId, startOfWeek(OffsetDateTime.now(clock))) > 0;
  }

  public CheckInProperties.Help help() {
    return properties.help();
  }

  /**
   * What is wrong with the answers and the note of a check-in (field to message key), without storing it: a page
   * whose form failed on another field shows these beside their questions too.
   */
  public Map<String, String> problems(NewCheckIn submitted) {
    Instrument instrument = submitted.instrument() == null || submitted.instrument().isBlank()
        ? instruments.standard() : instruments.usable(submitted.instrument());
    return answerProblems(instrument, submitted);
  }

  private OffsetDateTime validate(Instrument instrument, NewCheckIn submitted, OffsetDateTime now) {
    Map<String, String> errors = answerProblems(instrument, submitted);
    OffsetDateTime takenAt = submitted.takenAt() == null ? now : submitted.takenAt();
    if (takenAt.isAfter(now.plus(CLOCK_SKEW))) {
      errors.put("takenAt", "checkin.error.moment-in-future");
    } else if (takenAt.isBefore(now.minus(properties.offlineLimit()))) {
      errors.put("takenAt", "checkin.error.moment-too-old");
    }
    if (!errors.isEmpty()) {
      throw new InvalidCheckInException(errors);
    }
    return takenAt;
  }

  private static Map<String, String> answerProblems(Instrument instrument, NewCheckIn submitted) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<Integer> answers = submitted.answers();
    for (int i = 0; i < instrument.items().size(); i++) {
      Integer answer = i < answers.size() ? answers.get(i) : null;
      if (answer == null) {
        errors.put("answers[" + i + "]", "checkin.error.answer-required");
      } else if (!instrument.onScale(answer)) {
        errors.put("answers[" + i + "]", "checkin.error.answer-not-on-scale");
      }
    }
    if (answers.size() > instrument.items().size()) {
      errors.put("answers", "checkin.error.too-many-answers");
    }
    if (submitted.note() != null && submitted.note().length() > NewCheckIn.MAX_NOTE) {
      errors.put("note", "checkin.error.note-too-long");
    }
    return errors;
  }

  private OffsetDateTime startOfWeek(OffsetDateTime at) {
    return at.atZoneSameInstant(clock.getZone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
