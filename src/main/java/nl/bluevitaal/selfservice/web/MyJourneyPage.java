package nl.bluevitaal.selfservice.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseDetail;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentActions;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentText;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.SickPaySchedule;
import nl.bluevitaal.casefile.SignOff;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSections;
import nl.bluevitaal.web.PageView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The "Mijn traject" page as a whole, for a person who is unwell: first what waits for them ("Te doen", the same
 * {@link MyJourney.ToDo} the start page counts) and, right under it, who will call them (slot
 * {@code mijn-traject.contact}), then where they stand with the people they can reach, their goals
 * and the ways to their tools; the rest folded: documents to read, pay during sickness, their own view, what the law
 * says, and what other modules contribute (who sees what and who looked: slots {@code mijn-traject.sharing} and
 * {@code mijn-traject.audit}; what the employee may ask for at any time: slot {@code mijn-traject.requests}). Shown by
 * its own controller, and again by a contributor whose form failed, with that form's state.
 */
@Component
class MyJourneyPage implements PageView {

  static final String PAGE = "mijn-traject";
  static final String VIEW = "selfservice/mijn-traject";
  /** The request state of one of this page's own forms that came back. */
  static final String BOUND_FORM = "selfservice.form";

  /** A form of this page bound to one thing on it (a document, or the own view), with its state. */
  record BoundForm(String name, String target, FormState form) {
  }

  /**
   * A document for the employee, with what they may do with it now, its text as they read it, and who signed its
   * current version by name.
   */
  record DocumentRow(CaseDocument document, boolean signedByMe, DocumentActions actions,
      List<DocumentText.Section> sections, List<String> signedBy) {

    /** The text's sections as the employee corrects them: plain text, never the stored markup. */
    public List<Correction.Field> correctable() {
      return Correction.fields(document);
    }

    /** The text of each correctable section by its name, as the correction form starts with it. */
    public Map<String, String> correctableValues() {
      return Correction.values(document);
    }

    /** The label keys of a field of the correction form by its form name: a section's, else the advice's. */
    public List<String> labelKeys(String inputName) {
      return correctable().stream().filter(f -> f.inputName().equals(inputName)).findFirst()
          .map(Correction.Field::labelKeys).orElse(List.of("mine.correct.label." + inputName, "mine.correct.label." + inputName));
    }

    public FunctionalAdvice advice() {
      return document.current() == null ? null : document.current().functionalAdvice();
    }

    /** An advice answer by its form name ({@link DocumentContent#ADVICE_FIELDS}). */
    public String adviceValue(String field) {
      return DocumentContent.values(document.current()).getOrDefault(field, "");
    }
  }

  private final CurrentActor currentActor;
  private final Caseload caseload;
  private final CaseDocuments documents;
  private final Goals goals;
  private final PageSections sections;
  private final MyJourney journey;

  MyJourneyPage(CurrentActor currentActor, Caseload caseload, CaseDocuments documents, Goals goals,
      PageSections sections, MyJourney journey) {
    this.currentActor = currentActor;
    this.caseload = caseload;
    this.documents = documents;
    this.goals = goals;
    this.sections = sections;
    this.journey = journey;
  }

  @Override
  public String page() {
    return PAGE;
  }

  @Override
  public String render(PageSection.Request request, Model model) {
    Actor actor = currentActor.get();
    UUID caseId = request.caseId();
    CaseDetail detail = caseload.detail(actor, caseId);
    LocalDate today = journey.today();
    model.addAttribute("caseId", caseId);
    model.addAttribute("view", detail.summary());
    model.addAttribute("progress", detail.progress());
    model.addAttribute("today", today);
    List<CaseDeadline> upcoming = detail.deadlines().stream()
        .filter(d -> d.state(today) == CaseDeadline.State.DUE || d.state(today) == CaseDeadline.State.OVERDUE)
        .sorted(Comparator.comparing(CaseDeadline::milestone))
        .toList();
    model.addAttribute("upcoming", upcoming);
    model.addAttribute("nextDeadline", upcoming.isEmpty() ? null : upcoming.get(0));
    model.addAttribute("people", journey.people(detail.summary()));
    model.addAttribute("careUnit", journey.careUnit());
    SickPaySchedule pay = caseload.sickPay(actor, caseId);
    model.addAttribute("pay", pay);
    model.addAttribute("payNow", pay.periodOn(today));
    model.addAttribute("payMoved", detail.sickPeriods().size() > 1);
    // Open goals first: the summary shows a few, the goals page all of them.
    model.addAttribute("goals", goals.list(actor, caseId).stream()
        .sorted(Comparator.comparing((Goal g) -> g.status() != Goal.Status.OPEN)).toList());
    documents(actor, detail, model);
    model.addAttribute("adviceFields", DocumentContent.ADVICE_FIELDS);
    BoundForm bound = request.state().get(BOUND_FORM) instanceof BoundForm b ? b : null;
    model.addAttribute("boundForm", bound);
    model.addAttribute("formName", bound == null ? null : bound.name());
    model.addAttribute("formFailed", !request.state().isEmpty());
    model.addAttribute("noticeSections", sections.render(PAGE + ".notices", request));
    model.addAttribute("contactSections", sections.render(PAGE + ".contact", request));
    model.addAttribute("checkInSections", sections.render(PAGE + ".check-in", request));
    model.addAttribute("requestSections", sections.render(PAGE + ".requests", request));
    model.addAttribute("sharingSections", sections.render(PAGE + ".sharing", request));
    model.addAttribute("auditSections", sections.render(PAGE + ".audit", request));
    return VIEW;
  }

  /**
   * What waits ("Te doen", each item with its document when it has one), the documents to read (newest first; one
   * that may still be signed says so inside it) and the employee's own view.
   */
  private void documents(Actor actor, CaseDetail detail, Model model) {
    UUID caseId = detail.summary().id();
    List<CaseDocument> all = documents.listWithVersions(actor, caseId);
    Map<UUID, DocumentActions> actions = documents.actions(actor, caseId, all);
    Map<String, String> names = journey.names(all.stream().flatMap(d -> d.signOffs().stream())
        .map(SignOff::userId));
    Map<UUID, DocumentRow> rows = new LinkedHashMap<>();
    CaseDocument ownView = null;
    for (CaseDocument doc : all) {
      if (doc.type() == DocumentType.EMPLOYEE_VIEW) {
        ownView = doc;
        continue;
      }
      rows.put(doc.id(), row(actor, doc, actions.get(doc.id()), names));
    }
    MyJourney.ToDo toDo = journey.toDo(actor, detail.summary(), all);
    List<ToDoRow> toDoRows = toDo.items().stream()
        .map(item -> new ToDoRow(item, item.documentId() == null ? null : rows.get(item.documentId())))
        .toList();
    List<UUID> waiting = toDo.items().stream().map(MyJourney.ToDoItem::documentId).filter(Objects::nonNull).toList();
    List<DocumentRow> toRead = rows.values().stream()
        .filter(r -> !waiting.contains(r.document().id()) && r.document().status().released())
        .sorted(Comparator.comparing((DocumentRow r) -> r.document().updatedAt(),
            Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
    model.addAttribute("toDo", toDoRows);
    model.addAttribute("readDocs", toRead);
    model.addAttribute("ownView", ownView);
  }

  /** The document as the employee reads and handles it; {@code names} has every signer's display name. */
  static DocumentRow row(Actor actor, CaseDocument doc, DocumentActions actions, Map<String, String> names) {
    int number = doc.current() == null ? 0 : doc.current().number();
    List<SignOff> current = doc.signOffs().stream().filter(s -> s.versionNumber() == number).toList();
    boolean signedByMe = current.stream().anyMatch(s -> s.userId().equals(actor.userId()));
    List<String> signedBy = current.stream().filter(s -> !s.userId().equals(actor.userId()))
        .map(s -> names.get(s.userId())).distinct().toList();
    return new DocumentRow(doc, signedByMe, actions, DocumentText.of(doc), signedBy);
  }

  /** One thing that waits, with its document as the employee reads and handles it (null without one). */
  record ToDoRow(MyJourney.ToDoItem item, DocumentRow document) {
  }
}
