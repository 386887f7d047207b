package nl.bluevitaal.selfservice.hometools.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.selfservice.web.OwnCase;
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
 * The employee's goals ({@code /mijn-traject/doelen}): the goals agreed with the counsellor and the ones they
 * proposed, each with its progress and the comments of both; a new proposal; progress in five steps; a comment.
 * Progress is the goal's one percentage, which the counsellor also keeps: the employee picks one of five steps in
 * words (not started, a quarter, half, almost, reached), which is easier to choose on a bad day than a number.
 */
@Controller
class MyGoalsController {

  static final String PATH = "/mijn-traject/doelen";
  static final String VIEW = "selfservice/hometools/goals";
  /** The steps the employee chooses from, in percent. */
  static final List<Integer> STEPS = List.of(0, 25, 50, 75, 100);

  /** A new goal as the employee proposes it. */
  record ProposalForm(
      @NotBlank(message = "tools.error.required")
      @Size(max = Goal.MAX_PROPOSED_TITLE, message = "tools.goals.error.title-too-long") String titel,
      @Size(max = Goal.MAX_SUCCESS, message = "tools.error.too-long") String succes,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate streefdatum) {
  }

  /** The progress of one goal, with the version the page showed. */
  record ProgressForm(@NotNull(message = "tools.goals.error.progress") Integer voortgang, Integer versie) {
  }

  /** A comment on one goal. */
  record CommentForm(
      @NotBlank(message = "tools.error.required")
      @Size(max = Goal.MAX_COMMENT, message = "tools.error.too-long") String reactie) {
  }

  private final OwnCase ownCase;
  private final Goals goals;
  private final Forms forms;

  MyGoalsController(OwnCase ownCase, Goals goals, Forms forms) {
    this.ownCase = ownCase;
    this.goals = goals;
    this.forms = forms;
  }

  @GetMapping(PATH)
  String page(Model model) {
    return show(ownCase.require("goals"), null, null, FormState.empty(), model);
  }

  @PostMapping(PATH)
  String propose(@Valid ProposalForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OwnCase.Owner own = ownCase.require("goals");
    FormState state = forms.state(result, "titel", "succes", "streefdatum");
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return show(own, "nieuw", null, state, model);
    }
    goals.propose(own.actor(), own.caseId(), form.titel().strip(), blankToNull(form.succes()), form.streefdatum());
    redirect.addFlashAttribute("toolsNotice", "tools.goals.proposed");
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/{goalId}/voortgang")
  String progress(@PathVariable String goalId, @Valid ProgressForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    OwnCase.Owner own = ownCase.require("goals");
    UUID id = Ids.parse(goalId);
    FormState state = forms.state(result, "voortgang");
    if (!state.invalid("voortgang") && !STEPS.contains(form.voortgang())) {
      state = state.withError("voortgang", "tools.goals.error.progress");
    }
    if (state.hasErrors() || form.versie() == null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return show(own, "voortgang", id, state.hasErrors() ? state : state.withFormError("tools.goals.conflict"),
          model);
    }
    try {
      goals.updateProgress(own.actor(), own.caseId(), id, form.versie(), form.voortgang());
    } catch (StaleEditException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return show(own, "voortgang", id, state.withFormError("tools.goals.conflict"), model);
    } catch (InvalidStateException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return show(own, "voortgang", id, state.withFormError("tools.goals.closed"), model);
    }
    redirect.addFlashAttribute("toolsNotice", "tools.goals.progress-saved");
    return "redirect:" + PATH + "#doel-" + id;
  }

  @PostMapping(PATH + "/{goalId}/reactie")
  String comment(@PathVariable String goalId, @Valid CommentForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    OwnCase.Owner own = ownCase.require("goals");
    UUID id = Ids.parse(goalId);
    FormState state = forms.state(result, "reactie");
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return show(own, "reactie", id, state, model);
    }
    goals.comment(own.actor(), own.caseId(), id, form.reactie().strip());
    redirect.addFlashAttribute("toolsNotice", "tools.goals.comment-saved");
    return "redirect:" + PATH + "#doel-" + id;
  }

  /**
   * The page; {@code formName} and {@code target} say which form came back with {@code form} (the proposal, or the
   * progress or comment of one goal), every other form starts empty.
   */
  private String show(OwnCase.Owner own, String formName, UUID target, FormState form, Model model) {
    List<Goal> all = goals.list(own.actor(), own.caseId());
    model.addAttribute("goals", all.stream().filter(Goal::active).toList());
    model.addAttribute("closedGoals", all.stream().filter(g -> !g.active()).toList());
    model.addAttribute("comments", goals.comments(own.actor(), own.caseId()));
    model.addAttribute("steps", STEPS);
    model.addAttribute("formName", formName);
    model.addAttribute("formTarget", target);
    model.addAttribute("form", form);
    model.addAttribute("emptyForm", FormState.of(Map.of()));
    return VIEW;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
