package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.journey.InvalidOutcomeException;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.JourneyTasks.OutcomeKey;
import nl.bluevitaal.journey.JourneyTasks.OutcomeType;
import nl.bluevitaal.journey.NoSuchStepException;
import nl.bluevitaal.journey.StepNoLongerOpenException;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.CurrentActor;
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

/**
 * The caller's open steps over all their cases ({@code /taken}), and one Dutch form per step
 * ({@code /taken/{caseId}/{taskId}}). The form shows exactly the outcome keys the journey takes for the step; a step
 * without keys is a plain confirmation. A step that is not the caller's does not exist for them.
 */
@Controller
class TasklistController {

  static final String PATH = "/taken";

  /** One field of a step form as the template renders it: what was typed, and the message key of its error. */
  record FieldView(String name, OutcomeType type, boolean required, String value, String error) {

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

  private final MyWork work;
  private final Caseload caseload;
  private final JourneyTasks tasks;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;

  TasklistController(MyWork work, Caseload caseload, JourneyTasks tasks, CurrentActor currentActor,
      AccessPolicy policy) {
    this.work = work;
    this.caseload = caseload;
    this.tasks = tasks;
    this.currentActor = currentActor;
    this.policy = policy;
  }

  @GetMapping(PATH)
  String tasklist(Model model) {
    model.addAttribute("rows", work.steps(currentActor.get()));
    return "tasklist";
  }

  @GetMapping(PATH + "/{caseId}/{taskId}")
  String form(@PathVariable String caseId, @PathVariable String taskId, Model model) {
    Actor actor = currentActor.get();
    MyWork.StepRow row = myStep(actor, MyWork.parseId(caseId), taskId);
    List<FieldView> fields = new ArrayList<>();
    for (OutcomeKey key : keys(row)) {
      fields.add(new FieldView(key.name(), key.type(), key.required(), "", null));
    }
    return form(row, fields, model);
  }

  /** Takes a step offered to the caller, so colleagues see who is on it. */
  @PostMapping(PATH + "/{caseId}/{taskId}/oppakken")
  String claim(@PathVariable String caseId, @PathVariable String taskId, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    MyWork.StepRow row = myStep(actor, id, taskId);
    try {
      tasks.claim(id, row.step().taskId(), actor.userId());
      redirect.addFlashAttribute("notice", "tasklist.claimed");
    } catch (IllegalArgumentException | IllegalStateException e) {
      redirect.addFlashAttribute("notice", "tasklist.step-gone");
    }
    return "redirect:" + PATH;
  }

  /** Gives a taken step back to whom it was offered. */
  @PostMapping(PATH + "/{caseId}/{taskId}/teruggeven")
  String unclaim(@PathVariable String caseId, @PathVariable String taskId, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    MyWork.StepRow row = myStep(actor, id, taskId);
    if (!row.step().isTakenBy(actor.userId())) {
      throw policy.refusal(actor, policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "step " + taskId),
          Domain.ADMINISTRATIVE, Access.WRITE, "give back a step not taken by them");
    }
    try {
      tasks.unclaim(id, row.step().taskId());
      redirect.addFlashAttribute("notice", "tasklist.unclaimed");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("notice", "tasklist.step-gone");
    }
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/{caseId}/{taskId}")
  String complete(@PathVariable String caseId, @PathVariable String taskId,
      @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    MyWork.StepRow row = myStep(actor, id, taskId);
    Map<String, Object> outcome = new LinkedHashMap<>();
    for (OutcomeKey key : keys(row)) {
      Object value = parse(key, params.get(key.name()));
      if (value != null) {
        outcome.put(key.name(), value);
      }
    }
    try {
      tasks.complete(actor, id, row.step().taskId(), outcome);
    } catch (InvalidOutcomeException e) {
      List<FieldView> fields = new ArrayList<>();
      for (OutcomeKey key : keys(row)) {
        String typed = params.getOrDefault(key.name(), "");
        String error = e.fieldErrors().containsKey(key.name()) ? errorCode(key, typed) : null;
        fields.add(new FieldView(key.name(), key.type(), key.required(), typed, error));
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return form(row, fields, model);
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

  private String form(MyWork.StepRow row, List<FieldView> fields, Model model) {
    model.addAttribute("row", row);
    model.addAttribute("fields", fields);
    model.addAttribute("errors", fields.stream().filter(f -> f.error() != null).toList());
    return "step";
  }

  /**
   * The caller's open step, or 404: for an unknown case, a case they may not see and a step not theirs alike. One of
   * theirs that is done meanwhile (a second submit, a colleague first) is StepNoLongerOpenException instead.
   */
  private MyWork.StepRow myStep(Actor actor, UUID caseId, String taskId) {
    CaseParties parties = policy.check(actor, caseId, Domain.ADMINISTRATIVE, Access.READ, "step " + taskId);
    CaseView view = caseload.detail(actor, caseId).summary();
    return work.steps(actor, view).stream().filter(r -> r.step().taskId().equals(taskId)).findFirst()
        .orElseThrow(() -> tasks.wasStepOf(actor, caseId, taskId) ? new StepNoLongerOpenException(taskId, null)
            : policy.hidden(actor, parties, "step " + taskId));
  }

  private static List<OutcomeKey> keys(MyWork.StepRow row) {
    return JourneyTasks.OUTCOME_KEYS.getOrDefault(row.step().stepKey(), List.of());
  }

  /** Typed text to the value the journey takes; text that is no value is passed on so the journey refuses it. */
  private static Object parse(OutcomeKey key, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    if (key.type() == OutcomeType.BOOLEAN) {
      return switch (value) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> value;
      };
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return value;
    }
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
