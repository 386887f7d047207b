package nl.bluevitaal.modeling.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.journey.DecisionBench;
import nl.bluevitaal.journey.ModelDryRun;
import nl.bluevitaal.modeling.Draft;
import nl.bluevitaal.modeling.DraftBreaksContractException;
import nl.bluevitaal.modeling.DraftRefusedException;
import nl.bluevitaal.modeling.ModelOverview;
import nl.bluevitaal.modeling.ModelWorkbench;
import nl.bluevitaal.modeling.StaleDraftException;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A draft ({@code /modellen/concepten/{id}}): the editor (bpmn-js or dmn-js, which saves through {@code opslaan}
 * here), its revisions, a file to download or upload (Camunda Modeler stays an editor), and the
 * four eyes: propose with a change note, approve (which deploys) or send back with a reason. A form that fails comes
 * back with the Dutch reason beside its field and what was typed.
 */
@Controller
class DraftController {

  static final String PATH = ModelsController.PATH + "/concepten";

  private final ModelWorkbench workbench;
  private final CurrentActor currentActor;
  private final Forms forms;
  private final MessageSource messages;
  private final PeopleNames names;
  private final ModelDryRun dryRun;

  DraftController(ModelWorkbench workbench, CurrentActor currentActor, Forms forms, MessageSource messages,
      PeopleNames names, ModelDryRun dryRun) {
    this.names = names;
    this.dryRun = dryRun;
    this.workbench = workbench;
    this.currentActor = currentActor;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping(PATH + "/{draftId}")
  String draft(@PathVariable String draftId, Model model) {
    return page(currentActor.get(), ModelsController.draftId(draftId), model);
  }

  @GetMapping(PATH + "/{draftId}/bestand")
  ResponseEntity<byte[]> download(@PathVariable String draftId,
      @RequestParam(name = "revisie", required = false) String revision) {
    Actor actor = currentActor.get();
    Draft draft = workbench.draft(actor, ModelsController.draftId(draftId));
    int number = revision == null ? draft.revision() : ModelsController.number(revision, draft.modelKey());
    return ModelsController.file(workbench.draftXml(actor, draft.id(), number), draft.fileName());
  }

  @PostMapping(PATH + "/{draftId}/bestand")
  String upload(@PathVariable String draftId, @Valid DraftForms.Upload form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = ModelsController.draftId(draftId);
    FormState state = forms.state(result, "revisie");
    if (result.hasFieldErrors("xml")) {
      state = state.withError("xml", result.getFieldError("xml").getDefaultMessage());
    }
    if (state.hasErrors()) {
      return again(actor, id, model, response, "uploadForm", state, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      workbench.save(actor, id, form.revisie(), form.xml(), Draft.Source.UPLOAD);
    } catch (StaleDraftException e) {
      return again(actor, id, model, response, "uploadForm", state.withFormError("modeling.draft.error.stale"),
          HttpStatus.CONFLICT);
    } catch (DraftRefusedException e) {
      return again(actor, id, model, response, "uploadForm", refused(state, e, "xml"), status(e));
    }
    redirect.addFlashAttribute("draftNotice", "modeling.draft.uploaded");
    return "redirect:" + PATH + "/" + id;
  }

  /**
   * The editor's save on the page (the session's login and CSRF token; the API under {@code /api} takes HTTP Basic):
   * the new revision, or why not, as JSON for the page script. What was drawn stays in the editor either way.
   */
  @PostMapping(path = PATH + "/{draftId}/opslaan", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> save(@PathVariable String draftId,
      @Valid @RequestBody DraftForms.Save save, BindingResult invalid) {
    Actor actor = currentActor.get();
    UUID id = ModelsController.draftId(draftId);
    if (invalid.hasErrors()) {
      FieldError first = invalid.getFieldErrors().get(0);
      return answer(HttpStatus.BAD_REQUEST, first.getDefaultMessage(), null);
    }
    try {
      Draft draft = workbench.save(actor, id, save.revision(), save.xml(), Draft.Source.EDITOR);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("revision", draft.revision());
      // A decision's test cases run on every save: the process owner sees at once whether the table still holds.
      DecisionBench.Report tests = workbench.tests(actor, id);
      if (tests != null) {
        body.put("tests", testSummary(tests));
      }
      return ResponseEntity.ok(body);
    } catch (StaleDraftException e) {
      return answer(HttpStatus.CONFLICT, "modeling.draft.error.stale", e.currentRevision());
    } catch (DraftRefusedException e) {
      return answer(e.kind() == DraftRefusedException.Kind.INVALID_FILE ? HttpStatus.BAD_REQUEST : status(e),
          e.messageKey(), null);
    }
  }

  private String testSummary(DecisionBench.Report tests) {
    Locale locale = LocaleContextHolder.getLocale();
    if (tests.passed()) {
      return messages.getMessage("modeling.deploy.tests.passed", new Object[] {tests.results().size()}, locale);
    }
    if (tests.failures() == 0 && !tests.problems().isEmpty()) {
      DecisionBench.Problem problem = tests.problems().get(0);
      return messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale);
    }
    return messages.getMessage("modeling.deploy.tests.failed", new Object[] {Math.max(1, tests.failures())}, locale);
  }

  private ResponseEntity<Map<String, Object>> answer(HttpStatus status, String messageKey, Integer currentRevision) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", messages.getMessage(messageKey, null, messageKey, LocaleContextHolder.getLocale()));
    if (currentRevision != null) {
      body.put("currentRevision", currentRevision);
    }
    return ResponseEntity.status(status).body(body);
  }

  @PostMapping(PATH + "/{draftId}/voorstellen")
  String propose(@PathVariable String draftId, @Valid DraftForms.Proposal form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = ModelsController.draftId(draftId);
    FormState state = forms.state(result, "wijziging", "revisie");
    if (state.hasErrors()) {
      return again(actor, id, model, response, "proposalForm", state, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      workbench.propose(actor, id, form.revisie(), form.wijziging());
    } catch (StaleDraftException e) {
      return again(actor, id, model, response, "proposalForm", state.withFormError("modeling.draft.error.stale"),
          HttpStatus.CONFLICT);
    } catch (DraftRefusedException e) {
      return again(actor, id, model, response, "proposalForm", refused(state, e, null), status(e));
    } catch (DraftBreaksContractException e) {
      return broken(actor, id, model, response, "proposalForm", state, e);
    }
    redirect.addFlashAttribute("draftNotice", "modeling.deploy.proposed");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{draftId}/goedkeuren")
  String approve(@PathVariable String draftId, @RequestParam(name = "revisie", required = false) Integer revisie,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = ModelsController.draftId(draftId);
    Draft deployed;
    try {
      // The revision on the approver's page: only what they saw deploys (-1: a form without it is never current).
      deployed = workbench.approve(actor, id, revisie == null ? -1 : revisie);
    } catch (DraftRefusedException e) {
      return again(actor, id, model, response, "reviewForm", refused(FormState.empty(), e, null), status(e));
    } catch (DraftBreaksContractException e) {
      return broken(actor, id, model, response, "reviewForm", FormState.empty(), e);
    }
    redirect.addFlashAttribute("modelNotice", "modeling.deploy.deployed");
    return "redirect:" + ModelsController.PATH + "/" + deployed.modelKey();
  }

  @PostMapping(PATH + "/{draftId}/terugsturen")
  String reject(@PathVariable String draftId, @Valid DraftForms.Rejection form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = ModelsController.draftId(draftId);
    FormState state = forms.state(result, "reden");
    if (state.hasErrors()) {
      return again(actor, id, model, response, "reviewForm", state, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      workbench.reject(actor, id, form.reden());
    } catch (DraftRefusedException e) {
      return again(actor, id, model, response, "reviewForm", refused(state, e, null), status(e));
    }
    redirect.addFlashAttribute("draftNotice", "modeling.deploy.rejected");
    return "redirect:" + PATH + "/" + id;
  }

  /**
   * The draft breaks the model contract or fails a test case: the page again with what was typed, a message at the
   * form, and each broken rule (marked on the diagram by its element) and failing case listed.
   */
  private String broken(Actor actor, UUID id, Model model, HttpServletResponse response, String formName,
      FormState state, DraftBreaksContractException e) {
    model.addAttribute("violations", e.violations());
    model.addAttribute("testReport", e.tests());
    return again(actor, id, model, response, formName, state.withFormError("modeling.deploy.error.contract"),
        HttpStatus.CONFLICT);
  }

  private String again(Actor actor, UUID id, Model model, HttpServletResponse response, String formName,
      FormState state, HttpStatus status) {
    response.setStatus(status.value());
    model.addAttribute(formName, state);
    return page(actor, id, model);
  }

  private String page(Actor actor, UUID id, Model model) {
    Draft draft = workbench.draft(actor, id);
    ModelOverview overview = workbench.model(actor, draft.modelKey());
    model.addAttribute("draft", draft);
    model.addAttribute("model", overview);
    List<Draft.Revision> revisions = workbench.revisions(actor, id);
    model.addAttribute("revisions", revisions);
    model.addAttribute("names", names.of(Stream.of(PeopleNames.people(draft), PeopleNames.people(overview),
        revisions.stream().map(Draft.Revision::savedBy)).flatMap(s -> s)));
    model.addAttribute("ownProposal", actor.userId().equals(draft.proposedBy()));
    model.addAttribute("dryRunnable", dryRun.keys().contains(draft.modelKey()));
    if (!model.containsAttribute("testReport")) {
      model.addAttribute("testReport", workbench.tests(actor, id));
    }
    for (String form : new String[] {"uploadForm", "proposalForm", "reviewForm"}) {
      if (!model.containsAttribute(form)) {
        model.addAttribute(form, FormState.empty());
      }
    }
    return "modeling/draft";
  }

  private static FormState refused(FormState state, DraftRefusedException e, String field) {
    return e.kind() == DraftRefusedException.Kind.INVALID_FILE && field != null
        ? state.withError(field, e.messageKey()) : state.withFormError(e.messageKey());
  }

  private static HttpStatus status(DraftRefusedException e) {
    return switch (e.kind()) {
      case STATE -> HttpStatus.CONFLICT;
      case FOUR_EYES -> HttpStatus.FORBIDDEN;
      case INVALID_FILE -> HttpStatus.UNPROCESSABLE_ENTITY;
    };
  }
}
