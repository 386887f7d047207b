package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;

/**
 * Staff who complete steps in Camunda Tasklist get a generated form; its fields must be exactly the outcome keys our
 * own API takes, with the same names and kinds, so both ways into a step record the same decision inputs.
 */
class TasklistFormsTest {

  private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/ReintegrationJourney.bpmn"));

  @Test
  void everyStepWithAnOutcomeHasATasklistFormWithExactlyItsKeys() {
    for (Map.Entry<String, List<JourneyTasks.OutcomeKey>> step : JourneyTasks.OUTCOME_KEYS.entrySet()) {
      Map<String, String> fields = formFields(step.getKey());

      assertThat(fields).as(step.getKey()).containsOnlyKeys(
          step.getValue().stream().map(JourneyTasks.OutcomeKey::name).toList());
      step.getValue().forEach(key -> assertThat(fields.get(key.name())).as(step.getKey() + "." + key.name())
          .isEqualTo(key.type() == JourneyTasks.OutcomeType.BOOLEAN ? "boolean" : "long"));
    }
  }

  @Test
  void stepsWithoutAnOutcomeHaveNoFormFields() {
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    for (UserTask task : userTasks) {
      if (!JourneyTasks.OUTCOME_KEYS.containsKey(task.getId())) {
        assertThat(formFields(task.getId())).as(task.getId()).isEmpty();
      }
    }
  }

  private Map<String, String> formFields(String taskId) {
    UserTask task = model.getModelElementById(taskId);
    if (task.getExtensionElements() == null) {
      return Map.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().stream()
        .flatMap(data -> data.getCamundaFormFields().stream())
        .collect(Collectors.toMap(CamundaFormField::getCamundaId, CamundaFormField::getCamundaType));
  }
}
