package nl.bluevitaal.casefile.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nl.bluevitaal.casefile.CaseActions;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseDetail;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.InvalidInputException;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.ServiceRelated;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.poortwachter.DeadlineEngine;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import nl.bluevitaal.web.Ids;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSections;
import nl.bluevitaal.web.PlausibleDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page ({@code /dossiers/{caseId}}): who and where, the journey's progress with the legal deadlines, the parts
 * of the file the policy lets the caller read, what other modules contribute (the caller's open steps: slot
 * {@code case.steps}), and for whoever may write domain A (the counsellor) the events that change the journey:
 * partial or full recovery, an extension of wage payment, the day UWV received the 42-week notification and pregnancy
 * and birth leave. Each is one use case of the case file, which the journey
 * hears of; a form that fails comes back with what was typed.
 */
@Controller
class CasePageController {

  static final String PATH = "/dossiers";
  static final String STEPS_SLOT = "case.steps";

  /** Work capacity from today: a whole percentage, quoting the case version the form was based on. */
  record PartialRecoveryForm(
      @NotNull(message = "case.partial.error") @Min(value = 0, message = "case.partial.error")
      @Max(value = 100, message = "case.partial.error") Integer percentage,
      Integer versie) {
  }

  /**
   * The first day of full work again. ISO like the date input sends and shows it: without it a form that comes back
   * holds the date in the locale's format, which the date input cannot show, and the typed date is lost.
   */
  record FullRecoveryForm(
      @NotNull(message = "case.recovery.error.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
      LocalDate datum) {
  }

  /** Weeks of voluntary extension and of wage sanction (blank is none), quoting the case version. */
  record ExtensionForm(
      @Min(value = 0, message = "case.extension.error.weeks")
      @Max(value = DeadlineEngine.MAX_EXTENSION_WEEKS, message = "case.extension.error.weeks") Integer vrijwillig,
      @Min(value = 0, message = "case.extension.error.weeks")
      @Max(value = DeadlineEngine.MAX_EXTENSION_WEEKS, message = "case.extension.error.weeks") Integer sanctie,
      Integer versie) {
  }

  /** The day UWV received the 42-week notification (ISO, as the date input sends it), quoting the case version. */
  record UwvNotificationForm(
      @NotNull(message = "case.uwv.error.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
      LocalDate ontvangen,
      Integer versie) {
  }

  /** Pregnancy and birth leave: its first and its last day. */
  record LeaveForm(
      @NotNull(message = "case.leave.error.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
      LocalDate van,
      @NotNull(message = "case.leave.error.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
      LocalDate tot) {
  }

  /** The case file's field names as the leave form names them. */
  private static final Map<String, String> LEAVE_FIELDS = Map.of("from", "van", "to", "tot");

  /** Whether the illness is caused by the service, quoting the case version. */
  record ServiceRelatedForm(@NotNull(message = "case.service.error.required") ServiceRelated dienst, Integer versie) {
  }

  private final Caseload caseload;
  private final MyCases work;
  private final AccessPolicy policy;
  private final CurrentActor currentActor;
  private final CaseDocuments documents;
  private final Goals goals;
  private final ContactMoments contactMoments;
  private final SupportNetwork supportNetwork;
  private final MedicalNotes medicalNotes;
  private final PageSections sections;
  private final Forms forms;

  CasePageController(Caseload caseload, MyCases work, AccessPolicy policy, CurrentActor currentActor,
      CaseDocuments documents, Goals goals, ContactMoments contactMoments, SupportNetwork supportNetwork,
      MedicalNotes medicalNotes, PageSections sections, Forms forms) {
    this.caseload = caseload;
    this.work = work;
    this.policy = policy;
    this.currentActor = currentActor;
    this.documents = documents;
    this.goals = goals;
    this.contactMoments = contactMoments;
    this.supportNetwork = supportNetwork;
    this.medicalNotes = medicalNotes;
    this.sections = sections;
    this.forms = forms;
  }

  @GetMapping(PATH + "/{caseId}")
  String page(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    if (actor.isIn(Groups.LINE_MANAGER) && !actor.isIn(Groups.COUNSELLOR) && !actor.isIn(Groups.COMPANY_DOCTOR)) {
      // The line manager's view of a case is the team page: functional information and the plan, nothing more.
      return "redirect:" + TeamController.PATH + "/" + id;
    }
    return populate(actor, id, model);
  }

  @PostMapping(PATH + "/{caseId}/gedeeltelijk-herstel")
  String partialRecovery(@PathVariable String caseId, @Valid PartialRecoveryForm form, BindingResult result,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireWrite(actor, id, "partial recovery");
    FormState state = forms.state(result, "percentage");
    if (result.hasErrors() || form.versie() == null) {
      return again(actor, id, model, response, "partialForm",
          form.versie() == null && !result.hasErrors() ? state.withFormError("case.conflict") : state,
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      caseload.recordWorkCapacity(actor, id, form.percentage(), null, form.versie());
    } catch (StaleEditException e) {
      return again(actor, id, model, response, "partialForm", state.withFormError("case.conflict"),
          HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.partial.done");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/volledig-herstel")
  String fullRecovery(@PathVariable String caseId, @Valid FullRecoveryForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireWrite(actor, id, "full recovery");
    FormState state = forms.state(result, "datum");
    if (!result.hasErrors() && form.datum().isAfter(work.today())) {
      state = state.withError("datum", "case.recovery.error.future");
    }
    if (state.hasErrors()) {
      return again(actor, id, model, response, "recoveryForm", state, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      caseload.reportFullRecovery(actor, id, form.datum());
    } catch (InvalidInputException e) {
      return again(actor, id, model, response, "recoveryForm",
          state.withError("datum", "case.recovery.error.before-sick"), HttpStatus.UNPROCESSABLE_ENTITY);
    } catch (InvalidStateException e) {
      return again(actor, id, model, response, "recoveryForm", state.withFormError("case.recovery.error.state"),
          HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.recovery.done");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/loondoorbetaling")
  String extension(@PathVariable String caseId, @Valid ExtensionForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireWrite(actor, id, "wage payment extension");
    FormState state = forms.state(result, "vrijwillig", "sanctie");
    if (result.hasErrors() || form.versie() == null) {
      return again(actor, id, model, response, "extensionForm",
          form.versie() == null ? state.withFormError("case.conflict") : state, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      caseload.extendWagePayment(actor, id, form.vrijwillig() == null ? 0 : form.vrijwillig(),
          form.sanctie() == null ? 0 : form.sanctie(), form.versie());
    } catch (StaleEditException e) {
      // The form comes back with what was typed and the current version: sending it again is a conscious choice.
      return again(actor, id, model, response, "extensionForm", state.withFormError("case.conflict"),
          HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.extension.done");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/uwv-ziekmelding")
  String uwvNotification(@PathVariable String caseId, @Valid UwvNotificationForm form, BindingResult result,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireWrite(actor, id, "UWV notification receipt");
    FormState state = forms.state(result, "ontvangen");
    if (!result.hasErrors() && form.ontvangen().isAfter(work.today())) {
      state = state.withError("ontvangen", "case.uwv.error.future");
    }
    if (state.hasErrors() || form.versie() == null) {
      return again(actor, id, model, response, "uwvForm",
          form.versie() == null && !state.hasErrors() ? state.withFormError("case.conflict") : state,
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      caseload.recordUwvNotification(actor, id, form.ontvangen(), form.versie());
    } catch (StaleEditException e) {
      return again(actor, id, model, response, "uwvForm", state.withFormError("case.conflict"), HttpStatus.CONFLICT);
    } catch (InvalidInputException e) {
      // The only rule the form cannot check itself: the notification came before the case's first sick day.
      return again(actor, id, model, response, "uwvForm", state.withError("ontvangen", "case.uwv.error.before-sick"),
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    redirect.addFlashAttribute("caseNotice", "case.uwv.done");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/verlof")
  String leave(@PathVariable String caseId, @Valid LeaveForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireWrite(actor, id, "pregnancy and birth leave");
    FormState state = forms.state(result, "van", "tot");
    if (!result.hasErrors() && form.tot().isBefore(form.van())) {
      state = state.withError("tot", "case.leave.error.order");
    }
    if (state.hasErrors()) {
      return again(actor, id, model, response, "leaveForm", state, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      caseload.recordLeave(actor, id, form.van(), form.tot());
    } catch (InvalidInputException e) {
      // What is left after the form's own checks is an overlap with a sick period or another leave.
      for (String field : e.fieldErrors().keySet()) {
        state = state.withError(LEAVE_FIELDS.getOrDefault(field, "van"), "case.leave.error.overlap");
      }
      return again(actor, id, model, response, "leaveForm", state, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    redirect.addFlashAttribute("caseNotice", "case.leave.done");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/verlof/{leaveId}/verwijderen")
  String removeLeave(@PathVariable String caseId, @PathVariable String leaveId, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    UUID leave = Ids.parse(leaveId);
    requireWrite(actor, id, "pregnancy and birth leave");
    try {
      caseload.removeLeave(actor, id, leave);
    } catch (InvalidStateException e) {
      return again(actor, id, model, response, "leaveForm", FormState.empty().withFormError("case.leave.error.remove"),
          HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.leave.removed");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{caseId}/dienstgerelateerd")
  String serviceRelated(@PathVariable String caseId, @Valid ServiceRelatedForm form, BindingResult result,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    requireWrite(actor, id, "service-related");
    FormState state = forms.state(result, "dienst");
    if (result.hasErrors() || form.versie() == null) {
      return again(actor, id, model, response, "serviceForm",
          form.versie() == null && !result.hasErrors() ? state.withFormError("case.conflict") : state,
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    try {
      caseload.recordServiceRelated(actor, id, form.dienst(), form.versie());
    } catch (StaleEditException e) {
      return again(actor, id, model, response, "serviceForm", state.withFormError("case.conflict"),
          HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("caseNotice", "case.service.done");
    return "redirect:" + PATH + "/" + id;
  }

  private String again(Actor actor, UUID id, Model model, HttpServletResponse response, String formName,
      FormState form, HttpStatus status) {
    String view = populate(actor, id, model);
    model.addAttribute(formName, form);
    response.setStatus(status.value());
    return view;
  }

  private String populate(Actor actor, UUID id, Model model) {
    CaseParties parties = policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "case page");
    CaseDetail detail = caseload.detail(actor, id);
    CaseActions actions = caseload.actions(actor, id);
    model.addAttribute("detail", detail);
    model.addAttribute("view", detail.summary());
    model.addAttribute("progress", detail.progress());
    model.addAttribute("deadlines", byMilestone(detail.deadlines()));
    model.addAttribute("today", work.today());
    model.addAttribute("stepSections", sections.render(STEPS_SLOT, PageSection.Request.of(id)));
    model.addAttribute("actions", actions);
    model.addAttribute("newDocuments", actions.newDocuments().stream().sorted().toList());
    model.addAttribute("isOpen", detail.summary().status() == CaseStatus.OPEN);
    model.addAttribute("documents", section(actor, parties, Domain.REINTEGRATION, () -> documents.list(actor, id)));
    model.addAttribute("goals", section(actor, parties, Domain.REINTEGRATION, () -> goals.list(actor, id)));
    model.addAttribute("contactMoments",
        section(actor, parties, Domain.REINTEGRATION, () -> contactMoments.list(actor, id)));
    model.addAttribute("supportContacts",
        section(actor, parties, Domain.SUPPORT_NETWORK, () -> supportNetwork.list(actor, id)));
    model.addAttribute("medicalNotes",
        section(actor, parties, Domain.MEDICAL, () -> medicalNotes.list(actor, id)));
    model.addAttribute("partialForm", FormState.of(Map.of("percentage", "")));
    model.addAttribute("recoveryForm", FormState.empty());
    model.addAttribute("extensionForm", FormState.empty());
    model.addAttribute("uwvNotifiedOn", detail.uwvNotifiedOn());
    model.addAttribute("leaves", detail.leaves());
    model.addAttribute("recordsFacts", detail.summary().status() != CaseStatus.CLOSED);
    model.addAttribute("uwvForm", FormState.of(Map.of("ontvangen",
        detail.uwvNotifiedOn() == null ? "" : detail.uwvNotifiedOn().toString())));
    model.addAttribute("leaveForm", FormState.empty());
    model.addAttribute("serviceForm", FormState.of(Map.of("dienst", detail.summary().serviceRelated().name())));
    model.addAttribute("serviceOptions", ServiceRelated.values());
    return "casefile/case";
  }

  static List<CaseDeadline> byMilestone(List<CaseDeadline> deadlines) {
    return deadlines.stream().sorted(Comparator.comparing(CaseDeadline::milestone)).toList();
  }

  /**
   * A part of the file the caller may read, or null when they may not (the page then leaves it out). A finer rule
   * than the matrix (the line manager and the conversation notes) leaves it out too: the page asked, the person did
   * not, so nothing is refused to them.
   */
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
}
