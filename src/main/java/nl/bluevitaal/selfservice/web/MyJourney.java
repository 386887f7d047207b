package nl.bluevitaal.selfservice.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.journey.StepDocuments;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.selfservice.checkin.CheckInProperties;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Finds the employee's own case for "Mijn traject" and the home page. The registry only says which case is theirs;
 * everything shown is read through the access-checked services with the employee as actor.
 */
@Service
class MyJourney {

  /** What the home page shows an employee: their case and what waits for them ("Te doen"). */
  record Next(CaseView view, ToDo toDo) {
  }

  /**
   * One thing that waits for the employee: a step the journey asks of them ({@code step}, with the document it is
   * about when it has one), or a document under their review that no step of theirs is about ({@code step} null).
   */
  record ToDoItem(@Nullable MySteps.StepRow step, @Nullable UUID documentId) {

    /** Where the employee does it: the step's own page, or the document on Mijn traject. */
    public String href() {
      return step != null ? MyJourneyController.STEP_PATH + "/" + step.step().taskId()
          : MyJourneyController.PATH + "#doc-" + documentId;
    }
  }

  /**
   * What waits for the employee, the one source of the start page's count and Mijn traject's "Te doen": the steps
   * the journey's model asks of them, and the documents under their review (the employer side sees those only after
   * the employee releases them). A released co-signed document the model does not wait for (an evaluation) may be
   * signed, but nothing waits for that signature, so it is not here.
   */
  record ToDo(List<ToDoItem> items) {

    ToDo {
      items = List.copyOf(items);
    }

    public int count() {
      return items.size();
    }
  }

  /**
   * Someone of the case the employee can reach: name, role (message key suffix: counsellor, doctor, lineManager),
   * e-mail address when known, and whether they are reached by phone through the care unit ({@link #careUnit}).
   */
  record Person(String userId, @Nullable String name, String role, @Nullable String email, boolean viaCareUnit) {
  }

  /**
   * The care unit as the employee calls it: its name, number and hours, the same the red check-in's advice gives
   * (one source, the check-in's help configuration). Counsellors and company doctors have no work phone of their own
   * in BlueVitaal; they are reached through their unit. Null when no number is configured.
   */
  record CareUnit(String name, String phone, @Nullable String hours) {

    /** The number as a {@code tel:} address takes it. */
    public String dial() {
      return phone.replaceAll("[^0-9+]", "");
    }
  }

  private final CaseRegistry registry;
  private final Caseload caseload;
  private final MySteps steps;
  private final StepDocuments stepDocuments;
  private final CaseDocuments documents;
  private final Accounts accounts;
  private final CheckInProperties.Help help;
  private final Clock clock;

  MyJourney(CaseRegistry registry, Caseload caseload, MySteps steps, StepDocuments stepDocuments,
      CaseDocuments documents, Accounts accounts, CheckInProperties checkIn, Clock clock) {
    this.help = checkIn.help();
    this.registry = registry;
    this.caseload = caseload;
    this.steps = steps;
    this.stepDocuments = stepDocuments;
    this.documents = documents;
    this.accounts = accounts;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * An employee, or someone with an employee record of their own (a counsellor off sick acts as the employee in
   * their own case); everyone else gets the 403 page.
   */
  boolean mayOpen(Actor actor) {
    return actor.isIn(Groups.EMPLOYEE) || registry.employeeByUserId(actor.userId()).isPresent();
  }

  /** The actor's own case: the open one, else the most recent; empty when they have none. */
  Optional<UUID> ownCase(Actor actor) {
    return registry.currentCaseOf(actor.userId());
  }

  /** For the home page: the own case as the employee sees it and what waits for them; empty without a case. */
  Optional<Next> next(Actor actor) {
    Optional<UUID> id = ownCase(actor);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    CaseView view = caseload.detail(actor, id.get()).summary();
    return Optional.of(new Next(view, toDo(actor, view, documents.list(actor, view.id()))));
  }

  /** What waits for the employee in their case ({@link ToDo}), from the documents of the case they may see. */
  ToDo toDo(Actor actor, CaseView view, List<CaseDocument> visible) {
    List<ToDoItem> items = new ArrayList<>();
    Set<UUID> coveredByStep = new HashSet<>();
    for (MySteps.StepRow row : steps.steps(actor, view)) {
      UUID documentId = stepDocuments.state(actor, view.id(), row.step())
          .map(state -> state.progress().documentId()).orElse(null);
      if (documentId != null) {
        coveredByStep.add(documentId);
      }
      items.add(new ToDoItem(row, documentId));
    }
    visible.stream()
        .filter(d -> d.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW && !coveredByStep.contains(d.id()))
        .forEach(d -> items.add(new ToDoItem(null, d.id())));
    return new ToDo(items);
  }

  /** The open step of the employee's own case with this task id; empty when it is not (or no longer) theirs. */
  Optional<MySteps.StepRow> step(Actor actor, CaseView view, String taskId) {
    return steps.steps(actor, view).stream().filter(r -> r.step().taskId().equals(taskId)).findFirst();
  }

  /**
   * The counsellor, the company doctor and the line manager of the case by name and role, with their e-mail address
   * when known. Read after the case's domain A was read with the employee as actor: who is in which role is part of it.
   */
  List<Person> people(CaseView view) {
    Map<String, String> roles = new LinkedHashMap<>();
    if (view.counsellorUserId() != null) {
      roles.put(view.counsellorUserId(), "counsellor");
    }
    if (view.companyDoctorUserId() != null) {
      roles.putIfAbsent(view.companyDoctorUserId(), "doctor");
    }
    String lineManager = registry.people(view.id()).lineManagerUserId();
    if (lineManager != null) {
      roles.putIfAbsent(lineManager, "lineManager");
    }
    // Someone without an account is named by role alone, never by their login id.
    Map<String, String> names = accounts.displayNames(roles.keySet());
    boolean careUnit = careUnit() != null;
    return roles.entrySet().stream()
        .map(e -> new Person(e.getKey(), names.get(e.getKey()), e.getValue(),
            accounts.emailOf(e.getKey()).orElse(null), careUnit && !"lineManager".equals(e.getValue())))
        .toList();
  }

  /** The care unit to call, or null when no number is configured. */
  @Nullable
  CareUnit careUnit() {
    if (help.careUnitPhone() == null || help.careUnitPhone().isBlank()) {
      return null;
    }
    return new CareUnit(help.careUnit() == null ? "" : help.careUnit(), help.careUnitPhone(), help.careUnitHours());
  }

  /** Display names by user id; someone without an account keeps their id rather than disappearing. */
  Map<String, String> names(Stream<String> userIds) {
    List<String> ids = userIds.filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new LinkedHashMap<>(accounts.displayNames(ids));
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }
}
