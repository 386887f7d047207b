package nl.bluevitaal.selfservice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.InvalidInputException;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import nl.bluevitaal.web.Ids;
import nl.bluevitaal.web.NotFoundException;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.VersionForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mijn traject" ({@code /mijn-traject}): the employee's own view of their journey ({@link MyJourneyPage}), and what
 * they do there with the documents waiting for them: correct and release the company doctor's analysis, sign the
 * plan, write their own view for the re-integration report. Every read and write goes through the case file with the
 * employee as actor; a form that fails comes back with what was typed. (Sharing and "who looked" are privacy's.)
 */
@Controller
class MyJourneyController {

  static final String PATH = "/mijn-traject";
  /** A step of the employee's own, on a page of its own ({@link MyJourneyStepController}). */
  static final String STEP_PATH = PATH + "/stap";
  private static final String[] ADVICE_FIELDS = DocumentContent.ADVICE_FIELDS.toArray(String[]::new);

  /**
   * A correction of a document under the employee's review: for a problem analysis its functional advice, which the
   * employee may correct too (field names as the document form's, {@link DocumentContent}), and the version they
   * read. The text's sections come as plain text, one field each ({@link Correction}).
   */
  record CorrectionForm(
      @Size(max = FunctionalAdvice.MAX_TEXT, message = "mine.correct.error.too-long") String beperkingen,
      @Size(max = FunctionalAdvice.MAX_TEXT, message = "mine.correct.error.too-long") String mogelijkheden,
      @Size(max = FunctionalAdvice.MAX_TEXT, message = "mine.correct.error.too-long") String advies,
      @Size(max = FunctionalAdvice.MAX_TEXT, message = "mine.correct.error.too-long") String aanpassingen,
      @Size(max = FunctionalAdvice.MAX_DURATION, message = "mine.correct.error.duration-too-long")
      String verwachteDuur,
      Integer versie) {

    /** The advice as typed; null when the document carries none or nothing was typed. */
    FunctionalAdvice advice(DocumentType type) {
      if (!type.carriesFunctionalAdvice()) {
        return null;
      }
      FunctionalAdvice advice = new FunctionalAdvice(blankToNull(beperkingen), blankToNull(mogelijkheden),
          blankToNull(advies), blankToNull(aanpassingen), blankToNull(verwachteDuur));
      return advice.equals(new FunctionalAdvice(null, null, null, null, null)) ? null : advice;
    }
  }

  /** The employee's own view: saved as a draft, or saved and added to the file ({@code actie=vrijgeven}). */
  record OwnViewForm(
      @NotBlank(message = "mine.view.error.required")
      @Size(max = DocumentContent.MAX_ANSWER, message = "mine.correct.error.too-long") String tekst,
      String document, Integer versie, String actie) {

    boolean release() {
      return "vrijgeven".equals(actie);
    }
  }

  private final MyJourney journey;
  private final MyJourneyPage page;
  private final CaseDocuments documents;
  private final DocumentChanges changes;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;
  private final Forms forms;

  MyJourneyController(MyJourney journey, MyJourneyPage page, CaseDocuments documents, DocumentChanges changes,
      AccessPolicy policy, CurrentActor currentActor, Forms forms) {
    this.journey = journey;
    this.page = page;
    this.documents = documents;
    this.changes = changes;
    this.policy = policy;
    this.currentActor = currentActor;
    this.forms = forms;
  }

  @GetMapping(PATH)
  String page(Model model) {
    Actor actor = employee();
    return journey.ownCase(actor).map(caseId -> page.render(PageSection.Request.of(caseId), model))
        .orElse(MyJourneyPage.VIEW);
  }

  /**
   * The employee corrects a document under their review: a new version with the text (and advice) they typed. They
   * correct the text as they read it, section by section; it is stored in the document's format again.
   */
  @PostMapping(PATH + "/documenten/{documentId}/correctie")
  String correct(@PathVariable String documentId, @Valid CorrectionForm form, BindingResult result,
      HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    UUID docId = Ids.parse(documentId);
    CaseDocument current = documents.get(actor, caseId, docId);
    List<Correction.Field> sections = Correction.fields(current);
    Map<String, String> typed = Correction.typed(request, sections);
    FormState state = merged(Correction.validated(sections, typed), forms.state(result, ADVICE_FIELDS));
    if (state.hasErrors() || form.versie() == null) {
      return again(caseId, "correction", docId, form.versie() == null && !state.hasErrors()
          ? state.withFormError("mine.conflict.document") : state, HttpStatus.UNPROCESSABLE_ENTITY, model, response);
    }
    try {
      changes.addVersion(actor, caseId, docId, form.versie(), Correction.content(typed),
          form.advice(current.type()));
    } catch (StaleEditException e) {
      return again(caseId, "correction", docId, state.withFormError("mine.conflict.document"), HttpStatus.CONFLICT,
          model, response);
    } catch (InvalidStateException | InvalidInputException e) {
      return again(caseId, "correction", docId, state.withFormError("mine.error.state"), HttpStatus.CONFLICT, model,
          response);
    }
    redirect.addFlashAttribute("mineNotice", "mine.correct.done");
    return "redirect:" + PATH;
  }

  /** The employee releases the company doctor's document after reading it: now the employer side may read it. */
  @PostMapping(PATH + "/documenten/{documentId}/vrijgeven")
  String release(@PathVariable String documentId, VersionForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    return documentAction(documentId, form, result, "release", "mine.release.done", model, response, redirect,
        (actor, caseId, docId, version) -> changes.changeStatus(actor, caseId, docId, version,
            DocumentStatus.RELEASED));
  }

  /** The employee signs the released plan of action (or evaluation). */
  @PostMapping(PATH + "/documenten/{documentId}/ondertekenen")
  String sign(@PathVariable String documentId, VersionForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    return documentAction(documentId, form, result, "sign", "mine.sign.done", model, response, redirect,
        (actor, caseId, docId, version) -> changes.signOff(actor, caseId, docId, version));
  }

  /**
   * The employee's own view for the re-integration report: a new draft, a new version of the draft, or (once one
   * was added to the file, where it no longer changes) a new view beside it; optionally added to the file at once.
   */
  @PostMapping(PATH + "/eigen-visie")
  String ownView(@Valid OwnViewForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    FormState state = forms.state(result, "tekst");
    if (state.invalid("tekst")) {
      return again(caseId, "view", "view", state, HttpStatus.UNPROCESSABLE_ENTITY, model, response);
    }
    UUID docId = form.document() == null || form.document().isBlank() ? null : Ids.parse(form.document());
    if (docId != null && (result.hasFieldErrors("versie") || form.versie() == null)) {
      return again(caseId, "view", "view", state.withFormError("mine.conflict.document"), HttpStatus.CONFLICT,
          model, response);
    }
    try {
      CaseDocument current = docId == null ? null : documents.get(actor, caseId, docId);
      CaseDocument saved = current == null || current.status().released()
          // A view in the file no longer changes: a new view is a new document, the old one stays in the file.
          ? changes.create(actor, caseId, DocumentType.EMPLOYEE_VIEW, "Eigen visie", form.tekst(), null)
          : changes.addVersion(actor, caseId, docId, form.versie(), form.tekst(), null);
      if (form.release()) {
        changes.changeStatus(actor, caseId, saved.id(), saved.version(), DocumentStatus.RELEASED);
      }
    } catch (StaleEditException e) {
      return again(caseId, "view", "view", state.withFormError("mine.conflict.document"), HttpStatus.CONFLICT,
          model, response);
    } catch (InvalidStateException | InvalidInputException e) {
      return again(caseId, "view", "view", state.withFormError("mine.error.state"), HttpStatus.CONFLICT, model,
          response);
    }
    redirect.addFlashAttribute("mineNotice", form.release() ? "mine.view.released" : "mine.view.saved");
    return "redirect:" + PATH;
  }

  /** A change of one of the employee's documents, quoting the version the page showed. */
  @FunctionalInterface
  private interface DocumentChange {
    void apply(Actor actor, UUID caseId, UUID documentId, int version);
  }

  /**
   * Releases or signs: done, or the page again with the reason beside the document's form (someone changed it first,
   * or its state no longer allows it).
   */
  private String documentAction(String documentId, VersionForm form, BindingResult result, String formName,
      String notice, Model model, HttpServletResponse response, RedirectAttributes redirect, DocumentChange change) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    UUID docId = Ids.parse(documentId);
    String error = null;
    if (result.hasErrors() || form.versie() == null) {
      error = "mine.conflict.document";
    } else {
      try {
        change.apply(actor, caseId, docId, form.versie());
      } catch (StaleEditException e) {
        error = "mine.conflict.document";
      } catch (InvalidStateException | InvalidInputException e) {
        error = "mine.error.state";
      }
    }
    if (error != null) {
      return again(caseId, formName, docId, FormState.empty().withFormError(error), HttpStatus.CONFLICT, model,
          response);
    }
    redirect.addFlashAttribute("mineNotice", notice);
    return "redirect:" + PATH;
  }

  private String again(UUID caseId, String formName, Object target, FormState form, HttpStatus status, Model model,
      HttpServletResponse response) {
    response.setStatus(status.value());
    return page.render(new PageSection.Request(caseId, Map.of(MyJourneyPage.BOUND_FORM,
        new MyJourneyPage.BoundForm(formName, String.valueOf(target), form))), model);
  }

  private Actor employee() {
    Actor actor = currentActor.get();
    if (!journey.mayOpen(actor)) {
      throw policy.roleRefusal(actor, null, "Mijn traject");
    }
    return actor;
  }

  private UUID ownCase(Actor actor) {
    return journey.ownCase(actor).orElseThrow(() -> new NotFoundException("No case of yours"));
  }

  /** The text's sections and the advice as one form, each field with what was typed and what is wrong with it. */
  private static FormState merged(FormState text, FormState advice) {
    Map<String, String> values = new LinkedHashMap<>(text.values());
    values.putAll(advice.values());
    Map<String, String> errors = new LinkedHashMap<>(text.errors());
    errors.putAll(advice.errors());
    return new FormState(values, errors, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
