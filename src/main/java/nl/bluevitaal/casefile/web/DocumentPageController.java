package nl.bluevitaal.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentActions;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentText;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.InvalidInputException;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.casefile.ReintegrationReport;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Ids;
import nl.bluevitaal.web.NotFoundException;
import nl.bluevitaal.web.VersionForm;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The documents of the re-integration file as pages: a structured form per document type (its questions are
 * {@link DocumentContent}'s), a new version of a draft, the way to the employee's review and release, and the
 * sign-offs. Reads go through {@link CaseDocuments}, changes through {@link DocumentChanges}; the page offers the
 * actions {@link CaseDocuments#actions} says the person may take. A form that cannot be saved (a missing answer,
 * someone else's newer version) comes back with everything typed in it.
 */
@Controller
class DocumentPageController {

  static final String BASE = CasePageController.PATH + "/{caseId}/documenten";

  private final CurrentActor currentActor;
  private final CaseDocuments documents;
  private final DocumentChanges changes;
  private final Caseload caseload;
  private final AccessPolicy policy;
  private final Goals goals;
  private final MessageSource messages;

  DocumentPageController(CurrentActor currentActor, CaseDocuments documents, DocumentChanges changes,
      Caseload caseload, AccessPolicy policy, Goals goals, MessageSource messages) {
    this.currentActor = currentActor;
    this.documents = documents;
    this.changes = changes;
    this.caseload = caseload;
    this.policy = policy;
    this.goals = goals;
    this.messages = messages;
  }

  @GetMapping(BASE + "/nieuw")
  String newForm(@PathVariable String caseId, @RequestParam(name = "type", required = false) String type,
      Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    DocumentType documentType = writable(actor, id, type);
    Map<String, String> values = new LinkedHashMap<>();
    values.put(DocumentContent.TITLE, messages.getMessage("document.type." + documentType.name(), null,
        documentType.name(), LocaleContextHolder.getLocale()));
    return newPage(actor, id, documentType, FormState.of(values), model);
  }

  @PostMapping(BASE + "/nieuw")
  String create(@PathVariable String caseId, @RequestParam(name = "type", required = false) String type,
      HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    DocumentType documentType = writable(actor, id, type);
    Map<String, String> values = DocumentForm.typed(request, documentType, true);
    FormState form = DocumentForm.validated(documentType, values, true);
    if (form.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return newPage(actor, id, documentType, form, model);
    }
    CaseDocument created;
    try {
      created = changes.create(actor, id, documentType, values.get(DocumentContent.TITLE).strip(),
          DocumentContent.content(documentType, values), DocumentContent.advice(documentType, values));
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return newPage(actor, id, documentType, form.withFormError("doc.error.rejected"), model);
    }
    redirect.addFlashAttribute("docNotice", "doc.notice.created");
    return "redirect:" + CasePageController.PATH + "/" + id + "/documenten/" + created.id();
  }

  @GetMapping(BASE + "/{documentId}")
  String page(@PathVariable String caseId, @PathVariable String documentId, Model model) {
    Actor actor = currentActor.get();
    CaseDocument document = documents.get(actor, Ids.parse(caseId), Ids.parse(documentId));
    return documentPage(actor, document, FormState.of(DocumentContent.values(document.current())), null, model);
  }

  /** A new version of a draft or a document under review; the form quotes the version it was based on. */
  @PostMapping(BASE + "/{documentId}")
  String newVersion(@PathVariable String caseId, @PathVariable String documentId, VersionForm version,
      BindingResult versionResult, HttpServletRequest request, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    UUID docId = Ids.parse(documentId);
    CaseDocument document = documents.get(actor, id, docId);
    Map<String, String> values = DocumentForm.typed(request, document.type(), false);
    FormState form = DocumentForm.validated(document.type(), values, false);
    Integer expected = versionResult.hasErrors() ? null : version.versie();
    if (form.hasErrors() || expected == null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return documentPage(actor, document, expected == null ? form.withFormError("doc.conflict") : form, null,
          model);
    }
    try {
      changes.addVersion(actor, id, docId, expected, DocumentContent.content(document.type(), values),
          DocumentContent.advice(document.type(), values));
    } catch (StaleEditException e) {
      // Nothing is overwritten: the page shows the newer version and the form still holds what was typed.
      return again(actor, id, docId, form.withFormError("doc.conflict"), null, HttpStatus.CONFLICT, model, response);
    } catch (InvalidStateException e) {
      return again(actor, id, docId, form.withFormError("doc.error.state"), null, HttpStatus.CONFLICT, model,
          response);
    } catch (InvalidInputException e) {
      return again(actor, id, docId, form.withFormError("doc.error.rejected"), null,
          HttpStatus.UNPROCESSABLE_ENTITY, model, response);
    }
    redirect.addFlashAttribute("docNotice", "doc.notice.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "/documenten/" + docId;
  }

  /** To the employee for review, or released. */
  @PostMapping(BASE + "/{documentId}/status")
  String status(@PathVariable String caseId, @PathVariable String documentId,
      @RequestParam(name = "status", required = false) String status, VersionForm version,
      BindingResult versionResult, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    UUID docId = Ids.parse(documentId);
    DocumentStatus target = "FOR_EMPLOYEE_REVIEW".equals(status) ? DocumentStatus.FOR_EMPLOYEE_REVIEW
        : "RELEASED".equals(status) ? DocumentStatus.RELEASED : null;
    if (target == null) {
      CaseDocument document = documents.get(actor, id, docId);
      return again(actor, id, docId, FormState.of(DocumentContent.values(document.current())), "doc.error.rejected",
          HttpStatus.UNPROCESSABLE_ENTITY, model, response);
    }
    return action(actor, id, docId, versionResult.hasErrors() ? null : version.versie(), model, response, redirect,
        target == DocumentStatus.FOR_EMPLOYEE_REVIEW ? "doc.notice.review" : "doc.notice.released",
        expected -> changes.changeStatus(actor, id, docId, expected, target));
  }

  /** The caller's signature under the current version (employee, line manager or counsellor of the case). */
  @PostMapping(BASE + "/{documentId}/ondertekenen")
  String signOff(@PathVariable String caseId, @PathVariable String documentId, VersionForm version,
      BindingResult versionResult, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    UUID docId = Ids.parse(documentId);
    return action(actor, id, docId, versionResult.hasErrors() ? null : version.versie(), model, response, redirect,
        "doc.notice.signed", expected -> changes.signOff(actor, id, docId, expected));
  }

  private String action(Actor actor, UUID id, UUID docId, Integer expected, Model model,
      HttpServletResponse response, RedirectAttributes redirect, String notice, IntFunction<CaseDocument> change) {
    documents.get(actor, id, docId);
    String error;
    HttpStatus status = HttpStatus.CONFLICT;
    if (expected == null) {
      error = "doc.conflict.action";
    } else {
      try {
        change.apply(expected);
        redirect.addFlashAttribute("docNotice", notice);
        return "redirect:" + CasePageController.PATH + "/" + id + "/documenten/" + docId;
      } catch (StaleEditException e) {
        error = "doc.conflict.action";
      } catch (InvalidStateException e) {
        error = "doc.error.state";
      } catch (InvalidInputException e) {
        error = "doc.error.rejected";
        status = HttpStatus.UNPROCESSABLE_ENTITY;
      }
    }
    CaseDocument fresh = documents.get(actor, id, docId);
    return again(actor, id, docId, FormState.of(DocumentContent.values(fresh.current())), error, status, model,
        response);
  }

  /** The document as it is now, with the form (or the action) that could not be done. */
  private String again(Actor actor, UUID id, UUID docId, FormState form, String actionError, HttpStatus status,
      Model model, HttpServletResponse response) {
    response.setStatus(status.value());
    return documentPage(actor, documents.get(actor, id, docId), form, actionError, model);
  }

  private String newPage(Actor actor, UUID id, DocumentType type, FormState form, Model model) {
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("type", type);
    model.addAttribute("document", null);
    model.addAttribute("fields", DocumentContent.fields(type));
    model.addAttribute("form", form);
    model.addAttribute("sections", List.of());
    model.addAttribute("actions", DocumentActions.newDocument());
    model.addAttribute("actionError", null);
    model.addAttribute("goals", type == DocumentType.EVALUATION ? goalsOf(actor, id) : null);
    model.addAttribute("report", reportOf(actor, id, type));
    return "casefile/document";
  }

  private String documentPage(Actor actor, CaseDocument document, FormState form, String actionError,
      Model model) {
    UUID id = document.caseId();
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("type", document.type());
    model.addAttribute("document", document);
    model.addAttribute("fields", DocumentContent.fields(document.type()));
    model.addAttribute("form", form);
    model.addAttribute("docText", DocumentText.of(document));
    model.addAttribute("actions", documents.actions(actor, document));
    model.addAttribute("actionError", actionError);
    model.addAttribute("goals", document.type() == DocumentType.EVALUATION ? goalsOf(actor, id) : null);
    model.addAttribute("pdf", document.type() != DocumentType.REINTEGRATION_REPORT);
    model.addAttribute("report", reportOf(actor, id, document.type()));
    return "casefile/document";
  }

  /** Beside the report's cover, what its parts still lack: its writer compiles it from there. */
  private ReintegrationReport reportOf(Actor actor, UUID id, DocumentType type) {
    return type == DocumentType.REINTEGRATION_REPORT ? documents.reintegrationReport(actor, id) : null;
  }

  /** The goals beside an evaluation, for whoever may read them; left out for anyone else. */
  private List<Goal> goalsOf(Actor actor, UUID id) {
    try {
      return goals.list(actor, id);
    } catch (CaseAccessDeniedException e) {
      return null;
    }
  }

  /**
   * The type of a new document the caller writes in this case. An unknown type names no page (404); a type they do
   * not write is refused (403, recorded): the form is not offered to them.
   */
  private DocumentType writable(Actor actor, UUID id, String value) {
    DocumentType type;
    try {
      type = DocumentType.valueOf(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No such document type");
    }
    if (!documents.writableTypes(actor, id).contains(type)) {
      throw policy.refusal(actor, policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "document page"),
          Domain.REINTEGRATION, Access.WRITE, "write a " + type);
    }
    return type;
  }
}
