package nl.bluevitaal.selfservice.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseDetail;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentActions;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.SickPaySchedule;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSections;
import nl.bluevitaal.web.PageView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The "Mijn traject" page as a whole: where the employee stands, what comes next, their pay during sickness, their
 * goals, the documents waiting for them, their own view, and what other modules contribute (who sees what and who
 * looked: slots {@code mijn-traject.sharing} and {@code mijn-traject.audit}; what the employee may ask for at any
 * time: slot {@code mijn-traject.requests}). Shown by its own controller, and again
 * by a contributor whose form failed, with that form's state.
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

  /** A document for the employee, with what they may do with it now. */
  record DocumentRow(CaseDocument document, boolean signedByMe, DocumentActions actions) {

    public String text() {
      return document.current() == null ? "" : document.current().content();
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
  private final MySteps steps;
  private final PageSections sections;
  private final MyJourney journey;

  MyJourneyPage(CurrentActor currentActor, Caseload caseload, CaseDocuments documents, Goals goals, MySteps steps,
      PageSections sections, MyJourney journey) {
    this.currentActor = currentActor;
    this.caseload = caseload;
    this.documents = documents;
    this.goals = goals;
    this.steps = steps;
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
    model.addAttribute("upcoming", detail.deadlines().stream()
        .filter(d -> d.state(today) == CaseDeadline.State.DUE || d.state(today) == CaseDeadline.State.OVERDUE)
        .sorted(Comparator.comparing(CaseDeadline::milestone))
        .toList());
    model.addAttribute("steps", steps.steps(actor, detail.summary()));
    SickPaySchedule pay = caseload.sickPay(actor, caseId);
    model.addAttribute("pay", pay);
    model.addAttribute("payNow", pay.periodOn(today));
    model.addAttribute("payMoved", detail.sickPeriods().size() > 1);
    model.addAttribute("goals", goals.list(actor, caseId));
    documents(actor, caseId, model);
    model.addAttribute("adviceFields", DocumentContent.ADVICE_FIELDS);
    BoundForm bound = request.state().get(BOUND_FORM) instanceof BoundForm b ? b : null;
    model.addAttribute("boundForm", bound);
    model.addAttribute("formName", bound == null ? null : bound.name());
    model.addAttribute("formFailed", !request.state().isEmpty());
    model.addAttribute("requestSections", sections.render(PAGE + ".requests", request));
    model.addAttribute("sharingSections", sections.render(PAGE + ".sharing", request));
    model.addAttribute("auditSections", sections.render(PAGE + ".audit", request));
    return VIEW;
  }

  /** The documents by what waits: under the employee's review, to sign, to read; and their own view. */
  private void documents(Actor actor, UUID caseId, Model model) {
    List<CaseDocument> all = documents.listWithVersions(actor, caseId);
    Map<UUID, DocumentActions> actions = documents.actions(actor, caseId, all);
    List<DocumentRow> review = new ArrayList<>();
    List<DocumentRow> toSign = new ArrayList<>();
    List<DocumentRow> toRead = new ArrayList<>();
    CaseDocument ownView = null;
    for (CaseDocument doc : all) {
      if (doc.type() == DocumentType.EMPLOYEE_VIEW) {
        ownView = doc;
        continue;
      }
      int number = doc.current() == null ? 0 : doc.current().number();
      boolean signedByMe = doc.signOffs().stream()
          .anyMatch(s -> s.versionNumber() == number && s.userId().equals(actor.userId()));
      DocumentRow row = new DocumentRow(doc, signedByMe, actions.get(doc.id()));
      if (doc.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW) {
        review.add(row);
      } else if (row.actions().sign()) {
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
  }
}
