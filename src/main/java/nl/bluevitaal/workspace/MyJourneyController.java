package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDetail;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.Sharing;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingOption;
import nl.bluevitaal.privacy.SharingSetting;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.privacy.StaleSharingException;
import nl.bluevitaal.web.ConflictException;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mijn traject" ({@code /mijn-traject}): the employee's own view of their journey. Where they are, what comes next,
 * their goals, the documents waiting for them (read, correct and release the problem analysis, sign the plan), their
 * own view for the re-integration report, who may see what with their sharing settings, and who looked at their
 * file. Every read and write goes through the case file and privacy services with the employee as actor; a form
 * that fails comes back with what was typed.
 */
@Controller
class MyJourneyController {

  static final String PATH = "/mijn-traject";
  /** Events of "who looked at my file" on the page; the rest is on the paged list. */
  static final int AUDIT_ON_PAGE = 50;
  static final int MAX_TEXT = 20_000;
  static final int MAX_ADVICE = 4000;
  static final int MAX_DURATION = 200;
  /** The domains the "who sees what" overview explains (G is aggregates, never one person's file). */
  static final List<Domain> DOMAINS = List.of(Domain.ADMINISTRATIVE, Domain.FUNCTIONAL, Domain.REINTEGRATION,
      Domain.MEDICAL, Domain.SELF_REPORTS, Domain.SUPPORT_NETWORK);
  /** Form fields of a correction: the text and the functional advice (domain B) the employee may also correct. */
  static final List<String> ADVICE_FIELDS = List.of("beperkingen", "mogelijkheden", "advies", "aanpassingen", "duur");

  /** A document for the employee, with the form state of its actions. */
  record DocumentRow(CaseDocument document, boolean signedByMe, boolean mayRelease, boolean maySign) {

    public String text() {
      return document.current() == null ? "" : document.current().content();
    }

    public FunctionalAdvice advice() {
      return document.current() == null ? null : document.current().functionalAdvice();
    }

    public String adviceValue(String field) {
      FunctionalAdvice a = advice();
      if (a == null) {
        return "";
      }
      String value = switch (field) {
        case "beperkingen" -> a.limitations();
        case "mogelijkheden" -> a.remainingAbilities();
        case "advies" -> a.advice();
        case "aanpassingen" -> a.adjustments();
        case "duur" -> a.expectedDuration();
        default -> null;
      };
      return value == null ? "" : value;
    }
  }

  /** One sharing option with the employee's choice and, after a failed save, what they chose in the form. */
  record SharingRow(String key, SharingSetting setting, Boolean typed, String formError) {

    public boolean shownAsShared() {
      return typed != null ? typed : setting.granted();
    }
  }

  /** A form bound to one thing on the page (a document or a sharing option). */
  record BoundForm(String target, CasePageController.ActionForm form) {
  }

  private final MyJourney journey;
  private final Caseload caseload;
  private final MyWork work;
  private final CaseDocuments documents;
  private final Goals goals;
  private final SharingSettings sharing;
  private final AuditTrail auditTrail;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;

  MyJourneyController(MyJourney journey, Caseload caseload, MyWork work, CaseDocuments documents, Goals goals,
      SharingSettings sharing, AuditTrail auditTrail, AccessPolicy policy, CurrentActor currentActor) {
    this.journey = journey;
    this.caseload = caseload;
    this.work = work;
    this.documents = documents;
    this.goals = goals;
    this.sharing = sharing;
    this.auditTrail = auditTrail;
    this.policy = policy;
    this.currentActor = currentActor;
  }

  @GetMapping(PATH)
  String page(Model model) {
    Actor actor = employee();
    UUID caseId = journey.ownCase(actor).orElse(null);
    if (caseId == null) {
      return "mijn-traject";
    }
    populate(actor, caseId, model, null, null);
    return "mijn-traject";
  }

  /** The employee corrects a document under their review: a new version with the text (and advice) they typed. */
  @PostMapping(PATH + "/documenten/{documentId}/correctie")
  String correct(@PathVariable String documentId, @RequestParam Map<String, String> params, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    UUID docId = MyWork.parseId(documentId);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("tekst", params.getOrDefault("tekst", ""));
    for (String field : ADVICE_FIELDS) {
      values.put(field, params.getOrDefault(field, ""));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (values.get("tekst").isBlank()) {
      errors.put("tekst", "mine.correct.error.required");
    } else if (values.get("tekst").length() > MAX_TEXT) {
      errors.put("tekst", "mine.correct.error.too-long");
    }
    for (String field : ADVICE_FIELDS) {
      int max = field.equals("duur") ? MAX_DURATION : MAX_ADVICE;
      if (values.get(field).length() > max) {
        errors.put(field, "duur".equals(field) ? "mine.correct.error.duration-too-long" : "mine.correct.error.too-long");
      }
    }
    Integer version = integer(params.get("versie"));
    if (!errors.isEmpty() || version == null) {
      return rerender(actor, caseId, model, response, "correction", docId,
          new CasePageController.ActionForm(values, errors, version == null ? "mine.conflict.document" : null),
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    CaseDocument current = document(actor, caseId, docId);
    FunctionalAdvice advice = current.type().carriesFunctionalAdvice()
        ? new FunctionalAdvice(blankToNull(values.get("beperkingen")), blankToNull(values.get("mogelijkheden")),
            blankToNull(values.get("advies")), blankToNull(values.get("aanpassingen")),
            blankToNull(values.get("duur")))
        : null;
    if (advice != null && isEmpty(advice)) {
      advice = null;
    }
    try {
      documents.addVersion(actor, caseId, docId, version, values.get("tekst"), advice);
    } catch (StaleEditException e) {
      return rerender(actor, caseId, model, response, "correction", docId,
          new CasePageController.ActionForm(values, Map.of(), "mine.conflict.document"), HttpStatus.CONFLICT);
    } catch (ConflictException | FieldErrorsException e) {
      return rerender(actor, caseId, model, response, "correction", docId,
          new CasePageController.ActionForm(values, Map.of(), "mine.error.state"), HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("mineNotice", "mine.correct.done");
    return "redirect:" + PATH + "#documenten";
  }

  /** The employee releases the company doctor's document after reading it: now the employer side may read it. */
  @PostMapping(PATH + "/documenten/{documentId}/vrijgeven")
  String release(@PathVariable String documentId, @RequestParam(name = "versie", required = false) String version,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return documentAction(documentId, version, "release", model, response, redirect,
        (actor, caseId, docId, v) -> documents.changeStatus(actor, caseId, docId, v, DocumentStatus.RELEASED),
        "mine.release.done");
  }

  /** The employee signs the released plan of action (or evaluation). */
  @PostMapping(PATH + "/documenten/{documentId}/ondertekenen")
  String sign(@PathVariable String documentId, @RequestParam(name = "versie", required = false) String version,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return documentAction(documentId, version, "sign", model, response, redirect,
        (actor, caseId, docId, v) -> documents.signOff(actor, caseId, docId, v), "mine.sign.done");
  }

  /** The employee's own view for the re-integration report: saved as a draft, or saved and added to the file. */
  @PostMapping(PATH + "/eigen-visie")
  String ownView(@RequestParam(name = "tekst", required = false) String text,
      @RequestParam(name = "document", required = false) String documentId,
      @RequestParam(name = "versie", required = false) String version,
      @RequestParam(name = "actie", required = false) String action,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    Map<String, String> values = Map.of("tekst", text == null ? "" : text);
    String error = text == null || text.isBlank() ? "mine.view.error.required"
        : text.length() > MAX_TEXT ? "mine.correct.error.too-long" : null;
    if (error != null) {
      return rerender(actor, caseId, model, response, "view", "view",
          new CasePageController.ActionForm(values, Map.of("tekst", error), null), HttpStatus.UNPROCESSABLE_ENTITY);
    }
    boolean release = "vrijgeven".equals(action);
    try {
      CaseDocument saved;
      UUID docId = documentId == null || documentId.isBlank() ? null : MyWork.parseId(documentId);
      if (docId == null) {
        saved = documents.create(actor, caseId, DocumentType.EMPLOYEE_VIEW, "Eigen visie", text, null);
      } else {
        Integer expected = integer(version);
        if (expected == null) {
          throw new StaleEditException("document", docId, -1, -1);
        }
        CaseDocument current = document(actor, caseId, docId);
        saved = current.status().released()
            // A released view no longer changes: a new view is a new document, the old one stays in the file.
            ? documents.create(actor, caseId, DocumentType.EMPLOYEE_VIEW, "Eigen visie", text, null)
            : documents.addVersion(actor, caseId, docId, expected, text, null);
      }
      if (release) {
        documents.changeStatus(actor, caseId, saved.id(), saved.version(), DocumentStatus.RELEASED);
      }
    } catch (StaleEditException e) {
      return rerender(actor, caseId, model, response, "view", "view",
          new CasePageController.ActionForm(values, Map.of(), "mine.conflict.document"), HttpStatus.CONFLICT);
    } catch (ConflictException | FieldErrorsException e) {
      return rerender(actor, caseId, model, response, "view", "view",
          new CasePageController.ActionForm(values, Map.of(), "mine.error.state"), HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("mineNotice", release ? "mine.view.released" : "mine.view.saved");
    return "redirect:" + PATH + "#eigen-visie";
  }

  /** Shares or stops sharing one option; a stale version keeps the choice and says what happened. */
  @PostMapping(PATH + "/delen")
  String share(@RequestParam(name = "optie", required = false) String option,
      @RequestParam(name = "delen", required = false) String share,
      @RequestParam(name = "versie", required = false) String version,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    SharingOption chosen = SharingOption.ALL.stream().filter(o -> key(o).equals(option)).findFirst()
        .orElseThrow(PageNotFoundException::new);
    Boolean granted = "ja".equals(share) ? Boolean.TRUE : "nee".equals(share) ? Boolean.FALSE : null;
    Map<String, String> values = Map.of("delen", share == null ? "" : share);
    if (granted == null) {
      return rerender(actor, caseId, model, response, "sharing", key(chosen),
          new CasePageController.ActionForm(values, Map.of("delen", "mine.sharing.error.choose"), null),
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    Integer expected = integer(version);
    try {
      if (expected == null) {
        throw new StaleSharingException(sharing.get(actor, caseId), List.of());
      }
      sharing.update(actor, caseId, expected, List.of(new SharingChange(chosen.domain(), chosen.audience(), granted)));
    } catch (StaleSharingException e) {
      return rerender(actor, caseId, model, response, "sharing", key(chosen),
          new CasePageController.ActionForm(values, Map.of(), "mine.conflict.sharing"), HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("mineNotice", granted ? "mine.sharing.done.shared" : "mine.sharing.done.stopped");
    return "redirect:" + PATH + "#wie-ziet-wat";
  }

  /** Every event of "who looked at my file", newest first, a page at a time. */
  @GetMapping(PATH + "/wie-keek")
  String audit(@RequestParam(name = "pagina", required = false, defaultValue = "1") String pageParam, Model model) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    List<AuditEvent> events = auditNewestFirst(actor, caseId);
    int pages = Math.max(1, (events.size() + AUDIT_ON_PAGE - 1) / AUDIT_ON_PAGE);
    Integer page = integer(pageParam);
    if (page == null || page < 1 || page > pages) {
      throw new PageNotFoundException();
    }
    int from = (page - 1) * AUDIT_ON_PAGE;
    model.addAttribute("events", events.subList(from, Math.min(events.size(), from + AUDIT_ON_PAGE)));
    model.addAttribute("total", events.size());
    model.addAttribute("page", page);
    model.addAttribute("pages", pages);
    return "mijn-traject-wie-keek";
  }

  @FunctionalInterface
  private interface DocumentCall {
    void apply(Actor actor, UUID caseId, UUID documentId, int version);
  }

  private String documentAction(String documentId, String version, String formName, Model model,
      HttpServletResponse response, RedirectAttributes redirect, DocumentCall call, String notice) {
    Actor actor = employee();
    UUID caseId = ownCase(actor);
    UUID docId = MyWork.parseId(documentId);
    Integer expected = integer(version);
    try {
      if (expected == null) {
        throw new StaleEditException("document", docId, -1, -1);
      }
      call.apply(actor, caseId, docId, expected);
    } catch (StaleEditException e) {
      return rerender(actor, caseId, model, response, formName, docId,
          new CasePageController.ActionForm(Map.of(), Map.of(), "mine.conflict.document"), HttpStatus.CONFLICT);
    } catch (ConflictException | FieldErrorsException e) {
      return rerender(actor, caseId, model, response, formName, docId,
          new CasePageController.ActionForm(Map.of(), Map.of(), "mine.error.state"), HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("mineNotice", notice);
    return "redirect:" + PATH + "#documenten";
  }

  private String rerender(Actor actor, UUID caseId, Model model, HttpServletResponse response, String formName,
      Object target, CasePageController.ActionForm form, HttpStatus status) {
    populate(actor, caseId, model, formName, new BoundForm(String.valueOf(target), form));
    response.setStatus(status.value());
    return "mijn-traject";
  }

  private void populate(Actor actor, UUID caseId, Model model, String formName, BoundForm form) {
    CaseDetail detail = caseload.detail(actor, caseId);
    LocalDate today = work.today();
    model.addAttribute("caseId", caseId);
    model.addAttribute("view", detail.summary());
    model.addAttribute("timeline", CasePageController.timeline(detail.sickPeriods(),
        detail.summary().firstSickDay(), today));
    model.addAttribute("upcoming", CasePageController.deadlineRows(detail.deadlines(), today).stream()
        .filter(r -> r.state().equals("due") || r.state().equals("overdue"))
        .toList());
    model.addAttribute("steps", work.steps(actor, detail.summary()));
    model.addAttribute("goals", goals.list(actor, caseId));

    List<DocumentRow> review = new ArrayList<>();
    List<DocumentRow> toSign = new ArrayList<>();
    List<DocumentRow> toRead = new ArrayList<>();
    CaseDocument ownView = null;
    for (CaseDocument doc : documents.listWithVersions(actor, caseId)) {
      if (doc.type() == DocumentType.EMPLOYEE_VIEW) {
        ownView = doc;
        continue;
      }
      int number = doc.current() == null ? 0 : doc.current().number();
      boolean signedByMe = doc.signOffs().stream()
          .anyMatch(s -> s.versionNumber() == number && s.userId().equals(actor.userId()));
      DocumentRow row = new DocumentRow(doc, signedByMe,
          doc.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW,
          doc.type().coSigned() && doc.status() == DocumentStatus.RELEASED && !signedByMe);
      if (doc.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW) {
        review.add(row);
      } else if (row.maySign()) {
        toSign.add(row);
      } else if (doc.status().released()) {
        toRead.add(row);
      }
    }
    toRead.sort(Comparator.comparing((DocumentRow r) -> r.document().updatedAt(),
        Comparator.nullsLast(Comparator.reverseOrder())));
    model.addAttribute("reviewDocs", review);
    model.addAttribute("signDocs", toSign);
    model.addAttribute("readDocs", toRead);
    model.addAttribute("ownView", ownView);

    Sharing settings = sharing.get(actor, caseId);
    List<SharingRow> rows = new ArrayList<>();
    for (SharingSetting setting : settings.settings()) {
      String key = key(new SharingOption(setting.domain(), setting.audience()));
      boolean bound = "sharing".equals(formName) && form != null && form.target().equals(key);
      String typed = bound ? form.form().value("delen") : "";
      rows.add(new SharingRow(key, setting, "ja".equals(typed) ? Boolean.TRUE : "nee".equals(typed) ? Boolean.FALSE
          : null, bound ? form.form().formError() : null));
    }
    model.addAttribute("sharing", settings);
    model.addAttribute("sharingRows", rows);
    model.addAttribute("domains", DOMAINS);
    model.addAttribute("audiences", Audience.values());

    List<AuditEvent> events = auditNewestFirst(actor, caseId);
    model.addAttribute("auditEvents", events.subList(0, Math.min(AUDIT_ON_PAGE, events.size())));
    model.addAttribute("auditTotal", events.size());

    model.addAttribute("adviceFields", ADVICE_FIELDS);
    model.addAttribute("formName", formName);
    model.addAttribute("boundForm", form);
    model.addAttribute("formFailed", form != null && form.form().hasErrors());
  }

  private List<AuditEvent> auditNewestFirst(Actor actor, UUID caseId) {
    policy.checkOwnFile(actor, caseId, Access.READ, "audit trail");
    List<AuditEvent> events = new ArrayList<>(auditTrail.forCase(caseId));
    events.sort(Comparator.comparing(AuditEvent::occurredAt).thenComparing(AuditEvent::id).reversed());
    return events;
  }

  private CaseDocument document(Actor actor, UUID caseId, UUID documentId) {
    return documents.get(actor, caseId, documentId);
  }

  private Actor employee() {
    Actor actor = currentActor.get();
    if (!journey.mayOpen(actor)) {
      throw policy.roleRefusal(actor, null, "Mijn traject");
    }
    return actor;
  }

  private UUID ownCase(Actor actor) {
    return journey.ownCase(actor).orElseThrow(PageNotFoundException::new);
  }

  static String key(SharingOption option) {
    return option.domain().name() + "." + option.audience().name();
  }

  private static boolean isEmpty(FunctionalAdvice a) {
    return a.limitations() == null && a.remainingAbilities() == null && a.advice() == null && a.adjustments() == null
        && a.expectedDuration() == null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Integer integer(String value) {
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
