package nl.bluevitaal.journey.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.bluevitaal.journey.DecisionBench;
import nl.bluevitaal.journey.DecisionInputsInvalidException;
import nl.bluevitaal.journey.NoSuchDecisionException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@link DecisionBench}: a DMN engine of its own, configured as the process engine's (FEEL), with a listener that
 * tells which rules matched. A deployed version is read once; its test cases are the resource beside it in its
 * deployment ({@code X.tests.csv} beside {@code X.dmn}), else the release's file {@code decisions/<key>.tests.csv}.
 */
@Component
class CamundaDecisionBench implements DecisionBench {

  private static final String TESTS = ".tests.csv";
  private static final String DESCRIPTION = "description";

  private final RepositoryService repositoryService;
  private final ThreadLocal<List<String>> matched = ThreadLocal.withInitial(ArrayList::new);
  private final DmnEngine dmn;
  private final Map<String, Parsed> deployed = new ConcurrentHashMap<>();

  private record Parsed(DmnDecision decision, Table table, Map<String, String> ruleDescriptions,
      @Nullable String tests) {
  }

  CamundaDecisionBench(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
    DmnDecisionTableEvaluationListener rules = event -> event.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId).forEach(matched.get()::add);
    // Drafts are evaluated here, also before the model contract has passed them.
    this.dmn = FeelOnlyDmnEngine.build(List.of(rules));
  }

  @Override
  public Table table(String key) {
    return deployed(key).table();
  }

  @Override
  public Evaluation evaluate(String key, Map<String, String> inputs) {
    return evaluate(deployed(key), inputs);
  }

  @Override
  public Evaluation evaluate(DecisionModel model, Map<String, String> inputs) {
    return evaluate(parse(model.key(), model.dmn(), null, null, model.tests()), inputs);
  }

  @Override
  public Report run(String key) {
    return run(deployed(key));
  }

  @Override
  public Report run(DecisionModel model) {
    return run(parse(model.key(), model.dmn(), null, null, model.tests()));
  }

  // --- evaluating

  private Evaluation evaluate(Parsed parsed, Map<String, String> typed) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Column input : parsed.table().inputs()) {
      String text = typed.get(input.name());
      String error = error(input, text);
      if (error != null) {
        errors.put(input.name(), error);
      } else {
        variables.put(input.name(), convert(input.type(), text.strip()));
      }
    }
    if (!errors.isEmpty()) {
      throw new DecisionInputsInvalidException(errors);
    }
    matched.get().clear();
    try {
      DmnDecisionResult result = dmn.evaluateDecision(parsed.decision(), variables);
      List<Map<String, String>> outputs = new ArrayList<>();
      for (DmnDecisionResultEntries entries : result) {
        Map<String, String> row = new LinkedHashMap<>();
        entries.getEntryMap().forEach((name, value) -> row.put(name, text(value)));
        outputs.add(row);
      }
      List<Rule> rules = matched.get().stream()
          .map(id -> new Rule(id, parsed.ruleDescriptions().get(id))).toList();
      return new Evaluation(outputs, rules);
    } finally {
      matched.remove();
    }
  }

  /** The message key of what is wrong with a typed value, or null when it is one of the input's type. */
  @Nullable
  private static String error(Column input, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return "modeling.bench.error.required";
    }
    String value = text.strip();
    if (!input.values().isEmpty() && !input.values().contains(value)) {
      return "modeling.bench.error.choose";
    }
    try {
      convert(input.type(), value);
      return null;
    } catch (NumberFormatException e) {
      return "modeling.bench.error.number";
    } catch (IllegalArgumentException e) {
      return "modeling.bench.error.boolean";
    }
  }

  private static Object convert(String type, String value) {
    return switch (type) {
      case "integer" -> Integer.valueOf(value);
      case "long" -> Long.valueOf(value);
      case "double" -> Double.valueOf(value);
      case "boolean" -> {
        if (!"true".equals(value) && !"false".equals(value)) {
          throw new IllegalArgumentException("Not a boolean: " + value);
        }
        yield Boolean.valueOf(value);
      }
      default -> value;
    };
  }

  /** A value as the test cases write it: numbers without trailing zeros, true/false, text as is, nothing empty. */
  private static String text(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String normalised(String expected) {
    String value = expected.strip();
    try {
      return new BigDecimal(value).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return value;
    }
  }

  // --- the stored test cases

  private Report run(Parsed parsed) {
    List<Problem> problems = new ArrayList<>();
    List<TestCase> cases = parsed.tests() == null ? List.of() : cases(parsed, problems);
    if (parsed.tests() == null) {
      problems.add(new Problem("modeling.bench.problem.noTests", List.of(parsed.table().key())));
    } else if (cases.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem("modeling.bench.problem.noCases", List.of(parsed.table().key())));
    }
    List<CaseResult> results = new ArrayList<>();
    for (TestCase testCase : cases) {
      results.add(run(parsed, testCase));
    }
    return new Report(parsed.table(), results, problems);
  }

  private CaseResult run(Parsed parsed, TestCase testCase) {
    Evaluation evaluation;
    try {
      evaluation = evaluate(parsed, testCase.inputs());
    } catch (DecisionInputsInvalidException e) {
      String input = e.fieldErrors().keySet().iterator().next();
      return new CaseResult(testCase, false, Map.of(), List.of(), new Problem("modeling.bench.problem.invalidInput",
          List.of(input, testCase.inputs().getOrDefault(input, ""))));
    } catch (RuntimeException e) {
      return new CaseResult(testCase, false, Map.of(), List.of(), new Problem("modeling.bench.problem.failed",
          List.of(String.valueOf(e.getMessage()))));
    }
    Map<String, String> actual = evaluation.outputs().isEmpty() ? Map.of() : evaluation.outputs().get(0);
    boolean passed = true;
    for (Map.Entry<String, String> expected : testCase.expected().entrySet()) {
      String got = actual.getOrDefault(expected.getKey(), "");
      passed &= normalised(expected.getValue()).equals(normalised(got));
    }
    return new CaseResult(testCase, passed, actual, evaluation.matched(), null);
  }

  private static List<TestCase> cases(Parsed parsed, List<Problem> problems) {
    List<List<String>> rows = TestCaseFile.rows(parsed.tests());
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> header = rows.get(0);
    List<String> inputs = parsed.table().inputs().stream().map(Column::name).toList();
    List<String> outputs = parsed.table().outputs().stream().map(Column::name).toList();
    for (String column : header) {
      if (!DESCRIPTION.equals(column) && !inputs.contains(column) && !outputs.contains(column)) {
        problems.add(new Problem("modeling.bench.problem.unknownColumn", List.of(column)));
      }
    }
    for (String input : inputs) {
      if (!header.contains(input)) {
        problems.add(new Problem("modeling.bench.problem.missingColumn", List.of(input)));
      }
    }
    if (!problems.isEmpty()) {
      return List.of();
    }
    List<TestCase> cases = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      int line = Integer.parseInt(row.get(row.size() - 1));
      Map<String, String> in = new LinkedHashMap<>();
      Map<String, String> out = new LinkedHashMap<>();
      String description = "";
      for (int i = 0; i < header.size(); i++) {
        String value = i < row.size() - 1 ? row.get(i) : "";
        String column = header.get(i);
        if (DESCRIPTION.equals(column)) {
          description = value;
        } else if (inputs.contains(column)) {
          in.put(column, value);
        } else {
          out.put(column, value);
        }
      }
      cases.add(new TestCase(line, description, in, out));
    }
    return cases;
  }

  // --- reading decisions

  private Parsed deployed(String key) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new NoSuchDecisionException(key);
    }
    return deployed.computeIfAbsent(definition.getId(), id -> {
      try (InputStream in = repositoryService.getDecisionModel(id)) {
        return parse(key, in.readAllBytes(), definition.getVersion(), definition.getVersionTag(), tests(definition));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Override
  @Nullable
  public String tests(String key) {
    DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new NoSuchDecisionException(key);
    }
    return tests(latest);
  }

  /** The cases deployed beside the decision, else the release's own file. */
  @Nullable
  private String tests(DecisionDefinition definition) {
    String name = definition.getResourceName().replaceFirst("\\.dmn$", TESTS);
    boolean beside = repositoryService.getDeploymentResourceNames(definition.getDeploymentId()).contains(name);
    try (InputStream in = beside ? repositoryService.getResourceAsStream(definition.getDeploymentId(), name)
        : getClass().getClassLoader().getResourceAsStream("decisions/" + definition.getKey() + TESTS)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Parsed parse(String key, byte[] xml, @Nullable Integer version, @Nullable String versionTag,
      @Nullable String tests) {
    DmnModelInstance model;
    DmnDecision decision;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
      decision = dmn.parseDecision(key, model);
    } catch (RuntimeException e) {
      throw new NoSuchDecisionException(key);
    }
    Decision element = model.getModelElementById(key);
    DecisionTable table = element.getChildElementsByType(DecisionTable.class).iterator().next();
    List<Column> inputs = new ArrayList<>();
    for (Input input : table.getInputs()) {
      inputs.add(new Column(input.getInputExpression().getText().getTextContent().strip(), label(input.getLabel(),
          input.getId()), String.valueOf(input.getInputExpression().getTypeRef()), values(input.getInputValues())));
    }
    List<Column> outputs = new ArrayList<>();
    for (Output output : table.getOutputs()) {
      outputs.add(new Column(output.getName(), label(output.getLabel(), output.getName()),
          String.valueOf(output.getTypeRef()), values(output.getOutputValues())));
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (org.camunda.bpm.model.dmn.instance.Rule rule : table.getRules()) {
      descriptions.put(rule.getId(), rule.getDescription() == null ? null : rule.getDescription().getTextContent());
    }
    String tag = versionTag != null ? versionTag : element.getVersionTag();
    return new Parsed(decision, new Table(key, label(element.getName(), key), version, tag,
        String.valueOf(table.getHitPolicy()), List.copyOf(inputs), List.copyOf(outputs)),
        Collections.unmodifiableMap(descriptions), tests);
  }

  private static String label(@Nullable String label, String fallback) {
    return label == null || label.isBlank() ? fallback : label;
  }

  /** The allowed values of a column: the quoted strings of its list, or none when it lists none. */
  private static List<String> values(@Nullable UnaryTests values) {
    if (values == null || values.getText() == null) {
      return List.of();
    }
    List<String> allowed = new ArrayList<>();
    for (String part : values.getText().getTextContent().split(",")) {
      String value = part.strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        allowed.add(value.substring(1, value.length() - 1));
      }
    }
    return List.copyOf(allowed);
  }
}
