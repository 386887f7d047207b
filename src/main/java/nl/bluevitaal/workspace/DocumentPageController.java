package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.ConflictException;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The documents of the re-integration file as pages: a structured form per document type (problem analysis and
 * current opinion by the company doctor, plans and evaluations by the counsellor), a new version of a draft, the
 * way to the employee's review and release, and the sign-offs. Every call goes through {@link CaseDocuments}, which
 * applies the access policy (who writes which type, who sees drafts) and audits; a refusal becomes the 403 page,
 * a document the caller may not know of the same 404 as an unknown one. A form that cannot be saved (a missing
 * answer, someone else's newer version) comes back with everything typed in it.
 */
@Controller
class DocumentPageController {

  static final String BASE = CasePageController.PATH + "/{caseId}/documenten";

  /** What was typed, per field the message key of its error, and one message for the whole form. */
  record DocumentForm(Map<String, String> values, Map<String, String> errors, String formError) {

    static DocumentForm of(Map<String, String> values) {
      return new DocumentForm(values, Map.of(), null);
    }

    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public boolean hasErrors() {
      return !errors.isEmpty() || formError != null;
    }

    public boolean invalid(String field) {
      return errors.containsKey(field);
    }
  }

  /** What the caller may do with the document, so the page offers only the buttons that will work. */
  record DocumentActions(boolean edit, boolean submitForReview, boolean release, boolean sign) {
  }

  private final CurrentActor currentActor;
  private final CaseDocuments documents;
  private final Caseload caseload;
  private final AccessPolicy policy;
  private final Goals goals;
  private final MessageSource messages;

  DocumentPageController(CurrentActor currentActor, CaseDocuments documents, Caseload caseload, AccessPolicy policy,
      Goals goals, MessageSource messages) {
    this.currentActor = currentActor;
    this.documents = documents;
    this.caseload = caseload;
    this.policy = policy;
    this.goals = goals;
    this.messages = messages;
  }

  @GetMapping(BASE + "/nieuw")
  String newForm(@PathVariable String caseId, @RequestParam(name = "type", required = false) String type,
      Model model) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    CaseParties parties = parties(actor, id);
    DocumentType documentType = type(type);
    requireWriter(actor, parties, documentType);
    Map<String, String> values = new LinkedHashMap<>();
    values.put(DocumentForms.TITLE, messages.getMessage("document.type." + documentType.name(), null,
        documentType.name(), LocaleContextHolder.getLocale()));
    return newPage(actor, id, documentType, DocumentForm.of(values), model);
  }

  @PostMapping(BASE + "/nieuw")
  String create(@PathVariable String caseId, @RequestParam(name = "type", required = false) String type,
      HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    CaseParties parties = parties(actor, id);
    DocumentType documentType = type(type);
    requireWriter(actor, parties, documentType);
    Map<String, String> values = typed(request, documentType, true);
    Map<String, String> errors = DocumentForms.validate(documentType, values, true);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return newPage(actor, id, documentType, new DocumentForm(values, errors, null), model);
    }
    CaseDocument created;
    try {
      created = documents.create(actor, id, documentType, values.get(DocumentForms.TITLE).strip(),
          DocumentForms.content(documentType, values), DocumentForms.advice(documentType, values));
    } catch (FieldErrorsException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return newPage(actor, id, documentType, new DocumentForm(values, Map.of(), "doc.error.rejected"), model);
    }
    redirect.addFlashAttribute("docNotice", "doc.notice.created");
    return "redirect:" + CasePageController.PATH + "/" + id + "/documenten/" + created.id();
  }

  @GetMapping(BASE + "/{documentId}")
  String page(@PathVariable String caseId, @PathVariable String documentId, Model model) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    UUID docId = MyWork.parseId(documentId);
    CaseParties parties = parties(actor, id);
    CaseDocument document = documents.get(actor, id, docId);
    return documentPage(actor, parties, document, DocumentForm.of(DocumentForms.values(document.current())), null,
        model);
  }

  /** A new version of a draft or a document under review; the form quotes the version it was based on. */
  @PostMapping(BASE + "/{documentId}")
  String newVersion(@PathVariable String caseId, @PathVariable String documentId,
      @RequestParam(name = "versie", required = false) String version, HttpServletRequest request, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    UUID docId = MyWork.parseId(documentId);
    CaseParties parties = parties(actor, id);
    CaseDocument document = documents.get(actor, id, docId);
    Map<String, String> values = typed(request, document.type(), false);
    Map<String, String> errors = DocumentForms.validate(document.type(), values, false);
    Integer expected = number(version);
    if (!errors.isEmpty() || expected == null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return documentPage(actor, parties, document,
          new DocumentForm(values, errors, expected == null ? "doc.conflict" : null), null, model);
    }
    boolean employeeCorrects = document.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW
        && policy.isOwnFile(actor, parties);
    try {
      documents.addVersion(actor, id, docId, expected, DocumentForms.content(document.type(), values),
          employeeCorrects && document.current() != null && document.current().functionalAdvice() == null
              ? null : DocumentForms.advice(document.type(), values));
    } catch (StaleEditException e) {
      // Nothing is overwritten: the page shows the newer version and the form still holds what was typed.
      response.setStatus(HttpStatus.CONFLICT.value());
      CaseDocument fresh = documents.get(actor, id, docId);
      return documentPage(actor, parties, fresh, new DocumentForm(values, Map.of(), "doc.conflict"), null, model);
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      CaseDocument fresh = documents.get(actor, id, docId);
      return documentPage(actor, parties, fresh, new DocumentForm(values, Map.of(), "doc.error.state"), null, model);
    } catch (FieldErrorsException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return documentPage(actor, parties, document, new DocumentForm(values, Map.of(), "doc.error.rejected"), null,
          model);
    }
    redirect.addFlashAttribute("docNotice", "doc.notice.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "/documenten/" + docId;
  }

  /** To the employee for review, or released. */
  @PostMapping(BASE + "/{documentId}/status")
  String status(@PathVariable String caseId, @PathVariable String documentId,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "versie", required = false) String version, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    UUID docId = MyWork.parseId(documentId);
    CaseParties parties = parties(actor, id);
    DocumentStatus target = "FOR_EMPLOYEE_REVIEW".equals(status) ? DocumentStatus.FOR_EMPLOYEE_REVIEW
        : "RELEASED".equals(status) ? DocumentStatus.RELEASED : null;
    return action(actor, parties, docId, version, model, response, redirect,
        target == DocumentStatus.FOR_EMPLOYEE_REVIEW ? "doc.notice.review" : "doc.notice.released",
        expected -> {
          if (target == null) {
            throw new FieldErrorsException(Map.of("status", "must be FOR_EMPLOYEE_REVIEW or RELEASED"));
          }
          return documents.changeStatus(actor, id, docId, expected, target);
        });
  }

  /** The caller's signature under the current version (employee, line manager or counsellor of the case). */
  @PostMapping(BASE + "/{documentId}/ondertekenen")
  String signOff(@PathVariable String caseId, @PathVariable String documentId,
      @RequestParam(name = "versie", required = false) String version, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    UUID docId = MyWork.parseId(documentId);
    CaseParties parties = parties(actor, id);
    return action(actor, parties, docId, version, model, response, redirect, "doc.notice.signed",
        expected -> documents.signOff(actor, id, docId, expected));
  }

  private String action(Actor actor, CaseParties parties, UUID docId, String version, Model model,
      HttpServletResponse response, RedirectAttributes redirect, String notice,
      java.util.function.IntFunction<CaseDocument> change) {
    UUID id = parties.caseId();
    CaseDocument document = documents.get(actor, id, docId);
    Integer expected = number(version);
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
      } catch (ConflictException e) {
        error = "doc.error.state";
      } catch (FieldErrorsException e) {
        error = "doc.error.rejected";
        status = HttpStatus.UNPROCESSABLE_ENTITY;
      }
    }
    response.setStatus(status.value());
    CaseDocument fresh = documents.get(actor, id, docId);
    return documentPage(actor, parties, fresh, DocumentForm.of(DocumentForms.values(fresh.current())), error,
        model);
  }

  private String newPage(Actor actor, UUID id, DocumentType type, DocumentForm form, Model model) {
    model.addAttribute("view", caseView(actor, id));
    model.addAttribute("type", type);
    model.addAttribute("document", null);
    model.addAttribute("fields", DocumentForms.fields(type));
    model.addAttribute("form", form);
    model.addAttribute("sections", List.of());
    model.addAttribute("actions", new DocumentActions(true, false, false, false));
    model.addAttribute("actionError", null);
    model.addAttribute("goals", type == DocumentType.EVALUATION ? goalsOf(actor, id) : null);
    return "document";
  }

  private String documentPage(Actor actor, CaseParties parties, CaseDocument document, DocumentForm form,
      String actionError, Model model) {
    UUID id = parties.caseId();
    model.addAttribute("view", caseView(actor, id));
    model.addAttribute("type", document.type());
    model.addAttribute("document", document);
    model.addAttribute("fields", DocumentForms.fields(document.type()));
    model.addAttribute("form", form);
    model.addAttribute("sections", DocumentForms.sections(document, document.current()));
    model.addAttribute("actions", actions(actor, parties, document));
    model.addAttribute("actionError", actionError);
    model.addAttribute("goals", document.type() == DocumentType.EVALUATION ? goalsOf(actor, id) : null);
    model.addAttribute("pdf", document.type() != DocumentType.REINTEGRATION_REPORT);
    return "document";
  }

  private List<nl.bluevitaal.casefile.Goal> goalsOf(Actor actor, UUID id) {
    try {
      return goals.list(actor, id);
    } catch (CaseAccessDeniedException e) {
      return null;
    }
  }

  /** Mirrors the rules of {@link CaseDocuments}, only to choose the buttons; the service decides. */
  private DocumentActions actions(Actor actor, CaseParties parties, CaseDocument document) {
    boolean writer = mayWrite(actor, parties, document.type());
    boolean employee = policy.isOwnFile(actor, parties);
    DocumentStatus status = document.status();
    boolean underReview = status == DocumentStatus.FOR_EMPLOYEE_REVIEW;
    boolean edit = !status.released() && (writer || (employee && underReview));
    boolean review = writer && status == DocumentStatus.DRAFT && document.type() != DocumentType.EMPLOYEE_VIEW;
    boolean release = document.type().byCompanyDoctor()
        ? employee && underReview
        : !status.released() && (writer || (employee && underReview));
    boolean signer = employee || actor.userId().equals(parties.lineManagerUserId())
        || (actor.isIn(Groups.COUNSELLOR) && !actor.isIn(Groups.COMPANY_DOCTOR)
            && policy.permits(actor, parties, Domain.REINTEGRATION, Access.WRITE));
    int current = document.current() == null ? 0 : document.current().number();
    boolean signed = document.signOffs().stream()
        .anyMatch(s -> s.versionNumber() == current && s.userId().equals(actor.userId()));
    boolean sign = document.type().coSigned() && status.released() && signer && !signed;
    return new DocumentActions(edit, review, release, sign);
  }

  private boolean mayWrite(Actor actor, CaseParties parties, DocumentType type) {
    if (type == DocumentType.EMPLOYEE_VIEW) {
      return policy.isOwnFile(actor, parties);
    }
    DocumentType asked = type == DocumentType.PROBLEM_ANALYSIS_UPDATE ? DocumentType.PROBLEM_ANALYSIS : type;
    return policy.mayWriteDocument(actor, parties, asked.name());
  }

  /** The form of a type the caller does not write is not offered: 403, as the caller can see the case. */
  private void requireWriter(Actor actor, CaseParties parties, DocumentType type) {
    if (!mayWrite(actor, parties, type)) {
      throw policy.refusal(actor, parties, Domain.REINTEGRATION, Access.WRITE, "write a " + type);
    }
  }

  /** The case as the caller sees it; 404 when they may not know it exists, 403 when they may not open it. */
  private CaseParties parties(Actor actor, UUID id) {
    return policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "document page");
  }

  private CaseView caseView(Actor actor, UUID id) {
    return caseload.detail(actor, id).summary();
  }

  private static DocumentType type(String value) {
    try {
      return DocumentType.valueOf(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new PageNotFoundException();
    }
  }

  /** Everything the form sent for the fields of the type, exactly as typed. */
  private static Map<String, String> typed(HttpServletRequest request, DocumentType type, boolean withTitle) {
    Map<String, String> values = new LinkedHashMap<>();
    if (withTitle) {
      values.put(DocumentForms.TITLE, valueOf(request.getParameter(DocumentForms.TITLE)));
    }
    for (DocumentForms.Field field : DocumentForms.fields(type)) {
      values.put(field.name(), valueOf(request.getParameter(field.name())));
    }
    return values;
  }

  private static String valueOf(String value) {
    return value == null ? "" : value;
  }

  private static Integer number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
