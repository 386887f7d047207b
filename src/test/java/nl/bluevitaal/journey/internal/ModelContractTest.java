package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.bluevitaal.journey.ModelFile;
import nl.bluevitaal.journey.ModelViolation.Code;
import nl.bluevitaal.journey.ModelViolation;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The model contract in the build: every model in {@code processes/} and {@code decisions/} keeps it, and each kind
 * of bad model is refused with a Dutch message that names the element (its name and id).
 */
class ModelContractTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-junit5.cfg.xml").build();

  private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("messages/modeling");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  private CamundaModelContract contract;

  @BeforeEach
  void contract() {
    contract = new CamundaModelContract(engine.getProcessEngine());
  }

  @Test
  void everyModelOfTheReleaseKeepsTheContract() throws IOException {
    List<ModelFile> set = release();
    assertThat(set).extracting(ModelFile::name).contains("ReintegrationJourney.bpmn", "MilestoneWatch.bpmn",
        "IntakeRouting.dmn", "FirstYearNextStep.dmn", "EscalationLadder.dmn", "CheckInTriage.dmn");
    for (ModelFile model : set) {
      assertThat(contract.check(model, set, null)).as(model.name()).isEmpty();
    }
  }

  @Test
  void aModelKeepsTheContractAgainstItsOwnRunningVersion() {
    ModelFile journey = file("processes/ReintegrationJourney.bpmn");
    assertThat(contract.check(journey, List.of(), journey)).isEmpty();
  }

  @Test
  void refusesAScriptTask() {
    String xml = journey().replace("<bpmn:serviceTask id=\"Task_ReleaseProblemAnalysis\"",
        "<bpmn:scriptTask scriptFormat=\"groovy\" id=\"Task_ReleaseProblemAnalysis\"")
        .replace("<bpmn:outgoing>Flow_ReleaseProblemAnalysisToAnalysisReleased</bpmn:outgoing>\n"
            + "        </bpmn:serviceTask>", "<bpmn:outgoing>Flow_ReleaseProblemAnalysisToAnalysisReleased"
            + "</bpmn:outgoing>\n<bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>"
            + "        </bpmn:scriptTask>");

    assertThat(messages(check(xml), Code.SCRIPT)).containsExactly("Probleemanalyse vrijgeven aan werkgeverszijde "
        + "(Task_ReleaseProblemAnalysis) bevat een script. Scripts zijn niet toegestaan: een model mag alleen "
        + "aanroepen wat het traject aanbiedt.");
  }

  @Test
  void refusesAScriptListener() {
    String xml = journey().replace("<camunda:executionListener expression=\"${journeyCaseFile.enterPhase(caseId, "
        + "&#39;INTAKE&#39;)}\" event=\"start\" />", "<camunda:executionListener event=\"start\"><camunda:script "
        + "scriptFormat=\"javascript\">java.lang.System.exit(1)</camunda:script></camunda:executionListener>");

    assertThat(messages(check(xml), Code.SCRIPT)).singleElement().asString()
        .startsWith("Intakegesprek voeren (Task_Intake) bevat een script.");
  }

  /** The engine also reads the namespace of its Activiti past; a script there is a script all the same. */
  @Test
  void refusesAScriptListenerInTheActivitiNamespace() {
    String xml = journey()
        .replaceFirst("<bpmn:definitions ", "<bpmn:definitions xmlns:activiti=\"http://activiti.org/bpmn\" ")
        .replace("<camunda:executionListener expression=\"${journeyCaseFile.enterPhase(caseId, "
        + "&#39;INTAKE&#39;)}\" event=\"start\" />", "<activiti:executionListener event=\"start\"><activiti:script "
        + "scriptFormat=\"javascript\">java.lang.System.exit(1)</activiti:script></activiti:executionListener>");
    assertThat(xml).contains("<activiti:script");

    assertThat(messages(check(xml), Code.SCRIPT)).singleElement().asString()
        .startsWith("Intakegesprek voeren (Task_Intake) bevat een script.");
  }

  @Test
  void refusesAJavaClass() {
    String xml = journey().replace("camunda:delegateExpression=\"${routeIntake}\"",
        "camunda:class=\"org.example.Anything\"");

    assertThat(messages(check(xml), Code.JAVA_CLASS)).containsExactly("Begeleiding bepalen (Task_RouteIntake) noemt "
        + "een Java-klasse (org.example.Anything). Dat is niet toegestaan: gebruik een stap die het traject aanbiedt.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${execution.getProcessEngineServices().getRuntimeService()}",
      "${&#39;&#39;.getClass().forName(&#39;java.lang.Runtime&#39;)}",
      "${runtimeService.deleteProcessInstance(caseId, &#39;weg&#39;)}",
      "${journeyWatches.reached(caseId, &#39;PROBLEM_ANALYSIS&#39;).getClass()}",
      "${journeyPeople.deleteEverything(caseId)}",
      "${execution[&#39;processEngineServices&#39;]}",
      "${journeyWatches.reached(&#39;3f2c9a1e-0000-4000-8000-000000000001&#39;, &#39;PLAN_OF_ACTION&#39;)}",
      "${journeyCaseFile.enterPhase(milestone, &#39;INTAKE&#39;)}"})
  void refusesAnExpressionOutsideTheAllowList(String expression) {
    String xml = journey().replace("${journeyCaseFile.enterPhase(caseId, &#39;INTAKE&#39;)}", expression);

    List<String> refused = messages(check(xml), Code.EXPRESSION_NOT_ALLOWED);
    assertThat(refused).isNotEmpty();
    assertThat(refused).allSatisfy(message -> assertThat(message).startsWith("Intakegesprek voeren (Task_Intake) "
        + "roept ").contains("Dat biedt het traject niet aan modellen aan."));
  }

  @Test
  void refusesAVariableOutsideTheJourneysSet() {
    String intake = "camunda:dueDate=\"${journeyDeadlines.daysFromNow(7)}\">\n          <bpmn:extensionElements>\n"
        + "            <camunda:formData>";
    String xml = journey().replace(intake, intake.replace("daysFromNow(7)", "daysFromNow(diagnosis)"));

    assertThat(messages(check(xml), Code.VARIABLE_NOT_ALLOWED)).containsExactly("Intakegesprek voeren (Task_Intake) "
        + "gebruikt de variabele diagnosis. Die hoort niet bij het traject: alleen ids en beslisgegevens van het "
        + "traject zijn toegestaan.");
  }

  @Test
  void refusesAGeneratedId() {
    String xml = journey().replace("\"Task_Intake\"", "\"Activity_0x1abc2\"")
        .replace("\"Gateway_DoctorReported\"", "\"Gateway_1q2w3e\"");

    assertThat(messages(check(xml), Code.GENERATED_ID)).containsExactlyInAnyOrder(
        "Intakegesprek voeren (Activity_0x1abc2) heeft een id die Camunda Modeler heeft bedacht. Geef het een naam "
            + "volgens de huisregels, bijvoorbeeld Task_Intake of Gateway_PlanAgreed.",
        "Al gemeld bij bedrijfsarts? (Gateway_1q2w3e) heeft een id die Camunda Modeler heeft bedacht. Geef het een "
            + "naam volgens de huisregels, bijvoorbeeld Task_Intake of Gateway_PlanAgreed.");
  }

  @Test
  void refusesAMissingHistoryTimeToLive() {
    String xml = journey().replace(" camunda:historyTimeToLive=\"730\"", "");

    assertThat(messages(check(xml), Code.HISTORY_TIME_TO_LIVE_MISSING)).containsExactly("Re-integratietraject "
        + "poortwachter (ReintegrationJourney) heeft geen bewaartermijn voor de historie (historyTimeToLive).");
  }

  @Test
  void refusesAMissingVersionTag() {
    String xml = text("decisions/EscalationLadder.dmn").replace(" camunda:versionTag=\"1.0.0\"", "");

    assertThat(messages(contract.check(ModelFile.of("EscalationLadder.dmn", xml)), Code.VERSION_TAG_MISSING))
        .containsExactly("Escalatieladder bij termijnen (EscalationLadder) heeft geen versielabel (versionTag).");
  }

  @Test
  void refusesARemovedMilestoneWatch() {
    String xml = journey().replaceFirst("(?s)<bpmn:callActivity id=\"CallActivity_WatchEvaluations\".*?"
        + "</bpmn:callActivity>", "");

    assertThat(messages(check(xml), Code.MILESTONE_UNWATCHED)).containsExactly("Re-integratietraject poortwachter "
        + "(ReintegrationJourney) bewaakt de termijn EVALUATION niet meer. Elke wettelijke termijn moet bewaakt "
        + "blijven.");
  }

  @Test
  void refusesWatchesOfTheLegalMilestonesRemovedAtOnce() {
    String xml = journey().replace("camunda:collection=\"${journeyWatches.legalWatches()}\"",
        "camunda:collection=\"${journeyWatches.legalWatches().subList(0, 1)}\"");

    List<ModelViolation> violations = check(xml);
    assertThat(violations).filteredOn(v -> v.code() == Code.MILESTONE_UNWATCHED).extracting(v -> v.arguments().get(0))
        .containsExactlyInAnyOrderElementsOf(Watch.FROM_THE_START.stream().map(Watch::name).toList());
  }

  @Test
  void refusesAStepWhoseDeadlineIsNeverReportedMet() {
    String xml = journey().replace("<camunda:taskListener expression=\"${journeyWatches.reached(caseId, "
        + "&#39;UWV_NOTIFICATION&#39;)}\" event=\"complete\" />", "");

    assertThat(messages(check(xml), Code.MILESTONE_NEVER_MET)).singleElement().asString()
        .startsWith("Re-integratietraject poortwachter (ReintegrationJourney) meldt nergens dat de termijn "
            + "UWV_NOTIFICATION gehaald is.");
  }

  @Test
  void refusesAStepWithoutItsResponsibleRole() {
    String xml = journey().replace("<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" "
        + "camunda:candidateUsers=\"${journeyPeople.counsellorUsers(caseId)}\" camunda:candidateGroups=\""
        + "${journeyPeople.counsellorGroups(caseId)}\"", "<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek "
        + "voeren\" camunda:candidateGroups=\"counsellor\"");

    assertThat(messages(check(xml), Code.RESPONSIBLE_ROLE_MISSING)).singleElement().asString()
        .startsWith("Intakegesprek voeren (Task_Intake) noemt niet wie de stap doet");
  }

  /** A fixed assignee would give the step, and the case behind it, to whoever the model names. */
  @Test
  void refusesAStepWithAFixedAssignee() {
    String xml = journey().replace("<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" ",
        "<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" camunda:assignee=\"gerda\" ");
    assertThat(xml).contains("camunda:assignee=\"gerda\"");

    assertThat(messages(check(xml), Code.RESPONSIBLE_ROLE_MISSING)).singleElement().asString()
        .startsWith("Intakegesprek voeren (Task_Intake) noemt niet wie de stap doet");
  }

  /** The rule that a model passes its own case rests on the parameter names: it must see them. */
  @Test
  void knowsWhichOfferedMethodsTakeTheCaseFirst() {
    assertThat(ModelVocabulary.caseFirstMethods().get("journeyWatches")).contains("reached");
    assertThat(ModelVocabulary.caseFirstMethods().get("journeyCaseFile")).contains("enterPhase", "deadlineMet");
    assertThat(ModelVocabulary.caseFirstMethods().get("journeyPeople")).contains("counsellorUsers");
  }

  @Test
  void refusesAStepThatLostAFormFieldItsRunningVersionHas() {
    String xml = journey().replaceFirst("(?s)(<bpmn:userTask id=\"Task_Intake\".*?)<camunda:formField id=\""
        + "workConflict\"[^>]*/>", "$1");

    List<ModelViolation> violations = contract.check(ModelFile.of("ReintegrationJourney.bpmn", xml), List.of(),
        file("processes/ReintegrationJourney.bpmn"));

    assertThat(messages(violations, Code.FORM_FIELD_REMOVED)).containsExactly("Intakegesprek voeren (Task_Intake) mist "
        + "workConflict, dat de stap nu wel heeft. De pagina's van de stap hebben het nodig.");
  }

  @Test
  void refusesACallOfAModelTheSetDoesNotHave() throws IOException {
    List<ModelFile> withoutTheWatch = release().stream().filter(f -> !f.name().equals("MilestoneWatch.bpmn"))
        .toList();

    List<ModelViolation> violations = contract.check(file("processes/ReintegrationJourney.bpmn"), withoutTheWatch,
        null);

    assertThat(messages(violations, Code.REFERENCE_MISSING)).contains("Wettelijke termijnen bewaken "
        + "(CallActivity_WatchMilestones) roept MilestoneWatch aan, maar dat model hoort niet bij de set.");
  }

  /** Field injection writes into the journey's delegate beans, which every case shares. */
  @Test
  void refusesFieldInjection() {
    String xml = journey().replace("<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" ",
        "<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" ").replaceFirst(
        "(<bpmn:serviceTask id=\"Task_ReleaseProblemAnalysis\"[^>]*>)", "$1<bpmn:extensionElements>"
            + "<camunda:field name=\"target\" stringValue=\"x\" /></bpmn:extensionElements>");
    assertThat(xml).contains("camunda:field name=\"target\"");

    assertThat(messages(check(xml), Code.FIELD_INJECTION)).containsExactly("Probleemanalyse vrijgeven aan "
        + "werkgeverszijde (Task_ReleaseProblemAnalysis) zet een waarde in een Java-klasse van het traject "
        + "(camunda:field target). Dat is niet toegestaan: die klassen delen alle trajecten.");
  }

  /** A form key would be a link in Camunda's Tasklist: to any address the model names. */
  @Test
  void refusesAFormOfItsOwn() {
    String xml = journey().replace("<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" ",
        "<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" "
            + "camunda:formKey=\"https://elders.example/formulier\" ");

    assertThat(messages(check(xml), Code.FORM_KEY_NOT_ALLOWED)).singleElement().asString()
        .startsWith("Intakegesprek voeren (Task_Intake) noemt een eigen formulier (https://elders.example/formulier)");
  }

  /** Variables reach a model only one by one, by their names: never "all", never into an error's own variables. */
  @Test
  void refusesAllVariablesAtOnceAndErrorVariablesOutsideTheSet() {
    String all = journey().replaceFirst("<camunda:in source=\"caseId\" target=\"caseId\" />",
        "<camunda:in variables=\"all\" />");
    assertThat(all).contains("variables=\"all\"");
    assertThat(check(all)).filteredOn(v -> v.code() == Code.VARIABLE_NOT_ALLOWED)
        .extracting(v -> v.arguments().get(0)).contains("variables=all");

    String error = journey().replace("</bpmn:process>", "<bpmn:boundaryEvent id=\"BoundaryEvent_Failed\" "
        + "attachedToRef=\"Task_Intake\"><bpmn:errorEventDefinition camunda:errorCodeVariable=\"leak\" "
        + "camunda:errorMessageVariable=\"whyItLeaked\" /></bpmn:boundaryEvent></bpmn:process>");
    assertThat(check(error)).filteredOn(v -> v.code() == Code.VARIABLE_NOT_ALLOWED)
        .extracting(v -> v.arguments().get(0)).contains("leak", "whyItLeaked");
  }

  /** Camunda reads a language on a conditional event's condition as well: a script there too. */
  @Test
  void refusesAScriptInAConditionalEvent() {
    String xml = journey().replace("</bpmn:process>", "<bpmn:intermediateCatchEvent id=\"CatchEvent_Condition\">"
            + "<bpmn:conditionalEventDefinition><bpmn:condition xsi:type=\"bpmn:tFormalExpression\" "
            + "language=\"javascript\">true</bpmn:condition></bpmn:conditionalEventDefinition>"
            + "</bpmn:intermediateCatchEvent></bpmn:process>");

    assertThat(check(xml)).extracting(ModelViolation::code).contains(Code.SCRIPT);
  }

  /** Only a listener or service expression reports a deadline met: the call written in a name meets nothing. */
  @Test
  void aDeadlineMentionedInANameIsNotReportedMet() {
    String xml = journey().replace("<camunda:taskListener expression=\"${journeyWatches.reached(caseId, "
        + "&#39;UWV_NOTIFICATION&#39;)}\" event=\"complete\" />", "").replace(
        "<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren\" ",
        "<bpmn:userTask id=\"Task_Intake\" name=\"Intakegesprek voeren journeyWatches.reached(caseId,"
            + " &#39;UWV_NOTIFICATION&#39;)\" ");

    assertThat(check(xml)).filteredOn(v -> v.code() == Code.MILESTONE_NEVER_MET)
        .extracting(v -> v.arguments().get(0)).containsExactly("UWV_NOTIFICATION");
  }

  /** A workbench draft has no set beside it: what it calls must be deployed already (or be the draft itself). */
  @Test
  void aDraftThatCallsAModelThatIsNotDeployedIsRefusedBeforeDeployment() {
    String xml = journey().replace("calledElement=\"MilestoneWatch\"", "calledElement=\"NowhereToBeFound\"");
    assertThat(xml).contains("NowhereToBeFound");

    assertThat(contract.checkBeforeDeployment(ModelFile.of("ReintegrationJourney.bpmn", xml)))
        .filteredOn(v -> v.code() == Code.REFERENCE_MISSING).extracting(v -> v.arguments().get(0))
        .contains("NowhereToBeFound");
  }

  @Test
  void aDecisionInFeelByItsUriPassesAndALanguageThatMerelyMentionsFeelDoesNot() {
    String uri = text("decisions/IntakeRouting.dmn").replace("<inputExpression id=\"InputExpression_WorkConflict\"",
        "<inputExpression expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\" "
            + "id=\"InputExpression_WorkConflict\"");
    String lookalike = text("decisions/IntakeRouting.dmn").replace(
        "<inputExpression id=\"InputExpression_WorkConflict\"",
        "<inputExpression expressionLanguage=\"feel-groovy\" id=\"InputExpression_WorkConflict\"");

    assertThat(contract.check(ModelFile.of("IntakeRouting.dmn", uri))).extracting(ModelViolation::code)
        .doesNotContain(Code.SCRIPT);
    assertThat(contract.check(ModelFile.of("IntakeRouting.dmn", lookalike))).extracting(ModelViolation::code)
        .contains(Code.SCRIPT);
  }

  @Test
  void refusesAMedicalDecisionInput() {
    String xml = text("decisions/IntakeRouting.dmn").replace("<text>workConflict</text>", "<text>diagnosis</text>");

    List<ModelViolation> violations = contract.check(ModelFile.of("IntakeRouting.dmn", xml));

    assertThat(messages(violations, Code.DECISION_INPUT_NOT_ALLOWED)).singleElement().asString()
        .startsWith("Arbeidsconflict gemeld (Input_WorkConflict) leest diagnosis. Een beslissing mag alleen deze "
            + "niet-medische gegevens lezen: ");
  }

  @Test
  void refusesADecisionInAnotherExpressionLanguage() {
    String xml = text("decisions/IntakeRouting.dmn").replace("<inputExpression id=\"InputExpression_WorkConflict\"",
        "<inputExpression expressionLanguage=\"groovy\" id=\"InputExpression_WorkConflict\"");

    assertThat(contract.check(ModelFile.of("IntakeRouting.dmn", xml))).extracting(ModelViolation::code)
        .contains(Code.SCRIPT);
  }

  @Test
  void refusesAFileThatIsNoModel() {
    assertThat(contract.check(ModelFile.of("Anything.bpmn", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<x>&e;</x>"))).extracting(ModelViolation::code).containsExactly(Code.NOT_A_MODEL);
  }

  @Test
  void reportsWhatTheEngineCannotParseAtTheElement() {
    String xml = journey().replace("sourceRef=\"Task_Intake\"", "sourceRef=\"Task_Nowhere\"");

    assertThat(check(xml)).extracting(ModelViolation::code).contains(Code.NOT_PARSED);
  }

  private List<ModelViolation> check(String journeyXml) {
    return contract.check(ModelFile.of("ReintegrationJourney.bpmn", journeyXml));
  }

  private static List<String> messages(List<ModelViolation> violations, Code code) {
    return violations.stream().filter(v -> v.code() == code)
        .map(v -> MESSAGES.getMessage(code.messageKey(), v.messageArguments(), Locale.forLanguageTag("nl")))
        .toList();
  }

  private static String journey() {
    return text("processes/ReintegrationJourney.bpmn");
  }

  static List<ModelFile> release() throws IOException {
    List<ModelFile> files = new ArrayList<>();
    for (String folder : List.of("processes", "decisions")) {
      try (Stream<Path> paths = Files.list(Path.of(folder))) {
        for (Path path : paths.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn"))
            .sorted().toList()) {
          files.add(new ModelFile(path.getFileName().toString(), Files.readAllBytes(path)));
        }
      }
    }
    return files;
  }

  static ModelFile file(String resource) {
    return ModelFile.of(resource.substring(resource.indexOf('/') + 1), text(resource));
  }

  static String text(String resource) {
    try (InputStream in = ModelContractTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
