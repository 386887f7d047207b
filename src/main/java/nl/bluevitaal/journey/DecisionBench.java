package nl.bluevitaal.journey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.lang.Nullable;

/**
 * The decisions' test bench: evaluate a decision with typed inputs and see which rules matched, and run the test
 * cases each decision carries beside it ({@code decisions/<Key>.tests.csv}: a description column, the decision's
 * inputs, then its expected outputs; an empty expected cell means no value). A deployment of a decision whose cases
 * do not all pass is refused (the workbench refuses to deploy a decision whose {@link Report} did not pass).
 */
public interface DecisionBench {

  /** The latest deployed version of a decision: what the page asks for and shows. */
  Table table(String key);

  /** Evaluates the latest deployed version with inputs as typed; a value that is not of its input's type is refused. */
  Evaluation evaluate(String key, Map<String, String> inputs);

  /** Evaluates a decision that is not deployed (a draft). */
  Evaluation evaluate(DecisionModel model, Map<String, String> inputs);

  /** Runs the test cases stored with the latest deployed version. */
  Report run(String key);

  /**
   * The text of the test cases stored with the latest deployed version (else the release's file), or null: a draft of
   * the decision is tested against them until the draft brings its own.
   */
  @Nullable
  String tests(String key);

  /** Runs a draft's test cases against the draft. */
  Report run(DecisionModel model);

  /** A decision file and the text of its test cases (null when it has none). */
  record DecisionModel(String key, byte[] dmn, @Nullable String tests) {

    public DecisionModel {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(dmn, "dmn");
    }
  }

  /** A decision as the bench shows it. {@code version} is null for a draft. */
  record Table(String key, String name, @Nullable Integer version, @Nullable String versionTag, String hitPolicy,
      List<Column> inputs, List<Column> outputs) {
  }

  /** An input (named by its variable) or an output; {@code values} lists the allowed values, empty when any. */
  record Column(String name, String label, String type, List<String> values) {
  }

  /** A rule that matched: its id and its description. */
  record Rule(String id, @Nullable String description) {
  }

  /** The outputs of each matched rule, in order (values as text), and the rules. */
  record Evaluation(List<Map<String, String>> outputs, List<Rule> matched) {
  }

  /** One stored case: its line in the file, its description, the inputs and the expected outputs as typed. */
  record TestCase(int line, String description, Map<String, String> inputs, Map<String, String> expected) {
  }

  /** The outcome of one case: passed, what came out, which rules matched, or why it could not run. */
  record CaseResult(TestCase testCase, boolean passed, Map<String, String> actual, List<Rule> matched,
      @Nullable Problem error) {
  }

  /**
   * The outcome of a decision's test cases; {@code problems} are message keys (with arguments) of what kept the cases
   * from running at all (no cases, a column the decision does not have).
   */
  record Report(Table table, List<CaseResult> results, List<Problem> problems) {

    public boolean passed() {
      return problems.isEmpty() && !results.isEmpty() && results.stream().allMatch(CaseResult::passed);
    }

    public long failures() {
      return results.stream().filter(r -> !r.passed()).count();
    }

    /** Not run: the model contract refuses the table (its rules name why), so none of its expressions may run. */
    public static Report refusedByContract(int violations) {
      return new Report(null, List.of(),
          List.of(new Problem("modeling.bench.problem.contract", List.of(String.valueOf(violations)))));
    }
  }

  /** A message key of the bench ({@code modeling.bench.problem.*}) and its arguments. */
  record Problem(String messageKey, List<String> arguments) {
  }
}
