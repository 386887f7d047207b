package nl.bluevitaal.journey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.ContactWish;
import nl.bluevitaal.journey.StepNoLongerOpenException;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import nl.bluevitaal.web.Ids;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The step "Contact opnemen" of an employee's wish for contact ({@code /contactverzoeken/{caseId}/{taskId}}): its
 * addressee reads the wish (who asked, why, by when, what the employee wrote to them), records the contact and so
 * closes the step. Only the person the wish is for sees it; for anyone else it does not exist.
 */
@Controller
class ContactWishStepController {

  static final String PATH = "/contactverzoeken";
  private static final String[] FIELDS = {"soort", "datum", "verslag"};

  /** The contact as recorded: its kind, the day, a short note for the case file. */
  record ContactForm(
      @NotBlank(message = "journey.contact.error.soort")
      @Pattern(regexp = "PHONE|VIDEO|CONVERSATION|HOME_VISIT|MESSAGE", message = "journey.contact.error.soort")
      String soort,
      @NotNull(message = "journey.contact.error.datum") @PastOrPresent(message = "journey.contact.error.datum-future")
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate datum,
      @Size(max = ContactWishes.MAX_CONTACT_NOTE, message = "journey.contact.error.verslag") String verslag) {
  }

  private final ContactWishes wishes;
  private final Caseload caseload;
  private final CurrentActor currentActor;
  private final Forms forms;
  private final Clock clock;

  ContactWishStepController(ContactWishes wishes, Caseload caseload, CurrentActor currentActor, Forms forms,
      Clock clock) {
    this.wishes = wishes;
    this.caseload = caseload;
    this.currentActor = currentActor;
    this.forms = forms;
    this.clock = clock;
  }

  static String path(UUID caseId, String taskId) {
    return PATH + "/" + caseId + "/" + taskId;
  }

  @GetMapping(PATH + "/{caseId}/{taskId}")
  String step(@PathVariable String caseId, @PathVariable String taskId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    ContactWish wish = wishes.forStep(actor, id, taskId);
    return page(actor, id, wish, FormState.of(Map.of("soort", "PHONE", "datum", LocalDate.now(clock).toString(),
        "verslag", "")), model);
  }

  @PostMapping(PATH + "/{caseId}/{taskId}")
  String close(@PathVariable String caseId, @PathVariable String taskId, @Valid ContactForm form,
      BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    ContactWish wish = wishes.forStep(actor, id, taskId);
    FormState state = forms.state(result, FIELDS);
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(actor, id, wish, state, model);
    }
    // A step done meanwhile (a second submit) is StepNoLongerOpenException: the task list says so.
    wishes.close(actor, id, taskId, OffsetDateTime.of(form.datum(), LocalTime.now(clock),
        clock.getZone().getRules().getOffset(clock.instant())), ContactMoment.Kind.valueOf(form.soort()),
        form.verslag());
    redirect.addFlashAttribute("notice", "journey.contact.closed");
    return "redirect:" + TasklistController.PATH;
  }

  /** Closed meanwhile (a second submit, or at the same moment by another tab): the task list says so. */
  @ExceptionHandler(StepNoLongerOpenException.class)
  String stepGone(HttpServletRequest request) {
    RequestContextUtils.getOutputFlashMap(request).put("notice", "tasklist.step-gone");
    return "redirect:" + TasklistController.PATH;
  }

  private String page(Actor actor, UUID caseId, ContactWish wish, FormState state, Model model) {
    CaseView view = caseload.detail(actor, caseId).summary();
    model.addAttribute("caseView", view);
    model.addAttribute("wish", wish);
    model.addAttribute("form", state);
    model.addAttribute("kinds", java.util.List.of("PHONE", "VIDEO", "CONVERSATION", "HOME_VISIT", "MESSAGE"));
    return "journey/contact-step";
  }
}
