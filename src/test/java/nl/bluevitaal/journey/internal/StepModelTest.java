package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.StepCatalogue.OutcomeKey;
import nl.bluevitaal.journey.StepCatalogue.OutcomeType;
import nl.bluevitaal.journey.StepCatalogue.StepDocument;
import nl.bluevitaal.poortwachter.Milestone;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step catalogue as the journey's model states it: each step's outcome keys are its form fields (the same form
 * Camunda Tasklist generates, so both ways into a step record the same decision inputs), and its deadline property
 * names the legal deadline its due date is. A step a process owner adds gets its form and deadline the same way.
 */
class StepModelTest {

  private static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(new File("processes/ReintegrationJourney.bpmn"));

  static Stream<Arguments> steps() {
    return Stream.of(
        Arguments.of(Element.TASK_INTAKE, List.of(
            new OutcomeKey(Var.WORK_CONFLICT, OutcomeType.BOOLEAN, true, 0, 1),
            new OutcomeKey(Var.EXPECTED_ABSENCE_WEEKS, OutcomeType.WEEKS, true, 0, 104)), null),
        Arguments.of(Element.TASK_PROBLEM_ANALYSIS, List.of(), Milestone.PROBLEM_ANALYSIS),
        // The employee's review and the release also fit before week 6.
        Arguments.of(Element.TASK_REVIEW_PROBLEM_ANALYSIS, List.of(
            new OutcomeKey("correctionRequested", OutcomeType.BOOLEAN, true, 0, 1)), Milestone.PROBLEM_ANALYSIS),
        Arguments.of(Element.TASK_DRAFT_PLAN_OF_ACTION, List.of(), Milestone.PLAN_OF_ACTION),
        Arguments.of(Element.TASK_AGREE_PLAN_EMPLOYEE, List.of(
            new OutcomeKey("planAgreedByEmployee", OutcomeType.BOOLEAN, true, 0, 1)), Milestone.PLAN_OF_ACTION),
        Arguments.of(Element.TASK_AGREE_PLAN_LINE_MANAGER, List.of(
            new OutcomeKey("planAgreedByLineManager", OutcomeType.BOOLEAN, true, 0, 1)), Milestone.PLAN_OF_ACTION),
        Arguments.of(Element.TASK_UWV_NOTIFICATION, List.of(), Milestone.UWV_NOTIFICATION),
        // The work capacity has a default (the case file's current one): leaving it empty keeps it.
        Arguments.of(Element.TASK_FIRST_YEAR_EVALUATION, List.of(
            new OutcomeKey("returnToOwnWorkRealistic", OutcomeType.BOOLEAN, true, 0, 1),
            new OutcomeKey("workCapacityPct", OutcomeType.PERCENTAGE, false, 0, 100)),
            Milestone.FIRST_YEAR_EVALUATION),
        // Whether durable full incapacity is expected is the doctor's judgement, in the doctor's own step.
        Arguments.of(Element.TASK_DOCTOR_FIRST_YEAR_ADVICE, List.of(
            new OutcomeKey("durableFullIncapacityExpected", OutcomeType.BOOLEAN, true, 0, 1)),
            Milestone.FIRST_YEAR_EVALUATION),
        Arguments.of(Element.TASK_COMPILE_REINTEGRATION_REPORT, List.of(), Milestone.WIA_APPLICATION),
        Arguments.of(Element.TASK_RECORD_EXPERT_OPINION, List.of(
            new OutcomeKey("expertOpinionAsksChange", OutcomeType.BOOLEAN, true, 0, 1)), null),
        Arguments.of(Element.TASK_RECORD_EARLY_IVA_DECISION, List.of(
            new OutcomeKey("earlyIvaGranted", OutcomeType.BOOLEAN, true, 0, 1)), null),
        Arguments.of(Element.TASK_CURRENT_OPINION, List.of(), Milestone.FINAL_EVALUATION),
        Arguments.of(Element.TASK_FINAL_EVALUATION, List.of(), Milestone.FINAL_EVALUATION),
        Arguments.of(Element.TASK_WIA_APPLICATION, List.of(), Milestone.WIA_APPLICATION),
        Arguments.of(Element.TASK_EVALUATION, List.of(), null),
        Arguments.of(Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY, List.of(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("steps")
  void eachStepStatesItsOutcomeAndDeadlineInTheModel(String step, List<OutcomeKey> keys, Milestone deadline) {
    UserTask task = MODEL.getModelElementById(step);

    assertThat(StepModel.outcomeKeys(task)).containsExactlyElementsOf(keys);
    assertThat(StepModel.deadline(task)).isEqualTo(Optional.ofNullable(deadline));
  }

  @Test
  void everyStepOfTheModelReadsCleanly() {
    Map<String, Object> read = new TreeMap<>();
    for (UserTask task : MODEL.getModelElementsByType(UserTask.class)) {
      read.put(task.getId(), StepModel.outcomeKeys(task) + " " + StepModel.deadline(task) + " "
          + StepModel.document(task));
    }
    assertThat(read).hasSize(MODEL.getModelElementsByType(UserTask.class).size());
  }

  @Test
  void aNumberWithoutAUnitIsAModelError() {
    UserTask task = taskWithField("<camunda:formField id=\"hours\" type=\"long\"/>");

    assertThatThrownBy(() -> StepModel.outcomeKeys(task)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unit");
  }

  @Test
  void aStepAProcessOwnerAddsGetsItsFormAndDeadlineFromTheModel() {
    UserTask task = taskWithField("""
        <camunda:formField id="extraWeeks" type="long">
          <camunda:properties><camunda:property id="unit" value="weeks"/></camunda:properties>
          <camunda:validation><camunda:constraint name="max" config="12"/></camunda:validation>
        </camunda:formField>""");

    assertThat(StepModel.outcomeKeys(task))
        .containsExactly(new OutcomeKey("extraWeeks", OutcomeType.WEEKS, false, 0, 12));
    assertThat(StepModel.deadline(task)).contains(Milestone.PLAN_OF_ACTION);
  }

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of(Element.TASK_PROBLEM_ANALYSIS, doc(DocumentType.PROBLEM_ANALYSIS,
            DocumentStatus.FOR_EMPLOYEE_REVIEW, false, null, false)),
        // A correction asked is the other way out of the review: the analysis then stays under review.
        Arguments.of(Element.TASK_REVIEW_PROBLEM_ANALYSIS, doc(DocumentType.PROBLEM_ANALYSIS,
            DocumentStatus.RELEASED, false, Var.CORRECTION_REQUESTED, true)),
        Arguments.of(Element.TASK_DRAFT_PLAN_OF_ACTION, doc(DocumentType.PLAN_OF_ACTION, DocumentStatus.RELEASED,
            false, null, false)),
        Arguments.of(Element.TASK_AGREE_PLAN_EMPLOYEE, doc(DocumentType.PLAN_OF_ACTION, DocumentStatus.SIGNED,
            false, Var.PLAN_AGREED_BY_EMPLOYEE, false)),
        Arguments.of(Element.TASK_AGREE_PLAN_LINE_MANAGER, doc(DocumentType.PLAN_OF_ACTION, DocumentStatus.SIGNED,
            false, Var.PLAN_AGREED_BY_LINE_MANAGER, false)),
        Arguments.of(Element.TASK_EVALUATION, doc(DocumentType.EVALUATION, DocumentStatus.RELEASED, true, null,
            false)),
        Arguments.of(Element.TASK_FIRST_YEAR_EVALUATION, doc(DocumentType.FIRST_YEAR_EVALUATION,
            DocumentStatus.RELEASED, false, null, false)),
        Arguments.of(Element.TASK_START_SPOOR_2, doc(DocumentType.SPOOR2_PLAN, DocumentStatus.RELEASED, false, null,
            false)),
        Arguments.of(Element.TASK_CURRENT_OPINION, doc(DocumentType.CURRENT_OPINION,
            DocumentStatus.FOR_EMPLOYEE_REVIEW, false, null, false)),
        Arguments.of(Element.TASK_FINAL_EVALUATION, doc(DocumentType.FINAL_EVALUATION, DocumentStatus.RELEASED,
            false, null, false)),
        Arguments.of(Element.TASK_UWV_NOTIFICATION, doc(DocumentType.UWV_NOTIFICATION, DocumentStatus.RELEASED,
            false, null, false)),
        Arguments.of(Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE, doc(DocumentType.PROBLEM_ANALYSIS_UPDATE,
            DocumentStatus.FOR_EMPLOYEE_REVIEW, true, null, false)),
        Arguments.of(Element.TASK_UPDATE_ANALYSIS_WHILE_SICK, doc(DocumentType.PROBLEM_ANALYSIS_UPDATE,
            DocumentStatus.FOR_EMPLOYEE_REVIEW, true, null, false)),
        Arguments.of(Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY, doc(DocumentType.PLAN_OF_ACTION_UPDATE,
            DocumentStatus.RELEASED, true, null, false)),
        Arguments.of(Element.TASK_INTAKE, null),
        Arguments.of(Element.TASK_WIA_APPLICATION, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void eachDocumentStepNamesItsDocumentAndTheStatusItNeedsInTheModel(String step, StepDocument document) {
    assertThat(StepModel.document(MODEL.getModelElementById(step))).isEqualTo(Optional.ofNullable(document));
  }

  @Test
  void aDocumentWrittenIsTheDefaultAndAWaiverSaysWhichAnswerNeedsNone() {
    UserTask task = taskWithProperties("""
        <camunda:property name="document" value="REINTEGRATION_REPORT"/>
        <camunda:property name="documentWaivedBy" value="notNeeded=true"/>""");

    StepDocument document = StepModel.document(task).orElseThrow();
    assertThat(document).isEqualTo(doc(DocumentType.REINTEGRATION_REPORT, DocumentStatus.DRAFT, false, "notNeeded",
        true));
    assertThat(document.waivedBy(Map.of("notNeeded", true))).isTrue();
    assertThat(document.waivedBy(Map.of("notNeeded", false))).isFalse();
    assertThat(document.waivedBy(Map.of())).isFalse();
  }

  @Test
  void aDocumentPropertyThatNamesNoTypeOrStatusIsAModelErrorNotAnOpenGate() {
    assertThatThrownBy(() -> StepModel.document(taskWithProperties(
        "<camunda:property name=\"document\" value=\"PROBLEM_ANALISYS\"/>")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Task_New");
    assertThatThrownBy(() -> StepModel.document(taskWithProperties("""
        <camunda:property name="document" value="PROBLEM_ANALYSIS"/>
        <camunda:property name="documentStatus" value="WRITTEN"/>""")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> StepModel.document(taskWithProperties("""
        <camunda:property name="document" value="PROBLEM_ANALYSIS"/>
        <camunda:property name="documentWaivedBy" value="correctionRequested"/>""")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("documentWaivedBy");
  }

  private static StepDocument doc(DocumentType type, DocumentStatus status, boolean fresh, String waivedBy,
      boolean waivedWhen) {
    return new StepDocument(type, status, fresh, waivedBy, waivedWhen);
  }

  private static UserTask taskWithProperties(String properties) {
    String xml = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:userTask id="Task_New">
              <bpmn:extensionElements>
                <camunda:properties>%s</camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>""".formatted(properties);
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementById("Task_New");
  }

  private static UserTask taskWithField(String field) {
    String xml = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:userTask id="Task_New">
              <bpmn:extensionElements>
                <camunda:properties><camunda:property name="deadline" value="PLAN_OF_ACTION"/></camunda:properties>
                <camunda:formData>%s</camunda:formData>
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>""".formatted(field);
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementById("Task_New");
  }
}
