package nl.bluevitaal.journey.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.bluevitaal.journey.ModelContract;
import nl.bluevitaal.journey.ModelFile;
import nl.bluevitaal.journey.ModelViolation.Code;
import nl.bluevitaal.journey.ModelViolation;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.StepCatalogue.OutcomeKey;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The {@link ModelContract}: the engine parses the model (without deploying it), then the house rules are read from
 * the file itself, element by element, so nothing a model could run escapes them: every attribute and text holding an
 * expression is parsed and may only call what {@link ModelVocabulary} offers; scripts, Java classes and connectors are
 * refused wherever they appear.
 */
@Component
class CamundaModelContract implements ModelContract {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  /** The engine still reads its attributes in the namespace of its Activiti past: the rules hold there too. */
  private static final String ACTIVITI_BPMN = "http://activiti.org/bpmn";
  private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  /** The prefixes of the house rules: one name from diagram to code (style rule 5). */
  static final Set<String> ID_PREFIXES = Set.of("StartEvent", "EndEvent", "Task", "Gateway", "Flow", "BoundaryEvent",
      "CatchEvent", "ThrowEvent", "TimerEvent", "SubProcess", "CallActivity", "Error", "Message", "Signal",
      "Escalation", "Definitions", "Collaboration", "Participant", "Lane", "LaneSet", "TextAnnotation", "Association",
      "DataObject", "DataObjectReference", "DecisionTable", "Input", "InputExpression", "InputData", "Output", "Rule",
      "UnaryTests", "LiteralExpression", "InformationRequirement", "KnowledgeSource", "BusinessKnowledgeModel");
  /** What Camunda Modeler generates: a digit and six lower-case letters or digits, or a bare number. */
  private static final Pattern GENERATED = Pattern.compile("([0-9][0-9a-z]{5,7}|[0-9]+|sid-.*)");
  private static final Pattern NAMED = Pattern.compile("[A-Z][A-Za-z0-9_]*");
  private static final Pattern MODEL_KEY = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern PEOPLE_RULE = Pattern.compile("\\$\\{journeyPeople\\.\\w+\\(.*\\)}");
  /** FEEL by its short name or by the URIs of the DMN versions that define it; nothing else that merely says "feel". */
  private static final Pattern FEEL = Pattern.compile("(?i)feel|https?://www\\.omg\\.org/spec/(DMN/\\d{8}/)?FEEL/(\\d{8}/?)?");
  private static final Pattern FEEL_CODE = Pattern.compile("\\b(function|external)\\b");
  /** Ids of elements that never reach the engine's history or the code: an event's definition, a loop. */
  private static final Set<String> ID_FREE = Set.of("multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
      "conditionExpression", "completionCondition", "timeDate", "timeDuration", "timeCycle", "documentation",
      "extensionElements", "inputValues", "outputValues", "text", "description");

  private final ProcessEngineConfigurationImpl engine;

  CamundaModelContract(ProcessEngine processEngine) {
    this.engine = ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();
  }

  @Override
  public List<ModelViolation> checkBeforeDeployment(ModelFile model) {
    Document document = read(model);
    ModelFile current = null;
    if (document != null && model.isProcess()) {
      NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
      String key = processes.getLength() == 0 ? null : ((Element) processes.item(0)).getAttribute("id");
      ProcessDefinition running = key == null || key.isBlank() ? null : engine.getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
      if (running != null) {
        try (InputStream in = engine.getRepositoryService().getProcessModel(running.getId())) {
          current = new ModelFile(running.getResourceName(), in.readAllBytes());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    List<ModelViolation> found = new ArrayList<>(check(model, List.of(), current));
    if (document != null && model.isProcess()) {
      // What a draft calls must exist when it deploys: a deployed process or decision, or the draft itself.
      Set<String> deployed = new HashSet<>();
      engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
          .forEach(definition -> deployed.add(definition.getKey()));
      engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list()
          .forEach(definition -> deployed.add(definition.getKey()));
      Violations references = new Violations(model.name());
      Map<String, Element> byId = new HashMap<>();
      index(document.getDocumentElement(), byId);
      references.byId = byId;
      checkReferences(document, keysOf(document), deployed, references);
      references.list().stream().filter(violation -> !found.contains(violation)).forEach(found::add);
    }
    return List.copyOf(found);
  }

  @Override
  public List<ModelViolation> check(ModelFile model, List<ModelFile> set, @Nullable ModelFile current) {
    Violations found = new Violations(model.name());
    Document document = read(model);
    if (document == null || !(model.isProcess() || model.isDecision())) {
      found.add(model.name(), null, Code.NOT_A_MODEL);
      return found.list();
    }
    Map<String, Element> byId = new HashMap<>();
    index(document.getDocumentElement(), byId);
    found.byId = byId;
    if (model.isProcess()) {
      parseProcess(model, found);
    } else {
      parseDecision(model, found);
    }
    walk(document.getDocumentElement(), model.isDecision(), found);
    if (model.isProcess()) {
      checkSteps(model, current, found);
      checkWatches(document, found);
      if (!set.isEmpty()) {
        checkReferences(document, set, found);
      }
    }
    return found.list();
  }

  // --- the engine parses it

  private void parseProcess(ModelFile model, Violations found) {
    // Caught inside the command: a model that does not parse is an answer here, not an engine error to log.
    ProcessEngineException failure = engine.getCommandExecutorTxRequired().execute(commandContext -> {
      DeploymentEntity deployment = new DeploymentEntity();
      deployment.setName("model-contract");
      ResourceEntity resource = new ResourceEntity();
      resource.setName(model.name());
      resource.setBytes(model.content());
      deployment.addResource(resource);
      try {
        bpmnParser().createParse().sourceInputStream(new ByteArrayInputStream(model.content()))
            .deployment(deployment).name(model.name()).execute();
        return null;
      } catch (ProcessEngineException e) {
        return e;
      }
    });
    if (failure instanceof ParseException e) {
      for (ResourceReport report : e.getResorceReports()) {
        for (Problem problem : report.getErrors()) {
          String id = problem.getMainElementId() == null ? model.name() : problem.getMainElementId();
          found.add(id, null, Code.NOT_PARSED, problem.getMessage());
        }
      }
    } else if (failure != null) {
      found.add(model.name(), null, Code.NOT_PARSED, String.valueOf(failure.getMessage()));
    }
  }

  private void parseDecision(ModelFile model, Violations found) {
    // In a command: the engine's DMN parser reads its history settings from the command context.
    RuntimeException failure = engine.getCommandExecutorTxRequired().execute(commandContext -> {
      try {
        engine.getDmnEngine().parseDecisionRequirementsGraph(new ByteArrayInputStream(model.content()));
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    if (failure != null) {
      found.add(model.name(), null, Code.NOT_PARSED, String.valueOf(failure.getMessage()));
    }
  }

  private BpmnParser bpmnParser() {
    return engine.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
        .map(deployer -> ((BpmnDeployer) deployer).getBpmnParser()).findFirst()
        .orElseThrow(() -> new IllegalStateException("The engine has no BPMN deployer"));
  }

  // --- the rules read from the file, element by element

  private void walk(Element element, boolean decision, Violations found) {
    String ns = String.valueOf(element.getNamespaceURI());
    String local = element.getLocalName();
    boolean semantic = BPMN.equals(ns) || isDmnModel(ns);
    if (semantic && element.hasAttribute("id") && !ID_FREE.contains(local) && !local.endsWith("EventDefinition")) {
      checkId(element, local, found);
    }
    if ((semantic && ("process".equals(local) && "true".equals(element.getAttribute("isExecutable"))
        || "decision".equals(local)))) {
      String camunda = decision ? CAMUNDA_DMN : CAMUNDA_BPMN;
      if (element.getAttributeNS(camunda, "historyTimeToLive").isBlank()) {
        found.add(element, Code.HISTORY_TIME_TO_LIVE_MISSING);
      }
      if (element.getAttributeNS(camunda, "versionTag").isBlank()) {
        found.add(element, Code.VERSION_TAG_MISSING);
      }
    }
    if (BPMN.equals(ns) && "scriptTask".equals(local) || isCamunda(ns) && "script".equals(local)
        || element.hasAttribute("scriptFormat") || element.hasAttributeNS(CAMUNDA_BPMN, "scriptFormat")
        || ("conditionExpression".equals(local) || "condition".equals(local)) && element.hasAttribute("language")) {
      found.add(owner(element), Code.SCRIPT);
    }
    if (isCamunda(ns) && "connector".equals(local)) {
      found.add(owner(element), Code.CONNECTOR);
    }
    if (isCamunda(ns) && "field".equals(local)) {
      // Field injection writes into the journey's delegate beans, which are shared by every case.
      found.add(owner(element), Code.FIELD_INJECTION, element.getAttribute("name"));
    }
    if (isCamunda(ns) && ("in".equals(local) || "out".equals(local)) && element.hasAttribute("variables")) {
      // "all" hands every variable across, past the rules for each one.
      found.add(owner(element), Code.VARIABLE_NOT_ALLOWED, "variables=" + element.getAttribute("variables"));
    }
    if (isCamunda(ns) && ("in".equals(local) || "out".equals(local))) {
      variable(element.getAttribute("source"), element, found);
      variable(element.getAttribute("target"), element, found);
    }
    if (isCamunda(ns) && ("inputParameter".equals(local) || "outputParameter".equals(local))) {
      variable(element.getAttribute("name"), element, found);
    }
    if (isCamunda(ns) && "formField".equals(local)) {
      variable(element.getAttribute("id"), element, found);
    }
    if (decision) {
      checkDecisionElement(element, ns, local, found);
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if ("class".equals(name) || name.endsWith("Class")) {
        found.add(owner(element), Code.JAVA_CLASS, attribute.getValue());
      }
      if (isCamunda(attribute.getNamespaceURI()) && Set.of("formKey", "formRef").contains(name)) {
        // A step's form is BlueVitaal's own page; a form key could send its person to any address.
        found.add(owner(element), Code.FORM_KEY_NOT_ALLOWED, attribute.getValue());
      }
      if (isCamunda(attribute.getNamespaceURI()) && Set.of("resultVariable", "elementVariable",
          "errorCodeVariable", "errorMessageVariable", "escalationCodeVariable").contains(name)) {
        variable(attribute.getValue(), element, found);
      }
      if (isCamunda(attribute.getNamespaceURI()) && "collection".equals(name)
          && !isExpression(attribute.getValue())) {
        variable(attribute.getValue(), element, found);
      }
      if (isExpression(attribute.getValue())) {
        expression(attribute.getValue(), owner(element), found);
      }
    }
    String text = ownText(element);
    if (isExpression(text)) {
      expression(text, owner(element), found);
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(e, decision, found);
      }
    }
  }

  private static boolean isCamunda(String namespace) {
    return CAMUNDA_BPMN.equals(namespace) || ACTIVITI_BPMN.equals(namespace);
  }

  private void checkId(Element element, String local, Violations found) {
    String id = element.getAttribute("id");
    if ("process".equals(local) || "decision".equals(local)) {
      if (!MODEL_KEY.matcher(id).matches()) {
        found.add(element, Code.ID_NOT_NAMED);
      }
      return;
    }
    int underscore = id.indexOf('_');
    String prefix = underscore < 0 ? id : id.substring(0, underscore);
    String rest = underscore < 0 ? "" : id.substring(underscore + 1);
    if (id.startsWith("sid-") || GENERATED.matcher(rest).matches()) {
      found.add(element, Code.GENERATED_ID);
    } else if (!ID_PREFIXES.contains(prefix) || !NAMED.matcher(rest).matches()) {
      // A form field's or property's id is a variable or a key, checked on its own.
      found.add(element, Code.ID_NOT_NAMED);
    }
  }

  private void checkDecisionElement(Element element, String ns, String local, Violations found) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isBlank() && !FEEL.matcher(language.strip()).matches()) {
      found.add(owner(element), Code.SCRIPT);
    }
    if (!isDmnModel(ns)) {
      return;
    }
    if ("text".equals(local) && FEEL_CODE.matcher(element.getTextContent()).find()) {
      found.add(owner(element), Code.SCRIPT);
    }
    if ("inputExpression".equals(local)) {
      String input = textOf(element).strip();
      if (!ModelVocabulary.DECISION_INPUTS.contains(input)) {
        found.add((Element) element.getParentNode(), Code.DECISION_INPUT_NOT_ALLOWED, input,
            String.join(", ", new TreeSet<>(ModelVocabulary.DECISION_INPUTS)));
      }
    }
    if ("output".equals(local)) {
      variable(element.getAttribute("name"), element, found);
    }
  }

  // --- expressions: only what the journey offers

  private static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }

  private void expression(String text, Element owner, Violations found) {
    Tree tree;
    try {
      tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text);
    } catch (TreeBuilderException e) {
      found.add(owner, Code.EXPRESSION_INVALID, text);
      return;
    }
    Set<String> refused = new LinkedHashSet<>();
    Set<String> unknownVariables = new LinkedHashSet<>();
    visit(tree.getRoot(), refused, unknownVariables);
    for (String call : refused) {
      found.add(owner, Code.EXPRESSION_NOT_ALLOWED, text, call);
    }
    for (String variable : unknownVariables) {
      found.add(owner, Code.VARIABLE_NOT_ALLOWED, variable);
    }
  }

  /** The case the process runs for: its variable {@code caseId} or its business key. */
  private static boolean isOwnCase(Node argument) {
    if (argument instanceof AstIdentifier identifier) {
      return Var.CASE_ID.equals(identifier.getName());
    }
    return argument instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier object
        && "execution".equals(object.getName()) && "processBusinessKey".equals(propertyName(dot));
  }

  private static void visit(Node node, Set<String> refused, Set<String> unknownVariables) {
    if (node instanceof AstMethod method) {
      Node property = method.getChild(0);
      Node parameters = method.getChild(1);
      if (property instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean) {
        String name = propertyName(dot);
        Set<Integer> arities = ModelVocabulary.beanMethods().getOrDefault(bean.getName(), Map.of()).get(name);
        if (arities == null || !arities.contains(parameters.getCardinality())) {
          refused.add(bean.getName() + "." + name + "(…)");
        } else if (ModelVocabulary.caseFirstMethods().getOrDefault(bean.getName(), Set.of()).contains(name)
            && parameters.getCardinality() > 0 && !isOwnCase(parameters.getChild(0))) {
          refused.add(bean.getName() + "." + name + "(" + describe(parameters.getChild(0)) + ", …)");
        }
      } else {
        refused.add(describe(property) + "(…)");
      }
      // The arguments may themselves call something.
      for (int i = 0; i < parameters.getCardinality(); i++) {
        visit(parameters.getChild(i), refused, unknownVariables);
      }
      return;
    }
    if (node instanceof AstDot dot) {
      Node prefix = dot.getChild(0);
      String name = propertyName(dot);
      if (!(prefix instanceof AstIdentifier object
          && ModelVocabulary.ENGINE_OBJECTS.getOrDefault(object.getName(), Set.of()).contains(name))) {
        refused.add(describe(dot));
      }
      return;
    }
    if (node instanceof AstBracket bracket) {
      refused.add(describe(bracket));
      return;
    }
    if (node instanceof AstFunction function) {
      refused.add(function.toString());
      return;
    }
    if (node instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (!ModelVocabulary.isBean(name) && !ModelVocabulary.ENGINE_OBJECTS.containsKey(name)
          && !ModelVocabulary.variables().contains(name)) {
        unknownVariables.add(name);
      }
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(node.getChild(i), refused, unknownVariables);
    }
  }

  private static String propertyName(AstDot dot) {
    return dot.toString().replaceFirst("^\\.\\s*", "");
  }

  private static String describe(Node node) {
    if (node instanceof AstIdentifier identifier) {
      return identifier.getName();
    }
    if (node instanceof AstDot dot) {
      return describe(dot.getChild(0)) + "." + propertyName(dot);
    }
    if (node instanceof AstMethod method) {
      return describe(method.getChild(0)) + "(…)";
    }
    if (node instanceof AstBracket bracket) {
      return describe(bracket.getChild(0)) + "[…]";
    }
    return node.toString();
  }

  private static void variable(String name, Element element, Violations found) {
    if (name != null && !name.isBlank() && !isExpression(name) && !ModelVocabulary.variables().contains(name)) {
      found.add(owner(element), Code.VARIABLE_NOT_ALLOWED, name);
    }
  }

  // --- steps: a responsible role and the form the step catalogue reads

  private void checkSteps(ModelFile model, @Nullable ModelFile current, Violations found) {
    BpmnModelInstance draft = model(model);
    if (draft == null) {
      return;
    }
    Map<String, UserTask> before = new HashMap<>();
    BpmnModelInstance running = current == null ? null : model(current);
    if (running != null) {
      running.getModelElementsByType(UserTask.class).forEach(step -> before.put(step.getId(), step));
    }
    for (UserTask step : draft.getModelElementsByType(UserTask.class)) {
      String users = step.getCamundaCandidateUsers();
      String groups = step.getCamundaCandidateGroups();
      String assignee = step.getCamundaAssignee();
      // The assignee too: a fixed name would give the step, and the case behind it, to whoever the model names.
      if (users == null || groups == null || !PEOPLE_RULE.matcher(users.strip()).matches()
          || !PEOPLE_RULE.matcher(groups.strip()).matches()
          || (assignee != null && !PEOPLE_RULE.matcher(assignee.strip()).matches())) {
        found.add(step.getId(), step.getName(), Code.RESPONSIBLE_ROLE_MISSING);
      }
      List<OutcomeKey> keys;
      try {
        keys = StepModel.outcomeKeys(step);
        StepModel.document(step);
        StepModel.deadline(step);
      } catch (RuntimeException e) {
        found.add(step.getId(), step.getName(), Code.FORM_UNREADABLE, String.valueOf(e.getMessage()));
        continue;
      }
      UserTask was = before.get(step.getId());
      if (was != null) {
        keptFromBefore(step, keys, was, found);
      }
    }
  }

  private static void keptFromBefore(UserTask step, List<OutcomeKey> keys, UserTask was, Violations found) {
    List<OutcomeKey> wasKeys;
    try {
      wasKeys = StepModel.outcomeKeys(was);
    } catch (RuntimeException e) {
      return;
    }
    Set<String> now = keys.stream().map(k -> k.name() + ":" + k.type()).collect(Collectors.toSet());
    for (OutcomeKey key : wasKeys) {
      if (!now.contains(key.name() + ":" + key.type())) {
        found.add(step.getId(), step.getName(), Code.FORM_FIELD_REMOVED, key.name());
      }
    }
    Optional<?> deadline = StepModel.deadline(was);
    if (deadline.isPresent() && !deadline.equals(StepModel.deadline(step))) {
      found.add(step.getId(), step.getName(), Code.FORM_FIELD_REMOVED, StepModel.DEADLINE);
    }
    if (StepModel.document(was).isPresent() && StepModel.document(step).isEmpty()) {
      found.add(step.getId(), step.getName(), Code.FORM_FIELD_REMOVED, StepModel.DOCUMENT);
    }
  }

  @Nullable
  private static BpmnModelInstance model(ModelFile file) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (RuntimeException e) {
      return null;
    }
  }

  // --- every legal deadline still watched, and met by its step

  private static void checkWatches(Document document, Violations found) {
    Element journey = null;
    NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
    for (int i = 0; i < processes.getLength(); i++) {
      Element process = (Element) processes.item(i);
      if (ReintegrationJourneyProcess.PROCESS_KEY.equals(process.getAttribute("id"))) {
        journey = process;
      }
    }
    if (journey == null) {
      return;
    }
    boolean legalWatched = false;
    Set<String> watchedOne = new HashSet<>();
    NodeList calls = journey.getElementsByTagNameNS(BPMN, "callActivity");
    for (int i = 0; i < calls.getLength(); i++) {
      Element call = (Element) calls.item(i);
      if (!ReintegrationJourneyProcess.WATCH_PROCESS_KEY.equals(call.getAttribute("calledElement"))) {
        continue;
      }
      NodeList loops = call.getElementsByTagNameNS(BPMN, "multiInstanceLoopCharacteristics");
      for (int j = 0; j < loops.getLength(); j++) {
        String collection = ((Element) loops.item(j)).getAttributeNS(CAMUNDA_BPMN, "collection");
        legalWatched |= collection.replace(" ", "").equals("${journeyWatches.legalWatches()}");
      }
      NodeList ins = call.getElementsByTagNameNS(CAMUNDA_BPMN, "in");
      for (int j = 0; j < ins.getLength(); j++) {
        Element in = (Element) ins.item(j);
        if (Var.MILESTONE.equals(in.getAttribute("target"))) {
          Matcher literal = Pattern.compile("\\$\\{\\s*'(\\w+)'\\s*}")
              .matcher(in.getAttribute("sourceExpression"));
          if (literal.matches()) {
            watchedOne.add(literal.group(1));
          }
        }
      }
    }
    String all = expressionsOf(journey).replace(" ", "");
    for (Watch watch : Watch.values()) {
      boolean watched = Watch.FROM_THE_START.contains(watch) ? legalWatched : watchedOne.contains(watch.name());
      if (!watched) {
        found.add(journey, Code.MILESTONE_UNWATCHED, watch.name());
      }
      if (!all.contains("journeyWatches.reached(caseId,'" + watch.name() + "')")) {
        found.add(journey, Code.MILESTONE_NEVER_MET, watch.name());
      }
    }
  }

  /**
   * The expressions that run: a listener's {@code expression} and a service task's {@code camunda:expression}. A
   * name or a documentation that merely mentions the call meets no deadline.
   */
  private static String expressionsOf(Element element) {
    StringBuilder values = new StringBuilder();
    NodeList all = element.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element each = (Element) all.item(i);
      String running = isCamunda(each.getNamespaceURI()) ? each.getAttribute("expression")
          : each.getAttributeNS(CAMUNDA_BPMN, "expression");
      values.append(running).append('\n');
    }
    return values.toString();
  }

  // --- what a process calls is in the set it deploys with

  private static void checkReferences(Document document, List<ModelFile> set, Violations found) {
    Set<String> keys = new HashSet<>();
    for (ModelFile other : set) {
      Document read = read(other);
      if (read != null) {
        keys.addAll(keysOf(read));
      }
    }
    checkReferences(document, keys, Set.of(), found);
  }

  private static Set<String> keysOf(Document document) {
    Set<String> keys = new HashSet<>();
    for (String type : List.of("process", "decision")) {
      NodeList elements = document.getElementsByTagNameNS("*", type);
      for (int i = 0; i < elements.getLength(); i++) {
        keys.add(((Element) elements.item(i)).getAttribute("id"));
      }
    }
    return keys;
  }

  private static void checkReferences(Document document, Set<String> keys, Set<String> alsoKnown,
      Violations found) {
    NodeList all = document.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String called = "callActivity".equals(element.getLocalName()) ? element.getAttribute("calledElement")
          : element.getAttributeNS(CAMUNDA_BPMN, "decisionRef");
      if (!called.isBlank() && !isExpression(called) && !keys.contains(called) && !alsoKnown.contains(called)) {
        found.add(element, Code.REFERENCE_MISSING, called);
      }
    }
  }

  // --- reading the file

  @Nullable
  private static Document read(ModelFile model) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // A model from the browser is untrusted input: no document types, no external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(model.content()));
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean isDmnModel(String ns) {
    return ns.contains("omg.org/spec/DMN") && (ns.endsWith("MODEL/") || ns.endsWith("dmn.xsd"));
  }

  private static void index(Element element, Map<String, Element> byId) {
    if (element.hasAttribute("id")) {
      byId.putIfAbsent(element.getAttribute("id"), element);
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        index(e, byId);
      }
    }
  }

  /** The element a process owner sees on the diagram: the nearest one with an id in the model's own namespace. */
  private static Element owner(Element element) {
    for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
      String ns = String.valueOf(e.getNamespaceURI());
      if ((BPMN.equals(ns) || isDmnModel(ns)) && e.hasAttribute("id")) {
        return e;
      }
    }
    return element;
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      short type = child.getNodeType();
      if (type == org.w3c.dom.Node.TEXT_NODE || type == org.w3c.dom.Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static String textOf(Element inputExpression) {
    NodeList texts = inputExpression.getElementsByTagNameNS("*", "text");
    return texts.getLength() == 0 ? "" : texts.item(0).getTextContent();
  }

  /** The violations found so far, each once. */
  private static final class Violations {

    private final String model;
    private final Set<ModelViolation> found = new LinkedHashSet<>();
    private Map<String, Element> byId = Map.of();

    Violations(String model) {
      this.model = model;
    }

    void add(Element element, Code code, String... arguments) {
      String id = element.hasAttribute("id") ? element.getAttribute("id") : element.getLocalName();
      String name = element.hasAttribute("name") ? element.getAttribute("name")
          : element.hasAttribute("label") ? element.getAttribute("label") : null;
      add(id, name, code, arguments);
    }

    void add(String id, @Nullable String name, Code code, String... arguments) {
      String shown = name;
      if (shown == null && byId.get(id) != null && byId.get(id).hasAttribute("name")) {
        shown = byId.get(id).getAttribute("name");
      }
      found.add(new ModelViolation(model, id, shown, code, List.of(arguments)));
    }

    List<ModelViolation> list() {
      return List.copyOf(found);
    }
  }
}
