package nl.bluevitaal.selfservice.contact.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.journey.ContactWishAlreadyOpenException;
import nl.bluevitaal.journey.ContactWishNotSharedException;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.Addressee;
import nl.bluevitaal.journey.ContactWishes.ContactWish;
import nl.bluevitaal.journey.ContactWishes.Reason;
import nl.bluevitaal.journey.ContactWishes.With;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.selfservice.web.OwnCase;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Ik wil contact" ({@code /mijn-traject/contact}): the employee asks their counsellor or company doctor for contact,
 * and sees who will call them and by when, and afterwards that the contact was made. Other pages post here (the
 * check-in's result, a document's "Ik heb een vraag"). The page says plainly who will see the wish; without the
 * employee's sharing it goes nowhere, and the page says so.
 */
@Controller
class ContactWishController {

  static final String PATH = "/mijn-traject/contact";
  static final String[] FIELDS = {"met", "aanleiding", "documentId", "toelichting", "delen", "vandaag"};
  /** A document's id as UUID.fromString reads it: thirty-six characters of any hex and dashes would not all be one. */
  static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  /**
   * The form: {@code met} BEGELEIDER or BEDRIJFSARTS, {@code aanleiding} ZOMAAR, CHECK_IN or DOCUMENT (default
   * ZOMAAR), the document asked about, an explanation, consent for this wish ({@code delen=ja}) and a wish for contact
   * today ({@code vandaag=ja}, from a red check-in).
   */
  record ContactForm(
      @NotBlank(message = "contact.error.met")
      @Pattern(regexp = "BEGELEIDER|BEDRIJFSARTS", message = "contact.error.met") String met,
      @Pattern(regexp = "|ZOMAAR|CHECK_IN|DOCUMENT", message = "contact.error.aanleiding") String aanleiding,
      @Pattern(regexp = "|" + UUID_PATTERN, message = "contact.error.documentId") String documentId,
      @Size(max = ContactWishes.MAX_NOTE, message = "contact.error.toelichting") String toelichting,
      String delen, String vandaag) {

    With with() {
      return "BEDRIJFSARTS".equals(met) ? With.DOCTOR : With.COUNSELLOR;
    }

    Reason reason() {
      return switch (aanleiding == null ? "" : aanleiding) {
        case "CHECK_IN" -> Reason.CHECK_IN;
        case "DOCUMENT" -> Reason.DOCUMENT;
        default -> Reason.ANYTIME;
      };
    }

    UUID document() {
      return documentId == null || documentId.isBlank() ? null : UUID.fromString(documentId);
    }

    ContactWishes.Ask ask() {
      return new ContactWishes.Ask(with(), reason(), document(), toelichting, "ja".equals(delen),
          "ja".equals(vandaag));
    }
  }

  private final ContactWishes wishes;
  private final OwnCase ownCase;
  private final Forms forms;
  private final Clock clock;

  ContactWishController(ContactWishes wishes, OwnCase ownCase, Forms forms, Clock clock) {
    this.wishes = wishes;
    this.ownCase = ownCase;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String form(@ModelAttribute("prefill") ContactForm prefill, Model model) {
    OwnCase.Owner owner = ownCase.require("contact wish");
    Actor actor = owner.actor();
    UUID caseId = owner.caseId();
    FormState state = FormState.of(java.util.Map.of("met", prefill.met() == null ? "BEGELEIDER" : prefill.met(),
        "aanleiding", prefill.aanleiding() == null ? "ZOMAAR" : prefill.aanleiding(),
        "documentId", prefill.documentId() == null ? "" : prefill.documentId(), "toelichting", "", "delen", "",
        "vandaag", prefill.vandaag() == null ? "" : prefill.vandaag()));
    return page(actor, caseId, state, model);
  }

  @PostMapping(PATH)
  String ask(@Valid ContactForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OwnCase.Owner owner = ownCase.require("contact wish");
    Actor actor = owner.actor();
    UUID caseId = owner.caseId();
    FormState state = forms.state(result, FIELDS);
    if (!state.invalid("met") && nobodyFor(actor, caseId, form.with())) {
      // Nobody has that role in the case yet: a wish for nobody would only wait for its escalation.
      state = state.withError("met", "contact.error.nobody");
    }
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, caseId, state, model);
    }
    try {
      wishes.ask(actor, caseId, form.ask());
    } catch (ContactWishNotSharedException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, caseId, state.withError("delen", "contact.error.delen"), model);
    } catch (ContactWishAlreadyOpenException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(actor, caseId, state.withFormError("contact.error.open"), model);
    }
    redirect.addFlashAttribute("contactNotice", "contact.sent");
    return "redirect:" + PATH;
  }

  private String page(Actor actor, UUID caseId, FormState state, Model model) {
    List<ContactWish> mine = wishes.mine(actor, caseId);
    List<Addressee> addressees = wishes.addressees(actor, caseId);
    model.addAttribute("form", state);
    model.addAttribute("addressees", addressees);
    model.addAttribute("open", mine.stream().filter(ContactWish::isOpen).toList());
    // The last contact made, so the employee sees it was answered.
    model.addAttribute("lastContact", mine.stream().filter(w -> !w.isOpen()).findFirst().orElse(null));
    model.addAttribute("maxNote", ContactWishes.MAX_NOTE);
    // The application's today (Amsterdam), not the template's: on a server in UTC "today" was yesterday after midnight.
    model.addAttribute("today", LocalDate.now(clock));
    return "selfservice/contact/contact";
  }

  private boolean nobodyFor(Actor actor, UUID caseId, With with) {
    return wishes.addressees(actor, caseId).stream().noneMatch(a -> a.with() == with && a.userId() != null);
  }
}
