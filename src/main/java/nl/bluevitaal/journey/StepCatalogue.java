package nl.bluevitaal.journey;

import java.util.List;
import java.util.Optional;
import nl.bluevitaal.poortwachter.Milestone;

/**
 * What each step of the journey takes and which legal deadline its due date is, as the deployed model says it (the
 * step's form fields and its {@code deadline} property): a step a process owner adds or changes keeps its form, its
 * validation and its deadline without a line of Java. Pages and the API ask here; nothing restates it.
 */
public interface StepCatalogue {

  /** The kind of value an outcome key takes; its bounds come with the key. */
  enum OutcomeType { BOOLEAN, WEEKS, PERCENTAGE }

  /**
   * One outcome a step takes. A key that is not required has a default the journey fills in (for instance the
   * current work capacity); {@code min} and {@code max} bound a number.
   */
  record OutcomeKey(String name, OutcomeType type, boolean required, int min, int max) {

    /**
     * Text typed into a form as the value this key takes: yes/no ({@code true}/{@code false}) or a whole number.
     * Blank is no value; text that is neither is passed on as it is, so the step refuses it with its message.
     */
    public Object fromText(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      String value = text.strip();
      if (type == OutcomeType.BOOLEAN) {
        return switch (value) {
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          default -> value;
        };
      }
      try {
        return Integer.valueOf(value);
      } catch (NumberFormatException e) {
        return value;
      }
    }
  }

  /**
   * The outcome keys of a step (its element id) in a deployed version of its model, in form order; empty for a step
   * that takes none. A running case keeps the form of the version it runs on.
   */
  List<OutcomeKey> outcomeKeys(String modelVersion, String stepKey);

  /** The legal deadline whose date is the step's due date, if it has one. */
  Optional<Milestone> deadline(String modelVersion, String stepKey);

  default List<OutcomeKey> outcomeKeys(OpenStep step) {
    return outcomeKeys(step.modelVersion(), step.stepKey());
  }
}
