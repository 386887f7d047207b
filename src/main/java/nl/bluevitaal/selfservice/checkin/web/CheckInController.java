package nl.bluevitaal.selfservice.checkin.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.Instrument;
import nl.bluevitaal.selfservice.checkin.Instruments;
import nl.bluevitaal.selfservice.checkin.InvalidCheckInException;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import nl.bluevitaal.selfservice.web.OwnCase;
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
 * The weekly check-in ({@code /mijn-traject/check-in}): the instrument's questions and a free note, the result with
 * its triage (what it is, why, what happens next), and the history. The employee's own, and nobody else's: the pages
 * are for the employee; the company doctor reads shared check-ins through the API.
 */
@Controller
class CheckInController {

  static final String PATH = "/mijn-traject/check-in";
  static final String VIEW_FORM = "selfservice/checkin/check-in";
  static final String VIEW_RESULT = "selfservice/checkin/result";
  static final String VIEW_HISTORY = "selfservice/checkin/history";
  private static final DateTimeFormatter CHART_DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

  /**
   * The check-in form: one answer per question ({@code antwoord[0]}, ...), the note, and the id the page made for it
   * (a second tap on "Versturen" stores it once).
   */
  record CheckInForm(List<Integer> antwoord,
      @Size(max = NewCheckIn.MAX_NOTE, message = "checkin.error.note-too-long") String notitie,
      String clientId, String moment) {

    /**
     * When a check-in kept on the phone while offline was filled in (ISO 8601, sent by js/checkin.js); null for now,
     * also when it cannot be read.
     */
    OffsetDateTime takenAt() {
      try {
        return moment == null || moment.isBlank() ? null : OffsetDateTime.parse(moment);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private final CheckIns checkIns;
  private final Instruments instruments;
  private final OwnCase ownCase;
  private final Forms forms;

  CheckInController(CheckIns checkIns, Instruments instruments, OwnCase ownCase, Forms forms) {
    this.checkIns = checkIns;
    this.instruments = instruments;
    this.ownCase = ownCase;
    this.forms = forms;
  }

  @GetMapping(PATH)
  String form(Model model) {
    OwnCase.Owner owner = ownCase.get("check-in");
    return showForm(owner, FormState.empty(), UUID.randomUUID().toString(), model);
  }

  @PostMapping(PATH)
  String submit(@Valid CheckInForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OwnCase.Owner owner = ownCase.get("check-in");
    if (owner.caseId() == null) {
      return showForm(owner, FormState.empty(), null, model);
    }
    Instrument instrument = instruments.standard();
    FormState state = withAnswers(forms.state(result, "notitie"), form.antwoord(), result, instrument);
    UUID clientId = clientId(form.clientId());
    NewCheckIn checkIn = new NewCheckIn(instrument.key(), form.antwoord(), form.notitie(), clientId, form.takenAt());
    if (state.hasErrors()) {
      // The note (or an answer that is not a number) failed: say at once what else is missing, not one at a time.
      for (Map.Entry<String, String> problem : checkIns.problems(checkIn).entrySet()) {
        String field = pageField(problem.getKey());
        if (!state.invalid(field)) {
          state = state.withError(field, problem.getValue());
        }
      }
    } else {
      try {
        CheckIns.Submitted submitted = checkIns.submit(owner.actor(), owner.caseId(), checkIn);
        redirect.addFlashAttribute("earlierThisWeek", submitted.earlierThisWeek());
        redirect.addFlashAttribute("alreadyReceived", submitted.alreadyReceived());
        return "redirect:" + PATH + "/" + submitted.checkIn().id();
      } catch (InvalidCheckInException e) {
        for (Map.Entry<String, String> error : e.fields().entrySet()) {
          state = state.withError(pageField(error.getKey()), error.getValue());
        }
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return showForm(owner, state, clientId.toString(), model);
  }

  @GetMapping(PATH + "/{checkInId}")
  String result(@PathVariable String checkInId, Model model) {
    OwnCase.Owner owner = ownCase.get("check-in");
    UUID id = Ids.parse(checkInId);
    if (owner.caseId() == null) {
      return showForm(owner, FormState.empty(), null, model);
    }
    CheckIn checkIn = checkIns.get(owner.actor(), owner.caseId(), id);
    model.addAttribute("checkIn", checkIn);
    model.addAttribute("help", checkIns.help());
    model.addAttribute("contactPath", "/mijn-traject/contact");
    return VIEW_RESULT;
  }

  @GetMapping(PATH + "/verloop")
  String history(Model model, Locale locale) {
    OwnCase.Owner owner = ownCase.get("check-in history");
    model.addAttribute("hasCase", owner.caseId() != null);
    List<CheckIn> history = owner.caseId() == null ? List.of() : checkIns.history(owner.actor(), owner.caseId());
    model.addAttribute("checkIns", history);
    model.addAttribute("notes", history.stream().filter(c -> c.note() != null).toList());
    List<CheckIn> oldestFirst = new ArrayList<>(history);
    oldestFirst.sort(Comparator.comparing(CheckIn::takenAt));
    model.addAttribute("chartLabels", oldestFirst.stream().map(c -> CHART_DATE.format(c.takenAt()))
        .collect(Collectors.joining("|")));
    model.addAttribute("chartValues", oldestFirst.stream().map(c -> String.valueOf(c.scorePercentage()))
        .collect(Collectors.joining(",")));
    model.addAttribute("latest", history.isEmpty() ? null : history.get(0));
    model.addAttribute("lowest", history.stream().mapToInt(CheckIn::scorePercentage).min().orElse(0));
    model.addAttribute("highest", history.stream().mapToInt(CheckIn::scorePercentage).max().orElse(0));
    return VIEW_HISTORY;
  }

  private String showForm(OwnCase.Owner owner, FormState state, String clientId, Model model) {
    model.addAttribute("hasCase", owner.caseId() != null);
    if (owner.caseId() != null) {
      Instrument instrument = instruments.standard();
      model.addAttribute("instrument", instrument);
      model.addAttribute("thisWeek", checkIns.thisWeek(owner.actor(), owner.caseId()).orElse(null));
    }
    model.addAttribute("form", state);
    model.addAttribute("clientId", clientId);
    return VIEW_FORM;
  }

  /**
   * The answers as chosen, and a message beside an answer that is not a number. Not through {@link Forms#state}: the
   * binding result reads an indexed field of a list that was not sent by growing it, which a record cannot do, and
   * after one answer failed to convert it keeps no value of the list at all.
   */
  private static FormState withAnswers(FormState state, List<Integer> answers, BindingResult result,
      Instrument instrument) {
    Map<String, String> values = new LinkedHashMap<>(state.values());
    Map<String, String> errors = new LinkedHashMap<>(state.errors());
    for (int i = 0; i < instrument.items().size(); i++) {
      String field = "antwoord[" + i + "]";
      Integer answer = answers != null && i < answers.size() ? answers.get(i) : null;
      values.put(field, answer == null ? "" : String.valueOf(answer));
      if (result.hasFieldErrors(field)) {
        errors.put(field, "checkin.error.answer-not-on-scale");
      }
    }
    return new FormState(values, errors, state.formError());
  }

  /** The service names the API's fields; the page's own are Dutch. */
  private static String pageField(String field) {
    return field.replace("answers", "antwoord").replace("note", "notitie").replace("takenAt", "moment");
  }

  /** The id the page made; a form without one (or with a broken one) is a new check-in. */
  private static UUID clientId(String value) {
    try {
      return value == null || value.isBlank() ? UUID.randomUUID() : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return UUID.randomUUID();
    }
  }
}
