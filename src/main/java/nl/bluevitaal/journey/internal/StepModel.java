package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.journey.StepCatalogue.OutcomeKey;
import nl.bluevitaal.journey.StepCatalogue.OutcomeType;
import nl.bluevitaal.journey.StepCatalogue.StepDocument;
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
 * is required unless the field gives a default), its {@code deadline} property names the legal deadline its due
 * date is, and its {@code document} properties the document it produces ({@link #document}).
 */
final class StepModel {

  static final String DEADLINE = "deadline";
  static final String UNIT = "unit";
  static final String DOCUMENT = "document";
  static final String DOCUMENT_STATUS = "documentStatus";
  static final String DOCUMENT_NEW = "documentNew";
  static final String DOCUMENT_WAIVED_BY = "documentWaivedBy";

  private StepModel() {
  }

  static Optional<Milestone> deadline(BaseElement step) {
    return property(step, DEADLINE).map(Milestone::valueOf);
  }

  /**
   * The document the step produces: {@code document} names its type; {@code documentStatus} the status it must have
   * reached (default {@code DRAFT}: written); {@code documentNew="true"} asks for one written since the step opened;
   * {@code documentWaivedBy="key=value"} names the outcome that completes the step without it. A value that names
   * no type or status fails the model's reading, so a typo never lets a step through.
   */
  static Optional<StepDocument> document(BaseElement step) {
    Optional<String> type = property(step, DOCUMENT);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      String waiver = property(step, DOCUMENT_WAIVED_BY).orElse(null);
      String waivedBy = null;
      boolean waivedWhen = false;
      if (waiver != null) {
        String[] parts = waiver.split("=", 2);
        if (parts.length != 2 || !("true".equals(parts[1].strip()) || "false".equals(parts[1].strip()))) {
          throw new IllegalArgumentException(DOCUMENT_WAIVED_BY + " is key=true or key=false, not " + waiver);
        }
        waivedBy = parts[0].strip();
        waivedWhen = Boolean.parseBoolean(parts[1].strip());
      }
      return Optional.of(new StepDocument(DocumentType.valueOf(type.get().strip()),
          DocumentStatus.valueOf(property(step, DOCUMENT_STATUS).orElse(DocumentStatus.DRAFT.name()).strip()),
          Boolean.parseBoolean(property(step, DOCUMENT_NEW).orElse("false").strip()), waivedBy, waivedWhen));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(step.getId() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> property(BaseElement step, String name) {
    ExtensionElements extensions = step.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst();
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
