package nl.bluevitaal.selfservice.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.SignOff;
import nl.bluevitaal.journey.InvalidOutcomeException;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.journey.NoSuchStepException;
import nl.bluevitaal.journey.StepCatalogue;
import nl.bluevitaal.journey.StepDocumentMissingException;
import nl.bluevitaal.journey.StepDocuments;
import nl.bluevitaal.journey.StepNoLongerOpenException;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A step the journey asks of the employee, on a page of their own ({@code /mijn-traject/stap/{taskId}}): what the
 * step is about, the document it asks about as readable text with what they may do with it (sign, correct, release,
 * ask a question), and the step's own question. The staff task list sends the employee here
 * ({@code TasklistController}), so an employee has one path per step.
 */
@Controller
class MyJourneyStepController {

  static final String VIEW = "selfservice/mijn-stap";

  /** One question of the step as the page shows it: what was chosen and the message key of its error. */
  record FieldView(String name, String type, String value, String error) {

    public String id() {
      return "veld-" + name;
    }
  }

  private final MyJourney journey;
  private final Caseload caseload;
  private final CaseDocuments documents;
  private final StepDocuments stepDocuments;
  private final StepCatalogue catalogue;
  private final JourneyTasks tasks;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;

  MyJourneyStepController(MyJourney journey, Caseload caseload, CaseDocuments documents, StepDocuments stepDocuments,
      StepCatalogue catalogue, JourneyTasks tasks, AccessPolicy policy, CurrentActor currentActor) {
    this.journey = journey;
    this.caseload = caseload;
    this.documents = documents;
    this.stepDocuments = stepDocuments;
    this.catalogue = catalogue;
    this.tasks = tasks;
    this.policy = policy;
    this.currentActor = currentActor;
  }

  @GetMapping(MyJourneyController.STEP_PATH + "/{taskId}")
  String step(@PathVariable String taskId, Model model, RedirectAttributes redirect) {
    Actor actor = employee();
    CaseView view = ownCase(actor);
    MySteps.StepRow row = journey.step(actor, view, taskId).orElse(null);
    if (row == null) {
      return gone(redirect);
    }
    List<FieldView> fields = catalogue.outcomeKeys(row.step()).stream()
        .map(k -> new FieldView(k.name(), k.type().name(), "", null)).toList();
    return page(actor, view, row, fields, false, model);
  }

  /** Completes the employee's step with their answers; what is missing comes back beside the question. */
  @PostMapping(MyJourneyController.STEP_PATH + "/{taskId}")
  String complete(@PathVariable String taskId, @RequestParam Map<String, String> params, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = employee();
    CaseView view = ownCase(actor);
    MySteps.StepRow row = journey.step(actor, view, taskId).orElse(null);
    if (row == null) {
      return gone(redirect);
    }
    List<StepCatalogue.OutcomeKey> keys = catalogue.outcomeKeys(row.step());
    Map<String, Object> outcome = new LinkedHashMap<>();
    for (StepCatalogue.OutcomeKey key : keys) {
      Object value = key.fromText(params.get(key.name()));
      if (value != null) {
        outcome.put(key.name(), value);
      }
    }
    try {
      tasks.complete(actor, view.id(), row.step().taskId(), outcome);
    } catch (InvalidOutcomeException e) {
      List<FieldView> fields = new ArrayList<>();
      for (StepCatalogue.OutcomeKey key : keys) {
        String typed = params.getOrDefault(key.name(), "");
        fields.add(new FieldView(key.name(), key.type().name(), typed,
            e.fieldErrors().containsKey(key.name()) ? "mine2.step.error.choose" : null));
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, view, row, fields, false, model);
    } catch (StepDocumentMissingException e) {
      List<FieldView> fields = keys.stream()
          .map(k -> new FieldView(k.name(), k.type().name(), params.getOrDefault(k.name(), ""), null)).toList();
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(actor, view, row, fields, true, model);
    } catch (NoSuchStepException | StepNoLongerOpenException e) {
      return gone(redirect);
    }
    redirect.addFlashAttribute("mineNotice", "mine2.step.done");
    return "redirect:" + MyJourneyController.PATH;
  }

  private String page(Actor actor, CaseView view, MySteps.StepRow row, List<FieldView> fields,
      boolean documentRefused, Model model) {
    UUID documentId = stepDocuments.state(actor, view.id(), row.step())
        .map(state -> state.progress().documentId()).orElse(null);
    CaseDocument document = documentId == null ? null : documents.get(actor, view.id(), documentId);
    model.addAttribute("view", view);
    model.addAttribute("row", row);
    model.addAttribute("doc", document == null ? null : MyJourneyPage.row(actor, document,
        documents.actions(actor, document),
        journey.names(document.signOffs().stream().map(SignOff::userId))));
    // The review form of Mijn traject is reused here; nothing of it came back.
    model.addAttribute("adviceFields", DocumentContent.ADVICE_FIELDS);
    model.addAttribute("boundForm", null);
    model.addAttribute("formName", null);
    model.addAttribute("fields", fields);
    model.addAttribute("errors", fields.stream().filter(f -> f.error() != null).toList());
    model.addAttribute("documentRefused", documentRefused);
    model.addAttribute("people", journey.people(view));
    model.addAttribute("careUnit", journey.careUnit());
    return VIEW;
  }

  private String gone(RedirectAttributes redirect) {
    redirect.addFlashAttribute("mineNotice", "mine2.step.gone");
    return "redirect:" + MyJourneyController.PATH;
  }

  private Actor employee() {
    Actor actor = currentActor.get();
    if (!journey.mayOpen(actor)) {
      throw policy.roleRefusal(actor, null, "Mijn traject");
    }
    return actor;
  }

  private CaseView ownCase(Actor actor) {
    UUID caseId = journey.ownCase(actor).orElseThrow(() -> new NotFoundException("No case of yours"));
    return caseload.detail(actor, caseId).summary();
  }
}
