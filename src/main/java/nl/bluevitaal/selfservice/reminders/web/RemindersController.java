package nl.bluevitaal.selfservice.reminders.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.notices.DirectMail;
import nl.bluevitaal.selfservice.reminders.NoEmailAddressException;
import nl.bluevitaal.selfservice.reminders.ReminderSettings;
import nl.bluevitaal.selfservice.reminders.Reminders;
import nl.bluevitaal.selfservice.reminders.StaleReminderSettingsException;
import nl.bluevitaal.selfservice.web.OwnCase;
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
 * The employee's reminders ({@code /mijn-traject/herinneringen}): their weekly check-in on a day they choose, a notice
 * when something waits for them, and whether these reach them by e-mail too (their consent, with what the mail says
 * and what it never says). A save based on an older version comes back with what was chosen (409).
 */
@Controller
class RemindersController {

  static final String PATH = "/mijn-traject/herinneringen";
  static final String VIEW = "selfservice/reminders/settings";

  /** The days as the form names them (Dutch, lower case), Monday first. */
  static final Map<String, DayOfWeek> DAYS = days();

  /** The choice as the form sends it: {@code dag} empty for no check-in reminder; the boxes absent when not ticked. */
  record ReminderForm(
      @Pattern(regexp = "|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
          message = "reminders.error.day") String dag,
      Boolean wachtend, Boolean email, Integer versie) {

    ReminderSettings.Choice choice() {
      return new ReminderSettings.Choice(dag == null ? null : DAYS.get(dag), Boolean.TRUE.equals(wachtend),
          Boolean.TRUE.equals(email));
    }
  }

  private final OwnCase ownCase;
  private final Reminders reminders;
  private final Accounts accounts;
  private final DirectMail mail;
  private final Forms forms;

  RemindersController(OwnCase ownCase, Reminders reminders, Accounts accounts, DirectMail mail, Forms forms) {
    this.ownCase = ownCase;
    this.reminders = reminders;
    this.accounts = accounts;
    this.mail = mail;
    this.forms = forms;
  }

  @GetMapping(PATH)
  String page(Model model) {
    OwnCase.Owner own = ownCase.require("reminder settings");
    ReminderSettings settings = reminders.settings(own.actor(), own.caseId());
    return show(own, settings, FormState.of(values(settings.choice())), model);
  }

  @PostMapping(PATH)
  String save(@Valid ReminderForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OwnCase.Owner own = ownCase.require("reminder settings");
    FormState state = typed(forms.state(result, "dag"), form);
    if (state.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return show(own, reminders.settings(own.actor(), own.caseId()), state, model);
    }
    int basedOn = form.versie() == null ? 0 : form.versie();
    try {
      reminders.save(own.actor(), own.caseId(), basedOn, form.choice());
    } catch (StaleReminderSettingsException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return show(own, reminders.settings(own.actor(), own.caseId()), state.withFormError("reminders.conflict"),
          model);
    } catch (NoEmailAddressException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return show(own, reminders.settings(own.actor(), own.caseId()),
          state.withError("email", "reminders.error.no-address"), model);
    }
    redirect.addFlashAttribute("remindersSaved", true);
    return "redirect:" + PATH;
  }

  private String show(OwnCase.Owner own, ReminderSettings settings, FormState form, Model model) {
    model.addAttribute("settings", settings);
    model.addAttribute("form", form);
    model.addAttribute("days", List.copyOf(DAYS.keySet()));
    Optional<String> address = accounts.emailOf(own.actor().userId());
    model.addAttribute("address", address.orElse(null));
    model.addAttribute("mailOn", mail.configured());
    return VIEW;
  }

  /** The boxes as chosen, so a form that comes back keeps them. */
  private static FormState typed(FormState state, ReminderForm form) {
    Map<String, String> values = new LinkedHashMap<>(state.values());
    values.put("wachtend", Boolean.TRUE.equals(form.wachtend()) ? "true" : "");
    values.put("email", Boolean.TRUE.equals(form.email()) ? "true" : "");
    return new FormState(values, state.errors(), state.formError());
  }

  private static Map<String, String> values(ReminderSettings.Choice choice) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("dag", choice.checkInDay() == null ? "" : DAYS.entrySet().stream()
        .filter(e -> e.getValue() == choice.checkInDay()).findFirst().map(Map.Entry::getKey).orElse(""));
    values.put("wachtend", choice.waitingSteps() ? "true" : "");
    values.put("email", choice.byEmail() ? "true" : "");
    return values;
  }

  private static Map<String, DayOfWeek> days() {
    Map<String, DayOfWeek> days = new LinkedHashMap<>();
    String[] names = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
    for (int i = 0; i < names.length; i++) {
      days.put(names[i], DayOfWeek.of(i + 1));
    }
    return Collections.unmodifiableMap(days);
  }
}
