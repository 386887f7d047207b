package nl.bluevitaal.selfservice.homefront.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontItem;
import nl.bluevitaal.selfservice.homefront.HomeFrontRelation;
import nl.bluevitaal.selfservice.homefront.Invitation;
import nl.bluevitaal.selfservice.homefront.NewInvitation;
import nl.bluevitaal.selfservice.homefront.StaleChoiceException;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import nl.bluevitaal.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employee's side of the home front ({@code /mijn-traject/thuisfront}): invite a partner or family member, see
 * each invitation's state, choose what they may see (each choice says in words what is shared with whom), withdraw.
 */
@Controller
class MyHomeFrontController {

  static final String PATH = "/mijn-traject/thuisfront";
  static final String VIEW = "selfservice/homefront/mijn-thuisfront";
  private static final String[] INVITE_FIELDS = {"naam", "relatie", "email"};

  record InviteForm(
      @NotBlank(message = "homefront.invite.error.name")
      @Size(max = 200, message = "homefront.invite.error.name-long") String naam,
      @NotNull(message = "homefront.invite.error.relation") HomeFrontRelation relatie,
      @NotBlank(message = "homefront.invite.error.email")
      @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "homefront.invite.error.email-format")
      @Size(max = 254, message = "homefront.invite.error.email-format") String email) {
  }

  /** The items ticked (absent = none) and the version the page showed. */
  record ChoiceForm(List<HomeFrontItem> items, Integer versie) {
  }

  private final HomeFront homeFront;
  private final CurrentActor currentActor;
  private final Forms forms;
  private final Clock clock;

  MyHomeFrontController(HomeFront homeFront, CurrentActor currentActor, Forms forms, Clock clock) {
    this.homeFront = homeFront;
    this.currentActor = currentActor;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String page(Model model) {
    Actor actor = currentActor.get();
    return render(actor, homeFront.ownCase(actor), FormState.empty(), null, model);
  }

  @PostMapping(PATH)
  String invite(@Valid InviteForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID caseId = homeFront.ownCase(actor);
    FormState state = forms.state(result, INVITE_FIELDS);
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return render(actor, caseId, state, null, model);
    }
    NewInvitation made = homeFront.invite(actor, caseId, form.naam(), form.relatie(), form.email());
    redirect.addFlashAttribute("invited", made);
    return "redirect:" + PATH + "#uitnodiging-" + made.invitation().id();
  }

  @PostMapping(PATH + "/{invitationId}/keuzes")
  String choose(@PathVariable String invitationId, ChoiceForm form, BindingResult result, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID caseId = homeFront.ownCase(actor);
    UUID id = Ids.parse(invitationId);
    if (result.hasErrors() || form.versie() == null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return render(actor, caseId, FormState.empty(), new Failed(id, "homefront.choices.error.invalid"), model);
    }
    try {
      homeFront.choose(actor, caseId, id, form.versie(),
          form.items() == null ? EnumSet.noneOf(HomeFrontItem.class) : EnumSet.copyOf(form.items()));
    } catch (StaleChoiceException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return render(actor, caseId, FormState.empty(), new Failed(id, "homefront.choices.error.stale"), model);
    }
    redirect.addFlashAttribute("homeFrontNotice", "homefront.choices.saved");
    return "redirect:" + PATH + "#uitnodiging-" + id;
  }

  @PostMapping(PATH + "/{invitationId}/intrekken")
  String withdraw(@PathVariable String invitationId, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID caseId = homeFront.ownCase(actor);
    homeFront.withdraw(actor, caseId, Ids.parse(invitationId));
    redirect.addFlashAttribute("homeFrontNotice", "homefront.withdrawn");
    return "redirect:" + PATH;
  }

  /** A choice form that came back: which invitation, and why. */
  record Failed(UUID invitationId, String messageKey) {
  }

  private String render(Actor actor, UUID caseId, FormState inviteForm, Failed failed, Model model) {
    List<Invitation> invitations = homeFront.invitations(actor, caseId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    model.addAttribute("invitations", invitations.stream().map(i -> new Row(i, i.state(now), i.since(now))).toList());
    model.addAttribute("inviteForm", inviteForm);
    model.addAttribute("relations", HomeFrontRelation.values());
    model.addAttribute("items", HomeFrontItem.values());
    model.addAttribute("failed", failed);
    return VIEW;
  }

  /** One invitation as the page shows it. */
  record Row(Invitation invitation, Invitation.State state, OffsetDateTime since) {

    public boolean open() {
      return state == Invitation.State.ACTIVE || state == Invitation.State.INVITED;
    }
  }
}
