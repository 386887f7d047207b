package nl.bluevitaal.journey.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.journey.InvalidOutcomeException;
import nl.bluevitaal.journey.StepCatalogue;

/**
 * The outcome a person gives a step, checked against the step's outcome keys in the model: exactly those keys, each
 * of its kind and within its bounds, the required ones present. What is not a key never reaches the engine, so no free
 * text (let alone health data) ends up in a process variable.
 */
final class StepOutcomes {

  private StepOutcomes() {
  }

  /** The process variables to complete the step with; refuses the outcome with a message per wrong key. */
  static Map<String, Object> check(String stepKey, List<StepCatalogue.OutcomeKey> keys,
      Map<String, Object> outcome) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String given : outcome.keySet()) {
      if (keys.stream().noneMatch(k -> k.name().equals(given))) {
        errors.put(given, "Deze stap kent dit gegeven niet");
      }
    }
    for (StepCatalogue.OutcomeKey key : keys) {
      Object value = outcome.get(key.name());
      if (value == null) {
        if (key.required()) {
          errors.put(key.name(), "Verplicht");
        }
        continue;
      }
      String error = switch (key.type()) {
        case BOOLEAN -> value instanceof Boolean ? null : "Kies ja of nee";
        case WEEKS, PERCENTAGE -> value instanceof Integer i && i >= key.min() && i <= key.max() ? null
            : (key.type() == StepCatalogue.OutcomeType.WEEKS ? "Aantal weken" : "Percentage") + " van " + key.min()
                + " tot en met " + key.max();
      };
      if (error == null) {
        variables.put(key.name(), value);
      } else {
        errors.put(key.name(), error);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidOutcomeException(stepKey, errors);
    }
    return variables;
  }
}
