package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseDetail;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.StaleCaseException;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyEvents;
import nl.bluevitaal.poortwachter.SickPeriod;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.PlausibleDates;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page ({@code /dossiers/{caseId}}): who and where, the 104-week timeline with the legal deadlines, the
 * caller's open steps, the parts of the file the policy lets the caller read, and for whoever may write domain A
 * (the counsellor) the events that change the journey: partial or full recovery and an extension of wage payment.
 */
@Controller
class CasePageController {

  static final String PATH = "/dossiers";
  /** The length of the poortwachter journey the bar shows; extensions show as later deadlines. */
  static final int JOURNEY_WEEKS = 104;
  static final int MAX_EXTENSION_WEEKS = 52;

  /** How far the employee is on the journey: counted sick days (recovered gaps not counted). */
  record Timeline(long daysSick, int week, int maxWeeks, LocalDate firstSickDay, boolean ongoing) {

    public int barValue() {
      return Math.min(week, maxWeeks);
    }
  }

  /** One legal deadline as the page shows it. */
  record DeadlineRow(CaseDeadline deadline, String state) {
  }

  /** A form on the case page: what was typed, per field the message key of its error, and one for the form. */
  record ActionForm(Map<String, String> values, Map<String, String> errors, String formError) {

    static ActionForm empty() {
      return new ActionForm(Map.of(), Map.of(), null);
    }

    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public boolean hasErrors() {
      return !errors.isEmpty() || formError != null;
    }
  }

  private final Caseload caseload;
  private final MyWork work;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;
  private final JourneyEvents events;
  private final CaseDocuments documents;
  private final Goals goals;
  private final ContactMoments contactMoments;
  private final SupportNetwork supportNetwork;
  private final MedicalNotes medicalNotes;

  CasePageController(Caseload caseload, MyWork work, AccessPolicy policy, CurrentActor currentActor,
      JourneyEvents events, CaseDocuments documents, Goals goals, ContactMoments contactMoments,
      SupportNetwork supportNetwork, MedicalNotes medicalNotes) {
    this.caseload = caseload;
    this.work = work;
    this.policy = policy;
    this.currentActor = currentActor;
    this.events = events;
    this.documents = documents;
    this.goals = goals;
    this.contactMoments = contactMoments;
    this.supportNetwork = supportNetwork;
    this.medicalNotes = medicalNotes;
  }

  @GetMapping(PATH + "/{caseId}")
  String page(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    if (actor.isIn(Groups.LINE_MANAGER) && !actor.isIn(Groups.COUNSELLOR) && !actor.isIn(Groups.COMPANY_DOCTOR)) {
      // The line manager's view of a case is the team page: functional information and the plan, nothing more.
      return "redirect:/team/" + MyWork.parseId(caseId);
    }
    populate(actor, MyWork.parseId(caseId), model);
    return "case";
  }

  @PostMapping(PATH + "/{caseId}/gedeeltelijk-herstel")
  String partialRecovery(@PathVariable String caseId, @RequestParam(name = "percentage", required = false) String pct,
      @RequestParam(name = "versie", required = false) String version,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireWrite(actor, id, "partial recovery");
    Map<String, String> values = Map.of("percentage", pct == null ? "" : pct);
    Integer percentage = integer(pct, 0, 100);
    if (percentage == null) {
      return rerender(actor, id, model, response, "partialForm",
          new ActionForm(values, Map.of("percentage", "case.partial.error"), null), HttpStatus.UNPROCESSABLE_ENTITY);
    }
    Integer expectedVersion = integer(version, 0, Integer.MAX_VALUE);
    if (expectedVersion == null) {
      return rerender(actor, id, model, response, "partialForm",
          new ActionForm(values, Map.of(), "case.conflict"), HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      events.partialRecovery(id, percentage, expectedVersion);
    } catch (StaleCaseException e) {
      return rerender(actor, id, model, response, "partialForm",
          new ActionForm(values, Map.of(), "case.conflict"), HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.partial.done");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/volledig-herstel")
  String fullRecovery(@PathVariable String caseId, @RequestParam(name = "datum", required = false) String date,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireWrite(actor, id, "full recovery");
    Map<String, String> values = Map.of("datum", date == null ? "" : date);
    LocalDate recoveredOn = null;
    String error = null;
    PlausibleDates.TypedDate typed = PlausibleDates.read(date);
    if (typed.problem() != null) {
      error = typed.problem() == PlausibleDates.Problem.OUT_OF_RANGE ? "doc.error.date-range"
          : "case.recovery.error.date";
    } else {
      recoveredOn = typed.date();
    }
    if (error == null && recoveredOn == null) {
      error = "case.recovery.error.required";
    } else if (error == null && recoveredOn.isAfter(work.today())) {
      error = "case.recovery.error.future";
    }
    if (error != null) {
      return rerender(actor, id, model, response, "recoveryForm",
          new ActionForm(values, Map.of("datum", error), null), HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      events.fullRecovery(id, recoveredOn);
    } catch (IllegalArgumentException e) {
      return rerender(actor, id, model, response, "recoveryForm",
          new ActionForm(values, Map.of("datum", "case.recovery.error.before-sick"), null),
          HttpStatus.UNPROCESSABLE_ENTITY);
    } catch (IllegalStateException e) {
      return rerender(actor, id, model, response, "recoveryForm",
          new ActionForm(values, Map.of(), "case.recovery.error.state"), HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.recovery.done");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/loondoorbetaling")
  String extension(@PathVariable String caseId,
      @RequestParam(name = "vrijwillig", required = false) String voluntary,
      @RequestParam(name = "sanctie", required = false) String sanction,
      @RequestParam(name = "versie", required = false) String version,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireWrite(actor, id, "wage payment extension");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("vrijwillig", voluntary == null ? "" : voluntary);
    values.put("sanctie", sanction == null ? "" : sanction);
    Integer voluntaryWeeks = integer(blankAsZero(voluntary), 0, MAX_EXTENSION_WEEKS);
    Integer sanctionWeeks = integer(blankAsZero(sanction), 0, MAX_EXTENSION_WEEKS);
    Integer expectedVersion = integer(version, 0, Integer.MAX_VALUE);
    Map<String, String> errors = new LinkedHashMap<>();
    if (voluntaryWeeks == null) {
      errors.put("vrijwillig", "case.extension.error.weeks");
    }
    if (sanctionWeeks == null) {
      errors.put("sanctie", "case.extension.error.weeks");
    }
    if (!errors.isEmpty() || expectedVersion == null) {
      return rerender(actor, id, model, response, "extensionForm",
          new ActionForm(values, errors, expectedVersion == null ? "case.conflict" : null),
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      events.wagePaymentExtended(id, voluntaryWeeks, sanctionWeeks, expectedVersion);
    } catch (StaleCaseException e) {
      // The form comes back with what was typed and the current version: sending it again is a conscious choice.
      return rerender(actor, id, model, response, "extensionForm",
          new ActionForm(values, Map.of(), "case.conflict"), HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.extension.done");
    return "redirect:" + PATH + "/" + id;
  }

  private String rerender(Actor actor, UUID id, Model model, HttpServletResponse response, String formName,
      ActionForm form, HttpStatus status) {
    populate(actor, id, model);
    model.addAttribute(formName, form);
    response.setStatus(status.value());
    return "case";
  }

  private void populate(Actor actor, UUID id, Model model) {
    CaseParties parties = policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "case page");
    CaseDetail detail = caseload.detail(actor, id);
    LocalDate today = work.today();
    boolean canWrite = policy.permits(actor, parties, Domain.ADMINISTRATIVE, Access.WRITE);
    model.addAttribute("detail", detail);
    model.addAttribute("view", detail.summary());
    model.addAttribute("timeline", timeline(detail.sickPeriods(), detail.summary().firstSickDay(), today));
    model.addAttribute("deadlines", deadlineRows(detail.deadlines(), today));
    model.addAttribute("steps", work.steps(actor, detail.summary()));
    model.addAttribute("canWrite", canWrite);
    model.addAttribute("today", today);
    model.addAttribute("isOpen", detail.summary().status() == CaseStatus.OPEN);
    model.addAttribute("documents", section(actor, parties, Domain.REINTEGRATION, () -> documents.list(actor, id)));
    model.addAttribute("goals", section(actor, parties, Domain.REINTEGRATION, () -> goals.list(actor, id)));
    model.addAttribute("contactMoments",
        section(actor, parties, Domain.REINTEGRATION, () -> contactMoments.list(actor, id)));
    model.addAttribute("supportContacts",
        section(actor, parties, Domain.SUPPORT_NETWORK, () -> supportNetwork.list(actor, id)));
    model.addAttribute("medicalNotes",
        section(actor, parties, Domain.MEDICAL, () -> medicalNotes.list(actor, id)));
    model.addAttribute("partialForm", ActionForm.empty());
    model.addAttribute("recoveryForm", ActionForm.empty());
    model.addAttribute("extensionForm", ActionForm.empty());
  }

  /** A part of the file the caller may read, or null when they may not (the page then leaves it out). */
  private <T> List<T> section(Actor actor, CaseParties parties, Domain domain, Supplier<List<T>> read) {
    if (!policy.permits(actor, parties, domain, Access.READ)) {
      return null;
    }
    try {
      return read.get();
    } catch (CaseAccessDeniedException e) {
      return null;
    }
  }

  private void requireWrite(Actor actor, UUID id, String what) {
    policy.check(actor, id, Domain.ADMINISTRATIVE, Access.WRITE, what);
  }

  static Timeline timeline(List<SickPeriod> periods, LocalDate firstSickDay, LocalDate today) {
    long days = 0;
    boolean ongoing = false;
    for (SickPeriod period : periods) {
      LocalDate end = period.recoveredOn() != null ? period.recoveredOn() : today.plusDays(1);
      ongoing |= period.recoveredOn() == null;
      if (end.isAfter(period.sickFrom())) {
        days += ChronoUnit.DAYS.between(period.sickFrom(), end);
      }
    }
    int week = days == 0 ? 0 : (int) ((days - 1) / 7) + 1;
    return new Timeline(days, week, JOURNEY_WEEKS, firstSickDay, ongoing);
  }

  static List<DeadlineRow> deadlineRows(List<CaseDeadline> deadlines, LocalDate today) {
    List<DeadlineRow> rows = new ArrayList<>();
    for (CaseDeadline deadline : deadlines.stream().sorted(Comparator.comparing(CaseDeadline::milestone)).toList()) {
      String state;
      if (deadline.metOn() != null) {
        state = "met";
      } else if (deadline.dueOn() == null) {
        state = "none";
      } else if (deadline.overdue() || deadline.dueOn().isBefore(today)) {
        state = "overdue";
      } else {
        state = "due";
      }
      rows.add(new DeadlineRow(deadline, state));
    }
    return rows;
  }

  private static String blankAsZero(String value) {
    return value == null || value.isBlank() ? "0" : value;
  }

  private static Integer integer(String value, int min, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      return parsed < min || parsed > max ? null : parsed;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
