package nl.bluevitaal.journey.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.bluevitaal.journey.ModelChanges.Aspect;
import nl.bluevitaal.journey.ModelChanges.Change;
import nl.bluevitaal.journey.ModelChanges.Kind;
import nl.bluevitaal.journey.UnreadableModelException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Compares two BPMN files element by element (same id, same element): a plain reading of the XML, no engine, so a
 * draft the engine would refuse can still be compared. Only what decides how a case runs is compared; the diagram's
 * layout and documentation are not.
 */
final class BpmnDiff {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Containers whose children are the flow elements compared. */
  private static final Set<String> SCOPES = Set.of("process", "subProcess", "transaction", "adHocSubProcess");

  private BpmnDiff() {
  }

  /** The changes from {@code deployed} (null: none) to {@code draft}: added first, then removed, renamed, changed. */
  static List<Change> compare(byte[] deployed, byte[] draft, String key) {
    Map<String, Element> before = deployed == null ? Map.of() : elements(read(deployed), null);
    Map<String, Element> after = elements(read(draft), key);
    List<Change> added = new ArrayList<>();
    List<Change> removed = new ArrayList<>();
    List<Change> renamed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    after.forEach((id, element) -> {
      Element old = before.get(id);
      if (old == null) {
        added.add(new Change(Kind.ADDED, id, element.getLocalName(), name(element), null, null, null));
        return;
      }
      if (!Objects.equals(name(old), name(element))) {
        renamed.add(new Change(Kind.RENAMED, id, element.getLocalName(), name(element), null, name(old),
            name(element)));
      }
      Map<Aspect, String> was = aspects(old);
      Map<Aspect, String> is = aspects(element);
      for (Aspect aspect : Aspect.values()) {
        if (!Objects.equals(was.get(aspect), is.get(aspect))) {
          changed.add(new Change(Kind.CHANGED, id, element.getLocalName(), name(element), aspect, was.get(aspect),
              is.get(aspect)));
        }
      }
    });
    before.forEach((id, element) -> {
      if (!after.containsKey(id)) {
        removed.add(new Change(Kind.REMOVED, id, element.getLocalName(), name(element), null, null, null));
      }
    });
    List<Change> all = new ArrayList<>(added);
    all.addAll(removed);
    all.addAll(renamed);
    all.addAll(changed);
    return all;
  }

  /**
   * The innermost element of the process whose attributes or text hold {@code text} (an expression the engine
   * named in an error), or null.
   */
  static Located elementContaining(byte[] bpmn, String text) {
    Located found = null;
    for (Element element : elements(read(bpmn), null).values()) {
      if (holds(element, text)) {
        found = new Located(element.getAttribute("id"), name(element));
      }
    }
    return found;
  }

  record Located(String id, String name) {
  }

  private static boolean holds(Element element, String text) {
    for (int i = 0; i < element.getAttributes().getLength(); i++) {
      if (element.getAttributes().item(i).getNodeValue().contains(text)) {
        return true;
      }
    }
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && holds(child, text)
          || node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** The id of the (first) process in a BPMN file, or null. */
  static String processId(byte[] bpmn) {
    NodeList processes = read(bpmn).getElementsByTagNameNS(BPMN, "process");
    return processes.getLength() == 0 ? null : ((Element) processes.item(0)).getAttribute("id");
  }

  static Document read(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // A model file comes from a browser: no DTDs, no external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException e) {
      throw new UnreadableModelException("Het bestand is geen leesbaar BPMN-model: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The process itself and every flow element in it, nested ones included, by id, in document order. */
  private static Map<String, Element> elements(Document document, String key) {
    NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
    if (processes.getLength() == 0) {
      throw new UnreadableModelException("Het bestand bevat geen proces.");
    }
    Element process = (Element) processes.item(0);
    if (key != null && !key.equals(process.getAttribute("id"))) {
      throw new UnreadableModelException("Het bestand bevat proces " + process.getAttribute("id")
          + ", niet " + key + ".");
    }
    Map<String, Element> elements = new LinkedHashMap<>();
    elements.put(process.getAttribute("id"), process);
    collect(process, elements);
    return elements;
  }

  private static void collect(Element scope, Map<String, Element> into) {
    for (Element child : children(scope, BPMN)) {
      if (!child.getAttribute("id").isEmpty() && !child.getLocalName().equals("laneSet")) {
        into.put(child.getAttribute("id"), child);
      }
      if (SCOPES.contains(child.getLocalName())) {
        collect(child, into);
      }
    }
  }

  private static String name(Element element) {
    return element.hasAttribute("name") ? element.getAttribute("name") : null;
  }

  /** The values of an element that decide how a case runs; an aspect the element does not have is absent. */
  private static Map<Aspect, String> aspects(Element element) {
    Map<Aspect, String> aspects = new EnumMap<>(Aspect.class);
    aspects.put(Aspect.TYPE, type(element));
    put(aspects, Aspect.DUE_DATE, camunda(element, "dueDate"));
    put(aspects, Aspect.CANDIDATES, joined(camunda(element, "candidateUsers") == null ? null
        : "gebruikers " + camunda(element, "candidateUsers"), camunda(element, "candidateGroups") == null ? null
        : "groepen " + camunda(element, "candidateGroups")));
    put(aspects, Aspect.ASSIGNEE, camunda(element, "assignee"));
    put(aspects, Aspect.TIMER, timer(element));
    put(aspects, Aspect.FORM_KEY, joined(camunda(element, "formKey"), formFields(element)));
    put(aspects, Aspect.CALLED_ELEMENT, joined(attribute(element, "calledElement"), mappings(element)));
    put(aspects, Aspect.DECISION_REF, camunda(element, "decisionRef"));
    put(aspects, Aspect.SOURCE, attribute(element, "sourceRef"));
    put(aspects, Aspect.TARGET, attribute(element, "targetRef"));
    put(aspects, Aspect.CONDITION, childText(element, "conditionExpression"));
    put(aspects, Aspect.DEFAULT_FLOW, attribute(element, "default"));
    put(aspects, Aspect.EXPRESSION, joined(camunda(element, "expression"), camunda(element, "delegateExpression"),
        camunda(element, "class"), multiInstance(element)));
    put(aspects, Aspect.LISTENERS, listeners(element));
    put(aspects, Aspect.PROPERTIES, properties(element));
    put(aspects, Aspect.ATTACHED_TO, attribute(element, "attachedToRef"));
    return aspects;
  }

  /** The element's kind, with the kind of its event definition (a timer start is not a message start). */
  private static String type(Element element) {
    String definitions = children(element, BPMN).stream().map(Element::getLocalName)
        .filter(n -> n.endsWith("EventDefinition")).reduce((a, b) -> a + "," + b).orElse(null);
    return definitions == null ? element.getLocalName() : element.getLocalName() + " (" + definitions + ")";
  }

  private static String timer(Element element) {
    for (Element definition : children(element, BPMN)) {
      if (definition.getLocalName().equals("timerEventDefinition")) {
        List<String> parts = new ArrayList<>();
        for (Element time : children(definition, BPMN)) {
          parts.add(time.getLocalName() + " " + time.getTextContent().strip());
        }
        return String.join("; ", parts);
      }
    }
    return null;
  }

  private static String formFields(Element element) {
    List<String> fields = new ArrayList<>();
    for (Element formField : descendants(element, CAMUNDA, "formField")) {
      fields.add(formField.getAttribute("id") + ":" + formField.getAttribute("type"));
    }
    return fields.isEmpty() ? null : "velden " + String.join(", ", fields);
  }

  private static String mappings(Element element) {
    List<String> mappings = new ArrayList<>();
    for (String direction : List.of("in", "out")) {
      for (Element mapping : descendants(element, CAMUNDA, direction)) {
        mappings.add(direction + " " + (mapping.hasAttribute("businessKey") ? "businessKey="
            + mapping.getAttribute("businessKey") : firstOf(mapping, "source", "sourceExpression", "variables")
            + "->" + mapping.getAttribute("target")));
      }
    }
    return mappings.isEmpty() ? null : String.join(", ", mappings);
  }

  private static String multiInstance(Element element) {
    for (Element loop : children(element, BPMN)) {
      if (loop.getLocalName().equals("multiInstanceLoopCharacteristics")) {
        return "voor elk " + camunda(loop, "elementVariable") + " in " + camunda(loop, "collection");
      }
    }
    return null;
  }

  private static String listeners(Element element) {
    List<String> listeners = new ArrayList<>();
    for (String kind : List.of("executionListener", "taskListener")) {
      for (Element listener : extensionChildren(element, kind)) {
        listeners.add(listener.getAttribute("event") + ": " + firstOf(listener, "expression", "delegateExpression",
            "class"));
      }
    }
    return listeners.isEmpty() ? null : String.join("; ", listeners);
  }

  private static String properties(Element element) {
    List<String> properties = new ArrayList<>();
    for (Element holder : extensionChildren(element, "properties")) {
      for (Element property : children(holder, CAMUNDA)) {
        properties.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
      }
    }
    return properties.isEmpty() ? null : String.join(", ", properties);
  }

  /** The camunda children of the element's own extensionElements (not those of nested elements). */
  private static List<Element> extensionChildren(Element element, String localName) {
    List<Element> found = new ArrayList<>();
    for (Element extensions : children(element, BPMN)) {
      if (extensions.getLocalName().equals("extensionElements")) {
        children(extensions, CAMUNDA).stream().filter(e -> e.getLocalName().equals(localName)).forEach(found::add);
      }
    }
    return found;
  }

  /** Form fields and mappings sit in the element's own extensionElements; a sub-process's children have their own. */
  private static List<Element> descendants(Element element, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Element extensions : children(element, BPMN)) {
      if (extensions.getLocalName().equals("extensionElements")) {
        NodeList nodes = extensions.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
          found.add((Element) nodes.item(i));
        }
      }
    }
    return found;
  }

  private static String childText(Element element, String localName) {
    for (Element child : children(element, BPMN)) {
      if (child.getLocalName().equals(localName)) {
        return child.getTextContent().strip();
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String namespace) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && namespace.equals(child.getNamespaceURI())) {
        children.add(child);
      }
    }
    return children;
  }

  private static String camunda(Element element, String attribute) {
    return element.hasAttributeNS(CAMUNDA, attribute) ? element.getAttributeNS(CAMUNDA, attribute) : null;
  }

  private static String attribute(Element element, String attribute) {
    return element.hasAttribute(attribute) ? element.getAttribute(attribute) : null;
  }

  private static String firstOf(Element element, String... attributes) {
    for (String attribute : attributes) {
      if (element.hasAttribute(attribute)) {
        return element.getAttribute(attribute);
      }
    }
    return "";
  }

  private static String joined(String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (part != null) {
        present.add(part);
      }
    }
    return present.isEmpty() ? null : String.join(" | ", present);
  }

  private static void put(Map<Aspect, String> aspects, Aspect aspect, String value) {
    if (value != null) {
      aspects.put(aspect, value);
    }
  }
}
