package nl.bluevitaal.journey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/**
 * What each step of the journey takes, which legal deadline its due date is and which document it produces, as the
 * deployed model says it (the step's form fields, its {@code deadline} and {@code document} properties): a step a
 * process owner adds or changes keeps its form, its validation, its deadline and its document without a line of Java.
 * Pages and the API ask here; nothing restates it.
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

  /**
   * The document a step produces, as its {@code document} properties state it: its type, the status it must have
   * reached before the step completes, whether it must be new (written since the step opened: evaluations and
   * updates recur), and the outcome that makes it unnecessary (a correction asked instead of a release, a plan not
   * agreed instead of signed).
   *
   * @param waivedBy the outcome key that, with value {@code waivedWhen}, completes the step without the document
   */
  record StepDocument(DocumentType type, DocumentStatus status, boolean newSinceOpened, @Nullable String waivedBy,
      boolean waivedWhen) {

    /** Whether this outcome completes the step without the document. */
    public boolean waivedBy(Map<String, Object> outcome) {
      return waivedBy != null && outcome != null && Boolean.valueOf(waivedWhen).equals(outcome.get(waivedBy));
    }
  }

  /** The document the step produces, if it produces one. */
  Optional<StepDocument> document(String modelVersion, String stepKey);

  default Optional<StepDocument> document(OpenStep step) {
    return document(step.modelVersion(), step.stepKey());
  }

  default List<OutcomeKey> outcomeKeys(OpenStep step) {
    return outcomeKeys(step.modelVersion(), step.stepKey());
  }
}
