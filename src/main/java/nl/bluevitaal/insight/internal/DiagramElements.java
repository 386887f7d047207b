package nl.bluevitaal.insight.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What the heatmap needs of a deployed BPMN file: its steps (user tasks) by id with their Dutch names in the order the
 * file has them, and the processes its call activities call. Read with a parser that resolves no external entities.
 */
public record DiagramElements(Map<String, String> steps, List<String> calledProcesses) {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  public DiagramElements {
    steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    calledProcesses = List.copyOf(calledProcesses);
  }

  public static DiagramElements of(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
      Map<String, String> steps = new LinkedHashMap<>();
      NodeList tasks = document.getElementsByTagNameNS(BPMN, "userTask");
      for (int i = 0; i < tasks.getLength(); i++) {
        Element task = (Element) tasks.item(i);
        String name = task.getAttribute("name").replaceAll("\\s+", " ").strip();
        steps.put(task.getAttribute("id"), name.isEmpty() ? task.getAttribute("id") : name);
      }
      List<String> called = new ArrayList<>();
      NodeList calls = document.getElementsByTagNameNS(BPMN, "callActivity");
      for (int i = 0; i < calls.getLength(); i++) {
        String key = ((Element) calls.item(i)).getAttribute("calledElement");
        if (!key.isBlank() && !called.contains(key)) {
          called.add(key);
        }
      }
      return new DiagramElements(steps, called);
    } catch (Exception e) {
      throw new IllegalStateException("A deployed model that cannot be read: " + e.getMessage(), e);
    }
  }
}
