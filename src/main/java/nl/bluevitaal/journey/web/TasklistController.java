package nl.bluevitaal.journey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentProgress;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.InvalidOutcomeException;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.journey.NoSuchStepException;
import nl.bluevitaal.journey.StepCatalogue.OutcomeKey;
import nl.bluevitaal.journey.StepCatalogue.OutcomeType;
import nl.bluevitaal.journey.StepCatalogue;
import nl.bluevitaal.journey.StepDocumentMissingException;
import nl.bluevitaal.journey.StepDocuments;
import nl.bluevitaal.journey.StepNoLongerOpenException;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.Ids;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSections;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * The caller's open steps over all their cases ({@code /taken}), and one Dutch form per step
 * ({@code /taken/{caseId}/{taskId}}). The form shows exactly the outcome keys the step's model takes
 * ({@link StepCatalogue}): a step a process owner adds gets its form without a line of Java; a step without keys is a
 * plain confirmation. A step that is not the caller's does not exist for them.
 */
@Controller
class TasklistController {

  static final String PATH = "/taken";
  /** Where the employee reads, corrects, releases and signs the documents waiting for them (Mijn traject). */
  static final String MY_JOURNEY_DOCUMENTS = "/mijn-traject#documenten";
  /** The employee's own page of one of their steps (self-service's). */
  static final String MY_STEP = "/mijn-traject/stap/";

  /** Slot above the list for what other modules add (the caller's unread notices). */
  static final String TOP = "tasklist.top";

  /**
   * One field of a step form as the template renders it: the key with its bounds, what was typed, and the message
   * key of its error. (The fields are the step's, so the form binds to the keys rather than to a record.)
   */
  record FieldView(String name, OutcomeType type, boolean required, int min, int max, String value, String error) {

    static FieldView of(OutcomeKey key, String value, String error) {
      return new FieldView(key.name(), key.type(), key.required(), key.min(), key.max(), value, error);
    }

    public String id() {
      return "veld-" + name;
    }

    /** The element the error summary links to: the first radio button of a yes/no question. */
    public String focusId() {
      return type == OutcomeType.BOOLEAN ? id() + "-ja" : id();
    }

    public String errorId() {
      return id() + "-fout";
    }

    public String hintId() {
      return id() + "-hint";
    }
  }

  /**
   * The step's document as the page shows it: how far it is, where to open it (the case file's document page; for
   * the employee Mijn traject, where they read, correct, release and sign), or where to write it when there is none
   * yet and the person writes such documents, and whether the form may be sent as it is.
   */
  record DocumentView(StepDocuments.State state, String openHref, String writeHref, boolean mayComplete) {

    public StepCatalogue.StepDocument document() {
      return state.document();
    }

    public DocumentProgress progress() {
      return state.progress();
    }

    /** Not ready, but an answer on the form completes the step without it (a correction, a plan not agreed). */
    public boolean waivable() {
      return state.document().waivedBy() != null;
    }
  }

  private final MySteps mySteps;
  private final StepDocuments stepDocuments;
  private final Caseload caseload;
  private final JourneyTasks tasks;
  private final StepCatalogue catalogue;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;
  private final PageSections sections;

  TasklistController(MySteps mySteps, StepDocuments stepDocuments, Caseload caseload, JourneyTasks tasks,
      StepCatalogue catalogue, CurrentActor currentActor, AccessPolicy policy, PageSections sections) {
    this.mySteps = mySteps;
    this.stepDocuments = stepDocuments;
    this.caseload = caseload;
    this.tasks = tasks;
    this.catalogue = catalogue;
    this.currentActor = currentActor;
    this.policy = policy;
    this.sections = sections;
  }

  @GetMapping(PATH)
  String tasklist(Model model) {
    model.addAttribute("rows", mySteps.steps(currentActor.get()));
    model.addAttribute("topSections", sections.render(TOP, PageSection.Request.of(null)));
    return "journey/tasklist";
  }

  @GetMapping(PATH + "/{caseId}/{taskId}")
  String form(@PathVariable String caseId, @PathVariable String taskId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    if (actor.userId().equals(policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "step " + taskId)
        .employeeUserId())) {
      // One path per step for the employee: their own page shows the document the step asks about.
      return "redirect:" + MY_STEP + UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8);
    }
    MySteps.StepRow row = myStep(actor, id, taskId);
    if (ContactWishProcess.TASK_CONTACT_EMPLOYEE.equals(row.step().stepKey())) {
      // Closing a wish for contact records the contact: its own page, with the wish the employee shared.
      return "redirect:" + ContactWishStepController.path(row.caseView().id(), taskId);
    }
    List<FieldView> fields = catalogue.outcomeKeys(row.step()).stream().map(k -> FieldView.of(k, "", null)).toList();
    return form(actor, row, fields, model);
  }

  /** Takes a step offered to the caller, so colleagues see who is on it. */
  @PostMapping(PATH + "/{caseId}/{taskId}/oppakken")
  String claim(@PathVariable String caseId, @PathVariable String taskId, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    MySteps.StepRow row = myStep(actor, id, taskId);
    // Someone else taking it first is a StepNoLongerOpenException: the list with a notice, below.
    tasks.claim(id, row.step().taskId(), actor.userId());
    redirect.addFlashAttribute("notice", "tasklist.claimed");
    return "redirect:" + PATH;
  }

  /** Gives a taken step back to whom it was offered. */
  @PostMapping(PATH + "/{caseId}/{taskId}/teruggeven")
  String unclaim(@PathVariable String caseId, @PathVariable String taskId, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    MySteps.StepRow row = myStep(actor, id, taskId);
    if (!row.step().isTakenBy(actor.userId())) {
      throw policy.refusal(actor, policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "step " + taskId),
          Domain.ADMINISTRATIVE, Access.WRITE, "give back a step not taken by them");
    }
    try {
      tasks.unclaim(id, row.step().taskId());
      redirect.addFlashAttribute("notice", "tasklist.unclaimed");
    } catch (NoSuchStepException e) {
      // Completed or withdrawn between showing the list and giving it back.
      redirect.addFlashAttribute("notice", "tasklist.step-gone");
    }
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/{caseId}/{taskId}")
  String complete(@PathVariable String caseId, @PathVariable String taskId,
      @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    MySteps.StepRow row = myStep(actor, id, taskId);
    if (ContactWishProcess.TASK_CONTACT_EMPLOYEE.equals(row.step().stepKey())) {
      return "redirect:" + ContactWishStepController.path(id, taskId);
    }
    List<OutcomeKey> keys = catalogue.outcomeKeys(row.step());
    Map<String, Object> outcome = new LinkedHashMap<>();
    for (OutcomeKey key : keys) {
      Object value = key.fromText(params.get(key.name()));
      if (value != null) {
        outcome.put(key.name(), value);
      }
    }
    try {
      tasks.complete(actor, id, row.step().taskId(), outcome);
    } catch (InvalidOutcomeException e) {
      List<FieldView> fields = new ArrayList<>();
      for (OutcomeKey key : keys) {
        String typed = params.getOrDefault(key.name(), "");
        fields.add(FieldView.of(key, typed, e.fieldErrors().containsKey(key.name()) ? errorCode(key, typed) : null));
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return form(actor, row, fields, model);
    } catch (StepDocumentMissingException e) {
      // Nothing was changed: the page says what the document still needs, with what was chosen kept.
      List<FieldView> fields = keys.stream().map(k -> FieldView.of(k, params.getOrDefault(k.name(), ""), null))
          .toList();
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("documentRefused", true);
      return form(actor, row, fields, model);
    } catch (NoSuchStepException e) {
      // Taken by a colleague between showing the form and sending it.
      redirect.addFlashAttribute("notice", "tasklist.step-gone");
      return "redirect:" + PATH;
    }
    redirect.addFlashAttribute("completedStep", row.step().stepKey());
    redirect.addFlashAttribute("completedStepName", row.step().name());
    redirect.addFlashAttribute("completedCase", row.caseView().employeeName());
    return "redirect:" + PATH;
  }

  /**
   * One of the caller's steps was done meanwhile: a second submit, a colleague first, or both at the same moment.
   * Nothing was applied; the task list shows what is open now, with a notice, rather than an error page.
   */
  @ExceptionHandler(StepNoLongerOpenException.class)
  String stepGone(HttpServletRequest request) {
    RequestContextUtils.getOutputFlashMap(request).put("notice", "tasklist.step-gone");
    return "redirect:" + PATH;
  }

  private String form(Actor actor, MySteps.StepRow row, List<FieldView> fields, Model model) {
    UUID caseId = row.caseView().id();
    model.addAttribute("document", stepDocuments.state(actor, caseId, row.step())
        .map(state -> documentView(actor, caseId, state)).orElse(null));
    if (!model.containsAttribute("documentRefused")) {
      model.addAttribute("documentRefused", false);
    }
    model.addAttribute("row", row);
    model.addAttribute("fields", fields);
    model.addAttribute("errors", fields.stream().filter(f -> f.error() != null).toList());
    return "journey/step";
  }

  private DocumentView documentView(Actor actor, UUID caseId, StepDocuments.State state) {
    DocumentProgress progress = state.progress();
    boolean employee = actor.userId().equals(policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ,
        "step document").employeeUserId());
    String open = null;
    if (progress.document() != null) {
      open = employee ? MY_JOURNEY_DOCUMENTS : "/dossiers/" + caseId + "/documenten/" + progress.documentId();
    }
    String write = progress.mayWrite() && (progress.document() == null || progress.newSince()
        && progress.shortfall() == DocumentProgress.Shortfall.MISSING)
        ? "/dossiers/" + caseId + "/documenten/nieuw?type=" + progress.type().name() : null;
    return new DocumentView(state, open, write, progress.ready() || state.document().waivedBy() != null);
  }

  /**
   * The caller's open step, or 404: for an unknown case, a case they may not see and a step not theirs alike. One of
   * theirs that is done meanwhile (a second submit) or taken by a colleague first is StepNoLongerOpenException
   * instead.
   */
  private MySteps.StepRow myStep(Actor actor, UUID caseId, String taskId) {
    CaseParties parties = policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, "step " + taskId);
    CaseView view = caseload.detail(actor, caseId).summary();
    return mySteps.steps(actor, view).stream().filter(r -> r.step().taskId().equals(taskId)).findFirst()
        .orElseThrow(() -> goneFor(actor, caseId, taskId) ? new StepNoLongerOpenException(taskId, null)
            : policy.hidden(actor, parties, "step " + taskId));
  }

  /** A step that was the caller's to take: done meanwhile, or still open but taken by someone else. */
  private boolean goneFor(Actor actor, UUID caseId, String taskId) {
    return tasks.openSteps(caseId).stream()
        .anyMatch(step -> step.taskId().equals(taskId) && step.isTakenFrom(actor.userId(), actor.groups()))
        || tasks.wasStepOf(actor, caseId, taskId);
  }

  private static String errorCode(OutcomeKey key, String typed) {
    if (typed == null || typed.isBlank()) {
      return key.type() == OutcomeType.BOOLEAN ? "step.error.choose" : "step.error.required";
    }
    return switch (key.type()) {
      case BOOLEAN -> "step.error.choose";
      case WEEKS -> "step.error.weeks";
      case PERCENTAGE -> "step.error.percentage";
    };
  }
}
