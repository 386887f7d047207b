package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import nl.bluevitaal.web.PlausibleDates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.workspace.DocumentPageController.DocumentForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The re-integration goals agreed with the employee: the counsellor adds one and updates its progress. A change
 * quotes the goal's version; a stale one comes back with the conflict message and what was typed.
 */
@Controller
class GoalPageController {

  private final CurrentActor currentActor;
  private final Goals goals;
  private final Caseload caseload;
  private final AccessPolicy policy;

  GoalPageController(CurrentActor currentActor, Goals goals, Caseload caseload, AccessPolicy policy) {
    this.currentActor = currentActor;
    this.goals = goals;
    this.caseload = caseload;
    this.policy = policy;
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/doelen/nieuw")
  String newGoal(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireCounsellor(actor, id);
    return page(actor, id, null, DocumentForm.of(Map.of("voortgang", "0", "status", "OPEN")), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/doelen")
  String add(@PathVariable String caseId, @RequestParam Map<String, String> params, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireCounsellor(actor, id);
    Map<String, String> values = typed(params);
    Map<String, String> errors = validate(values);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, id, null, new DocumentForm(values, errors, null), model);
    }
    goals.add(actor, id, values.get("titel").strip(),
        blankToNull(values.get("omschrijving")), Integer.parseInt(values.get("voortgang").strip()),
        date(values.get("afgesproken")));
    redirect.addFlashAttribute("caseNotice", "doc.goal.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#goals-heading";
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/doelen/{goalId}")
  String edit(@PathVariable String caseId, @PathVariable String goalId, Model model) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireCounsellor(actor, id);
    Goal goal = find(actor, id, MyWork.parseId(goalId));
    return page(actor, id, goal, DocumentForm.of(valuesOf(goal)), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/doelen/{goalId}")
  String update(@PathVariable String caseId, @PathVariable String goalId, @RequestParam Map<String, String> params,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireCounsellor(actor, id);
    UUID gid = MyWork.parseId(goalId);
    Goal goal = find(actor, id, gid);
    Map<String, String> values = typed(params);
    Map<String, String> errors = validate(values);
    Goal.Status status = null;
    try {
      status = Goal.Status.valueOf(values.get("status"));
    } catch (IllegalArgumentException e) {
      errors.put("status", "doc.error.choose");
    }
    Integer version = null;
    try {
      version = Integer.parseInt(params.getOrDefault("versie", "").strip());
    } catch (NumberFormatException e) {
      // handled below as a conflict: the form did not say which version it was based on
    }
    if (!errors.isEmpty() || version == null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, id, goal, new DocumentForm(values, errors, version == null ? "doc.goal.conflict" : null),
          model);
    }
    try {
      int expected = version;
      Goal.Status newStatus = status;
      goals.update(actor, id, gid, expected, values.get("titel").strip(),
          blankToNull(values.get("omschrijving")), Integer.parseInt(values.get("voortgang").strip()), newStatus,
          date(values.get("afgesproken")));
    } catch (StaleEditException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(actor, id, find(actor, id, gid), new DocumentForm(values, Map.of(), "doc.goal.conflict"), model);
    }
    redirect.addFlashAttribute("caseNotice", "doc.goal.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#goals-heading";
  }

  private String page(Actor actor, UUID id, Goal goal, DocumentForm form, Model model) {
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("goal", goal);
    model.addAttribute("form", form);
    model.addAttribute("statuses", Goal.Status.values());
    return "goal-form";
  }

  private Goal find(Actor actor, UUID id, UUID goalId) {
    return goals.list(actor, id).stream().filter(g -> g.id().equals(goalId)).findFirst()
        .orElseThrow(() -> policy.hidden(actor, policy.check(actor, id, Domain.REINTEGRATION, Access.READ, "goal"),
            "goal " + goalId));
  }

  private static Map<String, String> valuesOf(Goal goal) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("titel", goal.title());
    values.put("omschrijving", goal.description() == null ? "" : goal.description());
    values.put("voortgang", String.valueOf(goal.progress()));
    values.put("status", goal.status().name());
    values.put("afgesproken", goal.agreedWithEmployeeOn() == null ? "" : goal.agreedWithEmployeeOn().toString());
    return values;
  }

  private static Map<String, String> typed(Map<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : new String[] {"titel", "omschrijving", "voortgang", "status", "afgesproken"}) {
      values.put(field, params.getOrDefault(field, ""));
    }
    return values;
  }

  private static Map<String, String> validate(Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = values.get("titel").strip();
    if (title.isEmpty()) {
      errors.put("titel", "doc.error.required");
    } else if (title.length() > 200) {
      errors.put("titel", "doc.error.too-long");
    }
    if (values.get("omschrijving").length() > 4000) {
      errors.put("omschrijving", "doc.error.too-long");
    }
    try {
      int progress = Integer.parseInt(values.get("voortgang").strip());
      if (progress < 0 || progress > 100) {
        errors.put("voortgang", "doc.goal.error.progress");
      }
    } catch (NumberFormatException e) {
      errors.put("voortgang", "doc.goal.error.progress");
    }
    String dateError = DocumentForms.dateError(PlausibleDates.read(values.get("afgesproken")));
    if (dateError != null) {
      errors.put("afgesproken", dateError);
    }
    return errors;
  }

  private void requireCounsellor(Actor actor, UUID id) {
    CaseParties parties = policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "goal page");
    boolean counsellor = actor.isIn(Groups.COUNSELLOR) && !actor.isIn(Groups.COMPANY_DOCTOR)
        && !policy.isOwnFile(actor, parties) && policy.permits(actor, parties, Domain.REINTEGRATION, Access.WRITE);
    if (!counsellor) {
      throw policy.refusal(actor, parties, Domain.REINTEGRATION, Access.WRITE, "goal page");
    }
  }

  private static LocalDate date(String value) {
    return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
