package nl.bluevitaal.selfservice.homefront.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontAccessEndedException;
import nl.bluevitaal.selfservice.homefront.HomeFrontCheckIn;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The naaste's own pages ({@code /thuisfront}): the items the employee chose for them, and their own short check-in
 * about how they are doing, which they may share with the counsellor. Refused once the employee withdrew access: a
 * calm page that their access ended, saying nothing of why or of the employee (403, the refusal recorded).
 */
@Controller
class NaasteController {

  static final String PATH = Groups.HOME_FRONT_PAGES;
  static final String VIEW = "selfservice/homefront/thuisfront";
  static final String VIEW_ENDED = "selfservice/homefront/toegang-gestopt";
  private static final String[] FIELDS = {"welzijn", "steun", "belasting", "notitie", "delen"};

  record CheckInForm(
      @NotNull(message = "homefront.checkin.error.choose")
      @Min(value = 1, message = "homefront.checkin.error.choose")
      @Max(value = 5, message = "homefront.checkin.error.choose") Integer welzijn,
      @NotNull(message = "homefront.checkin.error.choose")
      @Min(value = 1, message = "homefront.checkin.error.choose")
      @Max(value = 5, message = "homefront.checkin.error.choose") Integer steun,
      @NotNull(message = "homefront.checkin.error.choose")
      @Min(value = 1, message = "homefront.checkin.error.choose")
      @Max(value = 5, message = "homefront.checkin.error.choose") Integer belasting,
      @Size(max = HomeFrontCheckIn.MAX_NOTE, message = "homefront.checkin.error.note-long") String notitie,
      Boolean delen) {
  }

  private final HomeFront homeFront;
  private final CurrentActor currentActor;
  private final Forms forms;
  private final AccessPolicy policy;

  NaasteController(HomeFront homeFront, CurrentActor currentActor, Forms forms, AccessPolicy policy) {
    this.homeFront = homeFront;
    this.currentActor = currentActor;
    this.forms = forms;
    this.policy = policy;
  }

  @GetMapping(PATH)
  String page(Model model, HttpServletResponse response) {
    try {
      return render(currentActor.get(), FormState.empty(), model);
    } catch (HomeFrontAccessEndedException ended) {
      return accessEnded(ended, response);
    }
  }

  @PostMapping(PATH + "/check-in")
  String checkIn(@Valid CheckInForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    FormState state = forms.state(result, FIELDS);
    try {
      if (state.hasErrors()) {
        // Refused first when access was withdrawn: a form never outlives the consent.
        homeFront.view(actor);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return render(actor, state, model);
      }
      homeFront.checkIn(actor, form.welzijn(), form.steun(), form.belasting(), form.notitie(),
          Boolean.TRUE.equals(form.delen()));
    } catch (HomeFrontAccessEndedException ended) {
      return accessEnded(ended, response);
    }
    redirect.addFlashAttribute("homeFrontNotice", Boolean.TRUE.equals(form.delen())
        ? "homefront.checkin.saved.shared" : "homefront.checkin.saved");
    return "redirect:" + PATH + "#check-in";
  }

  /**
   * Answered here, so recorded here; the page names neither the employee nor why. Caught in the handler rather than
   * by an exception handler, whose fresh model would lose the layout's signed-in person and its way to log out.
   */
  private String accessEnded(HomeFrontAccessEndedException ended, HttpServletResponse response) {
    policy.recordRefusal(ended.refusal());
    response.setStatus(HttpStatus.FORBIDDEN.value());
    return VIEW_ENDED;
  }

  private String render(Actor actor, FormState form, Model model) {
    model.addAttribute("view", homeFront.view(actor));
    model.addAttribute("checkIns", homeFront.ownCheckIns(actor));
    model.addAttribute("form", form);
    model.addAttribute("scale", List.of(1, 2, 3, 4, 5));
    return VIEW;
  }
}
