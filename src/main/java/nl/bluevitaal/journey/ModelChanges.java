package nl.bluevitaal.journey;

import java.util.List;

/**
 * What a draft of a process model changes against the version of its key that runs now (the latest deployed): the
 * elements added, removed, renamed, and changed in what decides how a case runs. Read before a draft deploys, so a
 * process owner sees every consequence, not only the ones drawn on purpose.
 */
public interface ModelChanges {

  /**
   * @param key the process key ({@code ReintegrationJourney}, {@code MilestoneWatch})
   * @param draft the BPMN file of the draft
   * @throws UnreadableModelException when the draft is not a BPMN file of that key
   */
  Comparison againstDeployed(String key, byte[] draft);

  /**
   * @param deployedVersion the version compared against; null when nothing of the key is deployed yet (every element
   *     is then added)
   */
  record Comparison(String key, Integer deployedVersion, List<Change> changes) {

    public Comparison {
      changes = List.copyOf(changes);
    }

    public List<Change> of(Kind kind) {
      return changes.stream().filter(c -> c.kind() == kind).toList();
    }
  }

  /**
   * One change of one element.
   *
   * @param elementType the BPMN element's local name ({@code userTask}, {@code sequenceFlow}, ...)
   * @param name the element's name in the draft (in the deployed version for a removed one); may be null
   * @param aspect for {@link Kind#CHANGED}: what changed ({@link Aspect}); null otherwise
   * @param before the deployed value (the old name for a rename); null when there was none
   * @param after the draft's value (the new name for a rename); null when there is none
   */
  record Change(Kind kind, String elementId, String elementType, String name, Aspect aspect, String before,
      String after) {
  }

  enum Kind { ADDED, REMOVED, RENAMED, CHANGED }

  /** What of an element decides how a case runs, and so is compared. */
  enum Aspect {
    TYPE, DUE_DATE, CANDIDATES, ASSIGNEE, TIMER, FORM_KEY, CALLED_ELEMENT, DECISION_REF, SOURCE, TARGET, CONDITION,
    DEFAULT_FLOW, EXPRESSION, LISTENERS, PROPERTIES, ATTACHED_TO
  }
}
