package nl.bluevitaal.selfservice.hometools.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.selfservice.hometools.EnergyBalance;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.selfservice.hometools.StaleHomeToolException;
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
 * The energy balance ({@code /mijn-traject/energiebalans}): what gives the employee energy and what costs it, each
 * with an optional "how much" in words, and a reflection. Every save is a new version, so the page shows the one
 * before it too. A save based on an older version (another tab, another device) comes back with what was typed.
 */
@Controller
class EnergyBalanceController {

  static final String PATH = "/mijn-traject/energiebalans";
  static final String VIEW = "selfservice/hometools/energy-balance";
  /** Empty rows offered below the items, so the employee can add a few without anything clever on the page. */
  static final int EMPTY_ROWS = 3;

  /**
   * The form: the two lists as rows (text and how much, side by side by position; the page always sends at least
   * {@link #EMPTY_ROWS} rows, so each list arrives as a list), the reflection and the version it was based on.
   */
  record EnergyForm(List<String> geeft, List<String> geeftMate, List<String> kost, List<String> kostMate,
      @Size(max = EnergyBalance.MAX_REFLECTION, message = "tools.error.too-long") String reflectie,
      Integer versie) {
  }

  /** One row of a list as the page shows it: what was typed, and the message key of what is wrong with it. */
  record Row(String text, String amount, String error) {
  }

  private final OwnCase ownCase;
  private final HomeTools tools;
  private final Forms forms;

  EnergyBalanceController(OwnCase ownCase, HomeTools tools, Forms forms) {
    this.ownCase = ownCase;
    this.tools = tools;
    this.forms = forms;
  }

  @GetMapping(PATH)
  String page(Model model) {
    OwnCase.Owner own = ownCase.require("energy balance");
    List<EnergyBalance> versions = tools.energyBalances(own.actor(), own.caseId());
    EnergyBalance current = versions.isEmpty() ? null : versions.get(0);
    List<Row> gives = current == null ? new ArrayList<>() : rows(current.gives());
    List<Row> costs = current == null ? new ArrayList<>() : rows(current.costs());
    FormState form = FormState.of(Map.of("reflectie", current == null || current.reflection() == null ? ""
        : current.reflection()));
    return show(versions, gives, costs, form, model);
  }

  @PostMapping(PATH)
  String save(@Valid EnergyForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OwnCase.Owner own = ownCase.require("energy balance");
    FormState state = forms.state(result, "reflectie");
    List<Row> gives = typed(form.geeft(), form.geeftMate());
    List<Row> costs = typed(form.kost(), form.kostMate());
    state = rowErrors(rowErrors(state, "geeft", gives), "kost", costs);
    if (state.hasErrors() || form.versie() == null || result.hasFieldErrors("versie")) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      FormState shown = state.hasErrors() ? state : state.withFormError("tools.conflict");
      return show(tools.energyBalances(own.actor(), own.caseId()), gives, costs, shown, model);
    }
    try {
      tools.saveEnergyBalance(own.actor(), own.caseId(), form.versie(), items(gives), items(costs),
          blankToNull(form.reflectie()));
    } catch (StaleHomeToolException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return show(tools.energyBalances(own.actor(), own.caseId()), gives, costs,
          state.withFormError("tools.conflict"), model);
    }
    redirect.addFlashAttribute("toolsNotice", "tools.energy.saved");
    return "redirect:" + PATH;
  }

  private String show(List<EnergyBalance> versions, List<Row> gives, List<Row> costs, FormState form, Model model) {
    EnergyBalance current = versions.isEmpty() ? null : versions.get(0);
    model.addAttribute("current", current);
    model.addAttribute("previous", versions.size() > 1 ? versions.get(1) : null);
    model.addAttribute("basedOn", current == null ? 0 : current.number());
    model.addAttribute("gives", withEmptyRows(gives));
    model.addAttribute("costs", withEmptyRows(costs));
    model.addAttribute("amounts", EnergyBalance.Amount.values());
    model.addAttribute("form", form);
    return VIEW;
  }

  private static List<Row> rows(List<EnergyBalance.Item> items) {
    List<Row> rows = new ArrayList<>();
    for (EnergyBalance.Item item : items) {
      rows.add(new Row(item.text(), item.amount() == null ? "" : item.amount().name(), null));
    }
    return rows;
  }

  /** What was typed, row by row, with a message beside a row that is too long or names an unknown amount. */
  private static List<Row> typed(List<String> texts, List<String> amounts) {
    List<Row> rows = new ArrayList<>();
    int size = texts == null ? 0 : texts.size();
    for (int i = 0; i < size; i++) {
      String text = texts.get(i) == null ? "" : texts.get(i).strip();
      String amount = amounts != null && i < amounts.size() && amounts.get(i) != null ? amounts.get(i) : "";
      String error = null;
      if (text.length() > EnergyBalance.MAX_ITEM) {
        error = "tools.energy.error.item-too-long";
      } else if (!amount.isEmpty() && !known(amount)) {
        error = "form.error.choose";
      } else if (text.isEmpty() && !amount.isEmpty()) {
        error = "tools.energy.error.amount-without-text";
      }
      if (!text.isEmpty() || !amount.isEmpty()) {
        rows.add(new Row(text, amount, error));
      }
    }
    return rows;
  }

  /** A message per row that is wrong ({@code geeft-3}: the third row, as the page counts), and one for a long list. */
  private static FormState rowErrors(FormState state, String list, List<Row> rows) {
    FormState checked = state;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).error() != null) {
        checked = checked.withError(list + "-" + (i + 1), rows.get(i).error());
      }
    }
    if (filled(rows) > EnergyBalance.MAX_ITEMS) {
      checked = checked.withError(list, "tools.energy.error.too-many");
    }
    return checked;
  }

  private static boolean known(String amount) {
    for (EnergyBalance.Amount a : EnergyBalance.Amount.values()) {
      if (a.name().equals(amount)) {
        return true;
      }
    }
    return false;
  }

  private static long filled(List<Row> rows) {
    return rows.stream().filter(r -> !r.text().isEmpty()).count();
  }

  private static List<EnergyBalance.Item> items(List<Row> rows) {
    return rows.stream().filter(r -> !r.text().isEmpty())
        .map(r -> new EnergyBalance.Item(r.text(),
            r.amount().isEmpty() ? null : EnergyBalance.Amount.valueOf(r.amount())))
        .toList();
  }

  private static List<Row> withEmptyRows(List<Row> rows) {
    List<Row> shown = new ArrayList<>(rows);
    for (int i = 0; i < EMPTY_ROWS; i++) {
      shown.add(new Row("", "", null));
    }
    return shown;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
