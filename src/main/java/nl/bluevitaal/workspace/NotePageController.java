package nl.bluevitaal.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.bluevitaal.web.PlausibleDates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.workspace.DocumentPageController.DocumentForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Conversation notes of the counsellor (contact moments, domain C, optionally confidential) and medical notes of the
 * company doctor (domain D, which never leaves the medical circle). The case file's services decide who may write;
 * the forms are offered only to them.
 */
@Controller
class NotePageController {

  static final int MAX_NOTE = 20_000;

  private final CurrentActor currentActor;
  private final ContactMoments contactMoments;
  private final MedicalNotes medicalNotes;
  private final Caseload caseload;
  private final AccessPolicy policy;
  private final MyWork work;

  NotePageController(CurrentActor currentActor, ContactMoments contactMoments, MedicalNotes medicalNotes,
      Caseload caseload, AccessPolicy policy, MyWork work) {
    this.currentActor = currentActor;
    this.contactMoments = contactMoments;
    this.medicalNotes = medicalNotes;
    this.caseload = caseload;
    this.policy = policy;
    this.work = work;
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/contactmomenten/nieuw")
  String newContact(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireCounsellor(actor, id);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("datum", work.today().toString());
    values.put("soort", ContactMoment.Kind.CONVERSATION.name());
    return contactPage(actor, id, DocumentForm.of(values), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/contactmomenten")
  String addContact(@PathVariable String caseId,
      @RequestParam(name = "datum", required = false) String date,
      @RequestParam(name = "soort", required = false) String kind,
      @RequestParam(name = "samenvatting", required = false) String summary,
      @RequestParam(name = "vertrouwelijk", required = false) String confidential,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireCounsellor(actor, id);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("datum", date == null ? "" : date);
    values.put("soort", kind == null ? "" : kind);
    values.put("samenvatting", summary == null ? "" : summary);
    values.put("vertrouwelijk", confidential == null ? "" : "true");
    Map<String, String> errors = new LinkedHashMap<>();
    PlausibleDates.TypedDate typed = PlausibleDates.read(date);
    LocalDate on = typed.date();
    if (typed.problem() != null) {
      errors.put("datum", DocumentForms.dateError(typed));
    } else if (on == null) {
      errors.put("datum", "doc.error.required");
    } else if (on.isAfter(work.today())) {
      errors.put("datum", "doc.note.error.future");
    }
    ContactMoment.Kind contactKind = null;
    try {
      contactKind = ContactMoment.Kind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      errors.put("soort", "doc.error.choose");
    }
    if (summary == null || summary.isBlank()) {
      errors.put("samenvatting", "doc.error.required");
    } else if (summary.length() > MAX_NOTE) {
      errors.put("samenvatting", "doc.error.too-long");
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return contactPage(actor, id, new DocumentForm(values, errors, null), model);
    }
    OffsetDateTime happenedAt = on.equals(work.today()) ? OffsetDateTime.now(work.clock())
        : on.atTime(12, 0).atZone(work.clock().getZone()).toOffsetDateTime();
    ContactMoment.Kind finalKind = contactKind;
    contactMoments.add(actor, id, happenedAt, finalKind, summary.strip(),
        confidential != null);
    redirect.addFlashAttribute("caseNotice", "doc.note.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#contacts-heading";
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/medische-aantekeningen/nieuw")
  String newMedical(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireMedicalWriter(actor, id);
    return medicalPage(actor, id, DocumentForm.of(Map.of()), model);
  }

  @PostMapping(CasePageController.PATH + "/{caseId}/medische-aantekeningen")
  String addMedical(@PathVariable String caseId, @RequestParam(name = "tekst", required = false) String text,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = MyWork.parseId(caseId);
    requireMedicalWriter(actor, id);
    Map<String, String> values = Map.of("tekst", text == null ? "" : text);
    String error = text == null || text.isBlank() ? "doc.error.required"
        : text.length() > MAX_NOTE ? "doc.error.too-long" : null;
    if (error != null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return medicalPage(actor, id, new DocumentForm(values, Map.of("tekst", error), null), model);
    }
    medicalNotes.add(actor, id, text.strip());
    redirect.addFlashAttribute("caseNotice", "doc.note.medical.saved");
    return "redirect:" + CasePageController.PATH + "/" + id + "#medical-heading";
  }

  private String contactPage(Actor actor, UUID id, DocumentForm form, Model model) {
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("form", form);
    model.addAttribute("kinds", ContactMoment.Kind.values());
    model.addAttribute("today", work.today());
    return "note-form";
  }

  private String medicalPage(Actor actor, UUID id, DocumentForm form, Model model) {
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("form", form);
    return "note-medical";
  }

  /** Conversation notes are the counsellor's (the company doctor writes medical notes instead). */
  private void requireCounsellor(Actor actor, UUID id) {
    CaseParties parties = parties(actor, id);
    boolean counsellor = actor.isIn(Groups.COUNSELLOR) && !actor.isIn(Groups.COMPANY_DOCTOR)
        && !policy.isOwnFile(actor, parties) && policy.permits(actor, parties, Domain.REINTEGRATION, Access.WRITE);
    if (!counsellor) {
      throw policy.refusal(actor, parties, Domain.REINTEGRATION, Access.WRITE, "contact moment page");
    }
  }

  private void requireMedicalWriter(Actor actor, UUID id) {
    CaseParties parties = parties(actor, id);
    if (!policy.permits(actor, parties, Domain.MEDICAL, Access.WRITE)) {
      throw policy.refusal(actor, parties, Domain.MEDICAL, Access.WRITE, "medical note page");
    }
  }

  private CaseParties parties(Actor actor, UUID id) {
    return policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "note page");
  }
}
