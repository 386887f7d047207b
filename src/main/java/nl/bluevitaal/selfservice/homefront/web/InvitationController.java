package nl.bluevitaal.selfservice.homefront.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.Invitation;
import nl.bluevitaal.selfservice.homefront.InvitationUnusableException;
import nl.bluevitaal.selfservice.homefront.UsernameTakenException;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The invitation link ({@code /uitnodiging/{token}}), opened before its holder has an account: the invitation and a
 * form to choose a login name and password; a link that is unknown, expired, used or withdrawn gets a plain page that
 * says so (410 Gone, or 404 for an unknown one), never an error.
 */
@Controller
class InvitationController {

  static final String VIEW = "selfservice/homefront/uitnodiging";
  private static final String[] FIELDS = {"gebruikersnaam", "wachtwoord", "herhaling"};

  record AcceptForm(
      @NotBlank(message = "homefront.accept.error.username")
      @Pattern(regexp = "[a-z0-9]{3,30}", message = "homefront.accept.error.username-format") String gebruikersnaam,
      @NotBlank(message = "homefront.accept.error.password")
      @Size(min = 10, max = 100, message = "homefront.accept.error.password-length") String wachtwoord,
      String herhaling) {
  }

  private final HomeFront homeFront;
  private final Forms forms;

  InvitationController(HomeFront homeFront, Forms forms) {
    this.homeFront = homeFront;
    this.forms = forms;
  }

  @GetMapping(HomeFront.INVITATION_PATH + "{token}")
  String open(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      return form(token, homeFront.open(token), FormState.empty(), model);
    } catch (InvitationUnusableException e) {
      return unusable(e, model, response);
    }
  }

  @PostMapping(HomeFront.INVITATION_PATH + "{token}")
  String accept(@PathVariable String token, @Valid AcceptForm form, BindingResult result, Model model,
      HttpServletResponse response) {
    try {
      Invitation invitation = homeFront.open(token);
      FormState state = forms.state(result, FIELDS);
      if (!state.invalid("wachtwoord") && !form.wachtwoord().equals(form.herhaling())) {
        state = state.withError("herhaling", "homefront.accept.error.repeat");
      }
      if (state.hasErrors()) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return form(token, invitation, without(state), model);
      }
      try {
        homeFront.accept(token, form.gebruikersnaam(), form.wachtwoord());
      } catch (UsernameTakenException e) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return form(token, invitation, without(state.withError("gebruikersnaam", "homefront.accept.error.taken")),
            model);
      }
      model.addAttribute("accepted", true);
      model.addAttribute("username", form.gebruikersnaam());
      return VIEW;
    } catch (InvitationUnusableException e) {
      return unusable(e, model, response);
    }
  }

  private String form(String token, Invitation invitation, FormState state, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("inviter", homeFront.inviterFirstName(invitation));
    model.addAttribute("invitation", invitation);
    model.addAttribute("form", state);
    return VIEW;
  }

  private static String unusable(InvitationUnusableException e, Model model, HttpServletResponse response) {
    response.setStatus(e.reason() == InvitationUnusableException.Reason.UNKNOWN ? HttpStatus.NOT_FOUND.value()
        : HttpStatus.GONE.value());
    model.addAttribute("unusable", e.reason());
    return VIEW;
  }

  /** A password is never sent back into the page. */
  private static FormState without(FormState state) {
    Map<String, String> values = new LinkedHashMap<>(state.values());
    values.remove("wachtwoord");
    values.remove("herhaling");
    return new FormState(values, state.errors(), state.formError());
  }
}
