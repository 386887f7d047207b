package nl.bluevitaal.casefile.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import nl.bluevitaal.web.Ids;
import nl.bluevitaal.web.PlausibleDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The goals of a case as pages: a new goal and updating one (progress, status, the day it was agreed with the
 * employee, the date aimed for), agreeing a goal the employee proposed, and comments back to the employee. The
 * counsellor who keeps the file writes them ({@link Caseload#actions}); a stale update comes back with what was typed
 * beside the current goal.
 */
@Controller
class GoalPageController {

  private static final String[] FIELDS = {"titel", "omschrijving", "voortgang", "status", "afgesproken",
      "streefdatum"};

  /** A goal as the form sends it; the status only when updating (a new goal is open). */
  record GoalForm(
      @NotBlank(message = "doc.error.required") @Size(max = Goal.MAX_TITLE, message = "doc.error.too-long")
      String titel,
      @Size(max = Goal.MAX_DESCRIPTION, message = "doc.error.too-long") String omschrijving,
      @NotNull(message = "doc.goal.error.progress") @Min(value = 0, message = "doc.goal.error.progress")
      @Max(value = 100, message = "doc.goal.error.progress") Integer voortgang,
      Goal.Status status,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate afgesproken,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate streefdatum,
      Integer versie) {

    String description() {
      return omschrijving == null || omschrijving.isBlank() ? null : omschrijving.strip();
    }
  }

  /** The counsellor's comment on a goal, which the employee reads on their goals page. */
  record CommentForm(
      @NotBlank(message = "doc.error.required") @Size(max = Goal.MAX_COMMENT, message = "doc.error.too-long")
      String reactie) {
  }

  private final CurrentActor currentActor;
  private final Goals goals;
  private final Caseload caseload;
  private final AccessPolicy policy;
  private final Forms forms;

  GoalPageController(CurrentActor currentActor, Goals goals, Caseload caseload, AccessPolicy policy, Forms forms) {
    this.currentActor = currentActor;
    this.goals = goals;
    this.caseload = caseload;
    this.policy = policy;
    this.forms = forms;
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/doelen/nieuw")
  String newGoal(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireKeeper(actor, id);
    return page(actor, id, null, FormState.of(Map.of("voortgang", "0", "status", Goal.Status.OPEN.name())), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/doelen")
  String add(@PathVariable String caseId, @Valid GoalForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireKeeper(actor, id);
    if (result.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, id, null, forms.state(result, FIELDS), model);
    }
    goals.add(actor, id, form.titel().strip(), form.description(), form.voortgang(), form.afgesproken());
    redirect.addFlashAttribute("caseNotice", "doc.goal.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#goals-heading";
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/doelen/{goalId}")
  String edit(@PathVariable String caseId, @PathVariable String goalId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireKeeper(actor, id);
    Goal goal = find(actor, id, Ids.parse(goalId));
    return page(actor, id, goal, FormState.of(valuesOf(goal)), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/doelen/{goalId}")
  String update(@PathVariable String caseId, @PathVariable String goalId, @Valid GoalForm form,
      BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireKeeper(actor, id);
    UUID gid = Ids.parse(goalId);
    Goal goal = find(actor, id, gid);
    FormState state = forms.state(result, FIELDS);
    if (form.status() == null && !state.invalid("status")) {
      state = state.withError("status", "doc.error.choose");
    }
    // Agreeing the employee's proposal means saying when it was agreed with them.
    if (goal.status() == Goal.Status.PROPOSED && form.status() != null && form.status() != Goal.Status.PROPOSED
        && form.afgesproken() == null && !state.invalid("afgesproken")) {
      state = state.withError("afgesproken", "goals.error.agreed-date");
    }
    if (state.hasErrors() || form.versie() == null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, id, goal, form.versie() == null ? state.withFormError("doc.goal.conflict") : state, model);
    }
    try {
      goals.update(actor, id, gid, form.versie(), form.titel().strip(), form.description(), form.voortgang(),
          form.status(), form.afgesproken(), form.streefdatum());
    } catch (StaleEditException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(actor, id, find(actor, id, gid), state.withFormError("doc.goal.conflict"), model);
    }
    redirect.addFlashAttribute("caseNotice", "doc.goal.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#goals-heading";
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/doelen/{goalId}/reactie")
  String comment(@PathVariable String caseId, @PathVariable String goalId, @Valid CommentForm form,
      BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireKeeper(actor, id);
    UUID gid = Ids.parse(goalId);
    Goal goal = find(actor, id, gid);
    FormState state = forms.state(result, "reactie");
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("commentForm", state);
      return page(actor, id, goal, FormState.of(valuesOf(goal)), model);
    }
    goals.comment(actor, id, gid, form.reactie().strip());
    redirect.addFlashAttribute("goalNotice", "goals.comment.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "/doelen/" + gid + "#reacties";
  }

  private String page(Actor actor, UUID id, Goal goal, FormState form, Model model) {
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("goal", goal);
    model.addAttribute("form", form);
    model.addAttribute("statuses", Goal.Status.values());
    model.addAttribute("comments", goal == null ? List.of() : goals.comments(actor, id).getOrDefault(goal.id(),
        List.of()));
    if (!model.containsAttribute("commentForm")) {
      model.addAttribute("commentForm", FormState.empty());
    }
    return "casefile/goal-form";
  }

  private Goal find(Actor actor, UUID id, UUID goalId) {
    return goals.list(actor, id).stream().filter(g -> g.id().equals(goalId)).findFirst()
        .orElseThrow(() -> policy.hidden(actor, policy.check(actor, id, Domain.REINTEGRATION, Access.READ, "goal"),
            "goal " + goalId));
  }

  /** Only the counsellor who keeps the file gets the form; anyone else is refused (403, recorded). */
  private void requireKeeper(Actor actor, UUID id) {
    if (!caseload.actions(actor, id).keepFile()) {
      throw policy.refusal(actor, policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "goal page"),
          Domain.REINTEGRATION, Access.WRITE, "goal page");
    }
  }

  private static Map<String, String> valuesOf(Goal goal) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("titel", goal.title());
    values.put("omschrijving", goal.description() == null ? "" : goal.description());
    values.put("voortgang", String.valueOf(goal.progress()));
    values.put("status", goal.status().name());
    values.put("afgesproken", goal.agreedWithEmployeeOn() == null ? "" : goal.agreedWithEmployeeOn().toString());
    values.put("streefdatum", goal.targetDate() == null ? "" : goal.targetDate().toString());
    return values;
  }
}
