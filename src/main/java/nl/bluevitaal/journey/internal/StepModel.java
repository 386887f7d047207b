package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.bluevitaal.journey.StepCatalogue.OutcomeKey;
import nl.bluevitaal.journey.StepCatalogue.OutcomeType;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * How a step states its catalogue entry in the model, read in one place for the catalogue and for the engine's own
 * expressions: its outcome keys are its form fields (a yes/no field is a choice the person must make; a whole number
 * says its unit, {@code weeks} or {@code percent}, in a field property, its bounds in min and max constraints, and
 * is required unless the field gives a default), and its {@code deadline} property names the legal deadline its due
 * date is.
 */
final class StepModel {

  static final String DEADLINE = "deadline";
  static final String UNIT = "unit";

  private StepModel() {
  }

  static Optional<Milestone> deadline(BaseElement step) {
    ExtensionElements extensions = step.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> DEADLINE.equals(property.getCamundaName()))
        .map(property -> Milestone.valueOf(property.getCamundaValue())).findFirst();
  }

  static List<OutcomeKey> outcomeKeys(BaseElement step) {
    List<OutcomeKey> keys = new ArrayList<>();
    ExtensionElements extensions = step.getExtensionElements();
    if (extensions == null) {
      return keys;
    }
    for (CamundaFormData form : extensions.getElementsQuery().filterByType(CamundaFormData.class).list()) {
      for (CamundaFormField field : form.getCamundaFormFields()) {
        keys.add(outcomeKey(step, field));
      }
    }
    return keys;
  }

  private static OutcomeKey outcomeKey(BaseElement step, CamundaFormField field) {
    if ("boolean".equals(field.getCamundaType())) {
      return new OutcomeKey(field.getCamundaId(), OutcomeType.BOOLEAN, true, 0, 1);
    }
    if (!"long".equals(field.getCamundaType())) {
      throw new IllegalStateException(step.getId() + "." + field.getCamundaId() + ": an outcome is yes/no or a whole "
          + "number, not " + field.getCamundaType());
    }
    String unit = field.getCamundaProperties() == null ? null : field.getCamundaProperties().getCamundaProperties()
        .stream().filter(p -> UNIT.equals(p.getCamundaId())).map(CamundaProperty::getCamundaValue).findFirst()
        .orElse(null);
    OutcomeType type = switch (unit == null ? "" : unit) {
      case "weeks" -> OutcomeType.WEEKS;
      case "percent" -> OutcomeType.PERCENTAGE;
      default -> throw new IllegalStateException(step.getId() + "." + field.getCamundaId()
          + ": a whole number says its unit (weeks or percent) in the field property 'unit'");
    };
    int min = 0;
    int max = type == OutcomeType.PERCENTAGE ? 100 : Integer.MAX_VALUE;
    boolean required = false;
    if (field.getCamundaValidation() != null) {
      for (CamundaConstraint constraint : field.getCamundaValidation().getCamundaConstraints()) {
        switch (constraint.getCamundaName()) {
          case "required" -> required = true;
          case "min" -> min = Integer.parseInt(constraint.getCamundaConfig());
          case "max" -> max = Integer.parseInt(constraint.getCamundaConfig());
          default -> { }
        }
      }
    }
    boolean hasDefault = field.getCamundaDefaultValue() != null && !field.getCamundaDefaultValue().isBlank();
    return new OutcomeKey(field.getCamundaId(), type, required && !hasDefault, min, max);
  }
}
