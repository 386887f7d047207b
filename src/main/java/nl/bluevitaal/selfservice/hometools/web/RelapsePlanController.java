package nl.bluevitaal.selfservice.hometools.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.selfservice.hometools.RelapsePlan;
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
 * The relapse-prevention plan ({@code /mijn-traject/terugvalpreventie}) in the method's green, orange and red phases,
 * with what sets it off and whom the employee calls; and the same plan to print. A save based on an older version
 * comes back with what was typed (409).
 */
@Controller
class RelapsePlanController {

  static final String PATH = "/mijn-traject/terugvalpreventie";
  static final String VIEW = "selfservice/hometools/relapse-plan";
  static final String PRINT_VIEW = "selfservice/hometools/relapse-plan-print";
  static final String[] TEXTS = {"goed", "goedDoen", "signalen", "anderenZien", "oranjeDoen", "roodSignalen",
      "roodDoen", "triggers", "bellen"};
  private static final String TOO_LONG = "tools.error.too-long";

  /** The plan as the form sends it; every text optional, the two checkboxes absent when not ticked. */
  record PlanForm(
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String goed,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String goedDoen,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String signalen,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String anderenZien,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String oranjeDoen,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String roodSignalen,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String roodDoen,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String triggers,
      @Size(max = RelapsePlan.MAX_TEXT, message = TOO_LONG) String bellen,
      Boolean belBegeleider, Boolean belBedrijfsarts, Integer versie) {

    RelapsePlan.Content content() {
      return new RelapsePlan.Content(text(goed), text(goedDoen), text(signalen), text(anderenZien), text(oranjeDoen),
          text(roodSignalen), text(roodDoen), text(triggers), text(bellen), Boolean.TRUE.equals(belBegeleider),
          Boolean.TRUE.equals(belBedrijfsarts));
    }

    private static String text(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** Someone of the case the employee may choose to call: their role and name. */
  record CaseContact(String role, String name) {
  }

  private final OwnCase ownCase;
  private final HomeTools tools;
  private final Caseload caseload;
  private final Accounts accounts;
  private final Forms forms;

  RelapsePlanController(OwnCase ownCase, HomeTools tools, Caseload caseload, Accounts accounts, Forms forms) {
    this.ownCase = ownCase;
    this.tools = tools;
    this.caseload = caseload;
    this.accounts = accounts;
    this.forms = forms;
  }

  @GetMapping(PATH)
  String page(Model model) {
    OwnCase.Owner own = ownCase.require("relapse-prevention plan");
    Optional<RelapsePlan> plan = tools.relapsePlan(own.actor(), own.caseId());
    return show(own, plan.orElse(null), FormState.of(values(plan.map(RelapsePlan::content).orElse(null))), model);
  }

  @GetMapping(PATH + "/afdrukken")
  String print(Model model) {
    OwnCase.Owner own = ownCase.require("relapse-prevention plan");
    model.addAttribute("plan", tools.relapsePlan(own.actor(), own.caseId()).orElse(null));
    model.addAttribute("people", people(own));
    return PRINT_VIEW;
  }

  @PostMapping(PATH)
  String save(@Valid PlanForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OwnCase.Owner own = ownCase.require("relapse-prevention plan");
    FormState state = typed(forms.state(result, TEXTS), form);
    if (state.hasErrors() || result.hasFieldErrors("versie")) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return show(own, tools.relapsePlan(own.actor(), own.caseId()).orElse(null),
          state.hasErrors() ? state : state.withFormError("tools.conflict"), model);
    }
    try {
      tools.saveRelapsePlan(own.actor(), own.caseId(), form.versie(), form.content());
    } catch (StaleHomeToolException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return show(own, tools.relapsePlan(own.actor(), own.caseId()).orElse(null),
          state.withFormError("tools.conflict"), model);
    }
    redirect.addFlashAttribute("toolsNotice", "tools.plan.saved");
    return "redirect:" + PATH;
  }

  private String show(OwnCase.Owner own, RelapsePlan plan, FormState form, Model model) {
    model.addAttribute("plan", plan);
    model.addAttribute("form", form);
    model.addAttribute("people", people(own));
    return VIEW;
  }

  /** The counsellor and the company doctor of the case, by name, for "whom I call". */
  private Map<String, CaseContact> people(OwnCase.Owner own) {
    CaseView view = caseload.detail(own.actor(), own.caseId()).summary();
    List<String> ids = new ArrayList<>();
    if (view.counsellorUserId() != null) {
      ids.add(view.counsellorUserId());
    }
    if (view.companyDoctorUserId() != null) {
      ids.add(view.companyDoctorUserId());
    }
    Map<String, String> names = accounts.displayNames(ids);
    Map<String, CaseContact> people = new LinkedHashMap<>();
    if (view.counsellorUserId() != null) {
      people.put("belBegeleider", new CaseContact("tools.plan.role.counsellor",
          names.getOrDefault(view.counsellorUserId(), "")));
    }
    if (view.companyDoctorUserId() != null) {
      people.put("belBedrijfsarts", new CaseContact("tools.plan.role.doctor",
          names.getOrDefault(view.companyDoctorUserId(), "")));
    }
    return people;
  }

  /** The ticked boxes as typed too, so a form that comes back keeps them. */
  private static FormState typed(FormState state, PlanForm form) {
    Map<String, String> values = new LinkedHashMap<>(state.values());
    values.put("belBegeleider", Boolean.TRUE.equals(form.belBegeleider()) ? "true" : "");
    values.put("belBedrijfsarts", Boolean.TRUE.equals(form.belBedrijfsarts()) ? "true" : "");
    return new FormState(values, state.errors(), state.formError());
  }

  private static Map<String, String> values(RelapsePlan.Content content) {
    Map<String, String> values = new LinkedHashMap<>();
    if (content == null) {
      return values;
    }
    values.put("goed", orEmpty(content.wellSigns()));
    values.put("goedDoen", orEmpty(content.wellActions()));
    values.put("signalen", orEmpty(content.earlySignals()));
    values.put("anderenZien", orEmpty(content.othersNotice()));
    values.put("oranjeDoen", orEmpty(content.earlyActions()));
    values.put("roodSignalen", orEmpty(content.crisisSignals()));
    values.put("roodDoen", orEmpty(content.crisisActions()));
    values.put("triggers", orEmpty(content.triggers()));
    values.put("bellen", orEmpty(content.ownContacts()));
    values.put("belBegeleider", content.callCounsellor() ? "true" : "");
    values.put("belBedrijfsarts", content.callDoctor() ? "true" : "");
    return values;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
