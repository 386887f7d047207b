package nl.bluevitaal.modeling.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.DecisionBench;
import nl.bluevitaal.journey.DecisionBench.Column;
import nl.bluevitaal.journey.DecisionInputsInvalidException;
import nl.bluevitaal.journey.NoSuchDecisionException;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A decision's test bench ({@code /modellen/beslissingen/{key}/testbank}): the test cases stored with its deployed
 * version, each passed or failed, and a form to evaluate it with typed inputs, showing the outputs and the rules
 * that matched. For process owners only; it shows decisions, never a case.
 */
@Controller
class DecisionBenchController {

  static final String PATH = "/modellen/beslissingen/{key}/testbank";
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

  private final DecisionBench bench;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;

  DecisionBenchController(DecisionBench bench, CurrentActor currentActor, AccessPolicy policy) {
    this.bench = bench;
    this.currentActor = currentActor;
    this.policy = policy;
  }

  /** The typed inputs, by the decision's input names ({@code inputs[milestone]}). */
  record EvaluationForm(Map<String, String> inputs) {

    EvaluationForm {
      inputs = inputs == null ? Map.of() : inputs;
    }
  }

  @GetMapping(PATH)
  String bench(@PathVariable String key, Model model) {
    processOwner();
    DecisionBench.Table table = bench.table(checked(key));
    return page(table, FormState.empty(), null, model);
  }

  @PostMapping(PATH)
  String evaluate(@PathVariable String key, @Valid @ModelAttribute("form") EvaluationForm form,
      BindingResult result, Model model) {
    processOwner();
    DecisionBench.Table table = bench.table(checked(key));
    Map<String, String> typed = new LinkedHashMap<>();
    for (Column input : table.inputs()) {
      typed.put(input.name(), form.inputs().getOrDefault(input.name(), ""));
    }
    try {
      DecisionBench.Evaluation evaluation = bench.evaluate(table.key(), typed);
      // The inputs are not recorded: which decision was tried is what stays traceable.
      policy.recordUse(currentActor.get(), "modeling: evaluated decision " + table.key() + " on the test bench");
      return page(table, FormState.of(fields(typed)), evaluation, model);
    } catch (DecisionInputsInvalidException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.fieldErrors().forEach((input, message) -> errors.put(field(input), message));
      return page(table, new FormState(fields(typed), errors, null), null, model);
    }
  }

  private String page(DecisionBench.Table table, FormState form, DecisionBench.Evaluation evaluation, Model model) {
    model.addAttribute("table", table);
    model.addAttribute("report", bench.run(table.key()));
    model.addAttribute("form", form);
    model.addAttribute("evaluation", evaluation);
    return "modeling/bench";
  }

  private void processOwner() {
    Actor actor = currentActor.get();
    if (!actor.isIn(Groups.PROCESS_OWNER)) {
      throw policy.roleRefusal(actor, null, "decision test bench");
    }
  }

  /** A key that cannot be a decision's is not looked up. */
  private static String checked(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new NoSuchDecisionException(key.length() > 100 ? key.substring(0, 100) : key);
    }
    return key;
  }

  private static Map<String, String> fields(Map<String, String> typed) {
    Map<String, String> fields = new LinkedHashMap<>();
    typed.forEach((input, value) -> fields.put(field(input), value));
    return fields;
  }

  static String field(String input) {
    return "inputs[" + input + "]";
  }
}
