package nl.bluevitaal.journey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CasePeople;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.journey.ContactWishAlreadyOpenException;
import nl.bluevitaal.journey.ContactWishNotSharedException;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.StepNoLongerOpenException;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingSettings;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ContactWishes} with the wish in its own table and its step in the model {@code ContactWish}: the engine holds
 * the wish's id and whom it is for, never the employee's words. Consent is the employee's: their standing sharing
 * choice (E with the counsellor, or E with care for the doctor) or their consent with this wish, recorded with it.
 */
@Service
@Transactional
@EnableConfigurationProperties(ContactWishProperties.class)
class CamundaContactWishes implements ContactWishes {

  private static final String SELECT = "select * from contact_wish";

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final SharingSettings sharing;
  private final CaseRegistry registry;
  private final ContactMoments moments;
  private final Accounts accounts;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ContactWishProperties properties;
  private final Clock clock;

  CamundaContactWishes(JdbcClient jdbc, AccessPolicy policy, SharingSettings sharing, CaseRegistry registry,
      ContactMoments moments, Accounts accounts, RuntimeService runtimeService, TaskService taskService,
      ContactWishProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.sharing = sharing;
    this.registry = registry;
    this.moments = moments;
    this.accounts = accounts;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Addressee> addressees(Actor employee, UUID caseId) {
    policy.checkOwnFile(employee, caseId, Access.READ, "contact wish form");
    CasePeople people = registry.people(caseId);
    Map<String, String> names = names(people.counsellorUserId(), people.companyDoctorUserId());
    List<Addressee> addressees = new ArrayList<>();
    for (With with : With.values()) {
      String user = addresseeOf(people, with);
      addressees.add(new Addressee(with, user, user == null ? null : names.get(user), sharedStanding(caseId, with)));
    }
    return addressees;
  }

  @Override
  @Transactional(readOnly = true)
  public List<ContactWish> mine(Actor employee, UUID caseId) {
    policy.checkOwnFile(employee, caseId, Access.READ, "contact wishes");
    return withNames(jdbc.sql(SELECT + " where case_id = :c order by asked_at desc, id").param("c", caseId)
        .query(CamundaContactWishes::row).list());
  }

  @Override
  public ContactWish ask(Actor employee, UUID caseId, Ask ask) {
    CaseParties parties = policy.checkOwnFile(employee, caseId, Access.WRITE, "contact wish");
    Consent consent;
    if (sharedStanding(caseId, ask.with())) {
      consent = Consent.STANDING;
    } else if (ask.shareThisWish()) {
      consent = Consent.THIS_WISH;
    } else {
      throw new ContactWishNotSharedException("The wish for contact is not shared with " + ask.with()
          + ": consent for this wish is needed");
    }
    // One open wish per person: a second ask finds the first (serialised per case by the case row's lock).
    jdbc.sql("select id from reintegration_case where id = :c for update").param("c", caseId).query().listOfRows();
    Optional<UUID> open = jdbc.sql("select id from contact_wish where case_id = :c and contact_with = :w"
        + " and contacted_at is null").param("c", caseId).param("w", ask.with().name()).query(UUID.class).optional();
    if (open.isPresent()) {
      throw new ContactWishAlreadyOpenException(open.get());
    }
    String addressee = addresseeOf(registry.people(caseId), ask.with());
    UUID id = UUID.randomUUID();
    LocalDate dueOn = dueOn(LocalDate.now(clock), ask.today());
    String note = ask.note() == null || ask.note().isBlank() ? null : ask.note().strip();
    jdbc.sql("""
            insert into contact_wish (id, case_id, employee_user_id, contact_with, addressee_user_id, reason,
                                      document_id, note, consent, asked_at, due_on)
            values (:id, :c, :e, :w, :a, :r, :d, :n, :consent, :at, :due)""")
        .param("id", id).param("c", caseId).param("e", employee.userId()).param("w", ask.with().name())
        .param("a", addressee).param("r", ask.reason().name()).param("d", ask.documentId()).param("n", note)
        .param("consent", consent.name()).param("at", OffsetDateTime.now(clock)).param("due", dueOn).update();
    String instance = runtimeService.startProcessInstanceByKey(ContactWishProcess.PROCESS_KEY, caseId.toString(),
        Variables.createVariables().putValue(Var.CASE_ID, caseId.toString())
            .putValue(Var.CONTACT_WISH_ID, id.toString()).putValue(Var.CONTACT_WITH, ask.with().name()))
        .getId();
    jdbc.sql("update contact_wish set process_instance_id = :p where id = :id").param("p", instance).param("id", id)
        .update();
    // The consent is the employee's act: it stays in their file's trail, without the wish's words.
    policy.recordAction(employee, parties, Domain.SELF_REPORTS, "contact wish for " + ask.with().name().toLowerCase()
        + " sent, shared by " + (consent == Consent.STANDING ? "sharing choice" : "consent for this wish"));
    return get(id);
  }

  @Override
  @Transactional
  public ContactWish forStep(Actor addressee, UUID caseId, String stepId) {
    CaseParties parties = policy.check(addressee, caseId, Domain.ADMINISTRATIVE, Access.READ, "contact wish");
    ContactWish wish = byStep(caseId, stepId).filter(w -> isAddressee(addressee, parties, w))
        .orElseThrow(() -> policy.hidden(addressee, parties, "contact wish of step " + stepId));
    policy.recordSharedRead(addressee, parties, Domain.SELF_REPORTS, "contact wish");
    return wish;
  }

  @Override
  public ContactWish close(Actor addressee, UUID caseId, String stepId, OffsetDateTime happenedAt,
      ContactMoment.Kind kind, String summary) {
    CaseParties parties = policy.check(addressee, caseId, Domain.ADMINISTRATIVE, Access.READ, "close contact wish");
    ContactWish wish = byStep(caseId, stepId).filter(w -> isAddressee(addressee, parties, w))
        .orElseThrow(() -> policy.hidden(addressee, parties, "contact wish of step " + stepId));
    if (!wish.isOpen() || wish.stepId() == null) {
      throw new StepNoLongerOpenException(stepId, null);
    }
    // Every closed wish has its contact moment: the counsellor's in the file they keep, the doctor's confidential.
    String text = summary == null || summary.isBlank() ? "Contact na contactverzoek van de medewerker." : summary;
    UUID momentId = (wish.with() == With.COUNSELLOR
        ? moments.add(addressee, caseId, happenedAt, kind, text, false)
        : moments.addAsCompanyDoctor(addressee, caseId, happenedAt, kind, text)).id();
    int updated = jdbc.sql("""
            update contact_wish set contacted_at = :at, closed_by = :by, contact_moment_id = :m
             where id = :id and contacted_at is null""")
        .param("at", happenedAt).param("by", addressee.userId()).param("m", momentId).param("id", wish.id())
        .update();
    if (updated == 0) {
      throw new StepNoLongerOpenException(stepId, null);
    }
    try {
      taskService.complete(stepId);
    } catch (OptimisticLockingException e) {
      throw new StepNoLongerOpenException(stepId, e);
    }
    policy.recordAction(addressee, parties, Domain.SELF_REPORTS, "contact wish closed after contact");
    return get(wish.id());
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, Integer> openCounts(Actor addressee) {
    Map<UUID, Integer> counts = new HashMap<>();
    jdbc.sql("select case_id, count(*) from contact_wish where addressee_user_id = :u and contacted_at is null"
        + " group by case_id").param("u", addressee.userId())
        .query(rs -> {
          counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
        });
    return counts;
  }

  /** The wish behind a step of its own process, open or done. */
  private Optional<ContactWish> byStep(UUID caseId, String stepId) {
    Task task = taskService.createTaskQuery().taskId(stepId).processInstanceBusinessKey(caseId.toString())
        .singleResult();
    String instance = task != null ? task.getProcessInstanceId() : jdbc.sql("""
            select proc_inst_id_ from act_hi_taskinst where id_ = :t""").param("t", stepId).query(String.class)
        .optional().orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    Optional<ContactWish> wish = jdbc.sql(SELECT + " where process_instance_id = :p and case_id = :c")
        .param("p", instance).param("c", caseId).query(CamundaContactWishes::row).optional();
    return wish.map(w -> withNames(List.of(w)).get(0)).map(w -> task != null && ContactWishProcess
        .TASK_CONTACT_EMPLOYEE.equals(task.getTaskDefinitionKey()) ? withStep(w, stepId) : withStep(w, null))
        .filter(w -> task != null || ContactWishProcess.TASK_CONTACT_EMPLOYEE.equals(historicStepKey(stepId)));
  }

  private String historicStepKey(String stepId) {
    return jdbc.sql("select task_def_key_ from act_hi_taskinst where id_ = :t").param("t", stepId)
        .query(String.class).optional().orElse(null);
  }

  /** Only the person the wish is for, while they still have that role in the case. */
  private boolean isAddressee(Actor actor, CaseParties parties, ContactWish wish) {
    if (!actor.userId().equals(wish.addresseeUserId())) {
      return false;
    }
    var relations = policy.relations(actor, parties);
    return wish.with() == With.COUNSELLOR ? relations.contains(CaseRelation.COUNSELLOR)
        : relations.contains(CaseRelation.COMPANY_DOCTOR);
  }

  private boolean sharedStanding(UUID caseId, With with) {
    return sharing.isShared(caseId, Domain.SELF_REPORTS, with == With.COUNSELLOR ? Audience.COUNSELLOR
        : Audience.CARE);
  }

  /**
   * The day the wish is due: the configured number of working days ahead (Monday to Friday), or today for a wish for
   * contact today; a wish made on a weekend is due on Monday (one working day from the weekend).
   */
  LocalDate dueOn(LocalDate today, boolean sameDay) {
    if (sameDay) {
      return today;
    }
    LocalDate day = today;
    int left = properties.workingDaysToCall();
    while (left > 0 || isWeekend(day)) {
      day = day.plusDays(1);
      if (!isWeekend(day)) {
        left--;
      }
    }
    return day;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private ContactWish get(UUID id) {
    ContactWish wish = jdbc.sql(SELECT + " where id = :id").param("id", id).query(CamundaContactWishes::row).single();
    return withNames(List.of(wish)).get(0);
  }

  /** Adds the addressees' names and, for an open wish, its open step. */
  private List<ContactWish> withNames(List<ContactWish> wishes) {
    Map<String, String> names = names(wishes.stream().map(ContactWish::addresseeUserId).toArray(String[]::new));
    List<ContactWish> named = new ArrayList<>();
    for (ContactWish w : wishes) {
      String step = null;
      if (w.isOpen()) {
        String instance = jdbc.sql("select process_instance_id from contact_wish where id = :id").param("id", w.id())
            .query(String.class).optional().orElse(null);
        step = instance == null ? null : jdbc.sql("select id_ from act_ru_task where proc_inst_id_ = :p"
            + " and task_def_key_ = :k").param("p", instance).param("k", ContactWishProcess.TASK_CONTACT_EMPLOYEE)
            .query(String.class).optional().orElse(null);
      }
      named.add(new ContactWish(w.id(), w.caseId(), w.with(), w.addresseeUserId(),
          w.addresseeUserId() == null ? null : names.get(w.addresseeUserId()), w.reason(), w.documentId(), w.note(),
          w.consent(), w.askedAt(), w.dueOn(), w.contactedAt(), w.closedBy(), step));
    }
    return named;
  }

  private static ContactWish withStep(ContactWish w, String stepId) {
    return new ContactWish(w.id(), w.caseId(), w.with(), w.addresseeUserId(), w.addresseeName(), w.reason(),
        w.documentId(), w.note(), w.consent(), w.askedAt(), w.dueOn(), w.contactedAt(), w.closedBy(), stepId);
  }

  private Map<String, String> names(String... userIds) {
    List<String> ids = java.util.Arrays.stream(userIds).filter(java.util.Objects::nonNull).distinct().toList();
    return ids.isEmpty() ? Map.of() : accounts.displayNames(ids);
  }

  private static String addresseeOf(CasePeople people, With with) {
    return with == With.COUNSELLOR ? people.counsellorUserId() : people.companyDoctorUserId();
  }

  private static ContactWish row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime asked = rs.getObject("asked_at", OffsetDateTime.class);
    return new ContactWish(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
        With.valueOf(rs.getString("contact_with")), rs.getString("addressee_user_id"), null,
        Reason.valueOf(rs.getString("reason")), rs.getObject("document_id", UUID.class), rs.getString("note"),
        Consent.valueOf(rs.getString("consent")), asked == null ? Instant.EPOCH : asked.toInstant(),
        rs.getObject("due_on", LocalDate.class), rs.getObject("contacted_at", OffsetDateTime.class),
        rs.getString("closed_by"), null);
  }
}
