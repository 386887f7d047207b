package nl.bluevitaal.casefile.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseActions;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.MedicalNote;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import nl.bluevitaal.web.Ids;
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
 * Conversation notes of the counsellor (contact moments, domain C, optionally confidential) and medical notes of the
 * company doctor (domain D, which never leaves the medical circle). The case file says who may write
 * ({@link Caseload#actions}); the forms are offered only to them.
 */
@Controller
class NotePageController {

  /** A contact moment: the day (not in the future), the kind, the note, and whether it is confidential. */
  record ContactForm(
      @NotNull(message = "doc.error.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate
      LocalDate datum,
      @NotNull(message = "doc.error.choose") ContactMoment.Kind soort,
      @NotBlank(message = "doc.error.required")
      @Size(max = ContactMoment.MAX_SUMMARY, message = "doc.error.too-long") String samenvatting,
      Boolean vertrouwelijk) {
  }

  /** A medical note. */
  record MedicalForm(
      @NotBlank(message = "doc.error.required") @Size(max = MedicalNote.MAX_TEXT, message = "doc.error.too-long")
      String tekst) {
  }

  private final CurrentActor currentActor;
  private final ContactMoments contactMoments;
  private final MedicalNotes medicalNotes;
  private final Caseload caseload;
  private final AccessPolicy policy;
  private final MyCases work;
  private final Forms forms;

  NotePageController(CurrentActor currentActor, ContactMoments contactMoments, MedicalNotes medicalNotes,
      Caseload caseload, AccessPolicy policy, MyCases work, Forms forms) {
    this.currentActor = currentActor;
    this.contactMoments = contactMoments;
    this.medicalNotes = medicalNotes;
    this.caseload = caseload;
    this.policy = policy;
    this.work = work;
    this.forms = forms;
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/contactmomenten/nieuw")
  String newContact(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    require(actor, id, CaseActions::keepFile, Domain.REINTEGRATION, "contact moment page");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("datum", work.today().toString());
    values.put("soort", ContactMoment.Kind.CONVERSATION.name());
    return contactPage(actor, id, FormState.of(values), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/contactmomenten")
  String addContact(@PathVariable String caseId, @Valid ContactForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    require(actor, id, CaseActions::keepFile, Domain.REINTEGRATION, "contact moment page");
    FormState state = forms.state(result, "datum", "soort", "samenvatting", "vertrouwelijk");
    if (!state.invalid("datum") && form.datum() != null && form.datum().isAfter(work.today())) {
      state = state.withError("datum", "doc.note.error.future");
    }
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return contactPage(actor, id, state, model);
    }
    // A note of today keeps the moment it was written; one of an earlier day is placed at noon of that day.
    OffsetDateTime happenedAt = form.datum().equals(work.today()) ? OffsetDateTime.now(work.clock())
        : form.datum().atTime(12, 0).atZone(work.clock().getZone()).toOffsetDateTime();
    contactMoments.add(actor, id, happenedAt, form.soort(), form.samenvatting().strip(),
        Boolean.TRUE.equals(form.vertrouwelijk()));
    redirect.addFlashAttribute("caseNotice", "doc.note.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#contacts-heading";
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/medische-aantekeningen/nieuw")
  String newMedical(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    require(actor, id, CaseActions::writeMedicalNotes, Domain.MEDICAL, "medical note page");
    return medicalPage(actor, id, FormState.empty(), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/medische-aantekeningen")
  String addMedical(@PathVariable String caseId, @Valid MedicalForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    require(actor, id, CaseActions::writeMedicalNotes, Domain.MEDICAL, "medical note page");
    if (result.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return medicalPage(actor, id, forms.state(result, "tekst"), model);
    }
    medicalNotes.add(actor, id, form.tekst().strip());
    redirect.addFlashAttribute("caseNotice", "doc.note.medical.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#medical-heading";
  }

  private String contactPage(Actor actor, UUID id, FormState form, Model model) {
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("form", form);
    model.addAttribute("kinds", ContactMoment.Kind.values());
    model.addAttribute("today", work.today());
    return "casefile/note-form";
  }

  private String medicalPage(Actor actor, UUID id, FormState form, Model model) {
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("form", form);
    return "casefile/note-medical";
  }

  /** The form is for those the case file lets write it; anyone else is refused (403, recorded). */
  private void require(Actor actor, UUID id, java.util.function.Predicate<CaseActions> may, Domain domain,
      String what) {
    if (!may.test(caseload.actions(actor, id))) {
      throw policy.refusal(actor, policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, what), domain,
          Access.WRITE, what);
    }
  }
}
