package org.carerelay.engine.deployment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an edited model changes against the version that runs now (the latest deployed one of the
 * same key): every element, by id, added, removed or changed, with what it was and what it becomes.
 * An element is compared by its own attributes and the parts of it that have no id of their own
 * (a condition, a timer, a form reference); its diagram position and the incoming and outgoing
 * lists (which follow from the sequence flows) are left out.
 */
@Component
class ModelChanges {

  /** One element that differs; {@code before} or {@code after} is empty for one added or removed. */
  record Change(String model, String element, String kind, String name, String change, String before, String after) {}

  /** The changes, and the running versions they were compared with. */
  record Changes(List<String> comparedWith, List<Change> changes) {}

  private static final int SHOWN = 300;

  private final RepositoryService repository;

  ModelChanges(RepositoryService repository) {
    this.repository = repository;
  }

  Changes against(Map<String, byte[]> resources) {
    List<String> compared = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    resources.forEach((name, content) -> {
      boolean bpmn = name.endsWith(".bpmn");
      if (!bpmn && !name.endsWith(".dmn")) {
        return;
      }
      Document edited = parse(name, new ByteArrayInputStream(content));
      for (Element model : children(edited.getDocumentElement(), bpmn ? "process" : "decision")) {
        String key = model.getAttribute("id");
        Element running = running(bpmn, key, compared);
        if (running == null) {
          changes.add(new Change(key, key, model.getLocalName(), model.getAttribute("name"), "added", "",
              "a new " + (bpmn ? "process" : "decision")));
          continue;
        }
        compare(key, elements(running), elements(model), changes);
      }
    });
    return new Changes(compared, changes);
  }

  private Element running(boolean bpmn, String key, List<String> compared) {
    String id;
    int version;
    if (bpmn) {
      var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
      if (definition == null) {
        return null;
      }
      id = definition.getId();
      version = definition.getVersion();
    } else {
      var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
          .singleResult();
      if (definition == null) {
        return null;
      }
      id = definition.getId();
      version = definition.getVersion();
    }
    compared.add(key + ", version " + version);
    try (InputStream xml = bpmn ? repository.getProcessModel(id) : repository.getDecisionModel(id)) {
      Document document = parse(key, xml);
      return children(document.getDocumentElement(), bpmn ? "process" : "decision").stream()
          .filter(element -> key.equals(element.getAttribute("id"))).findFirst().orElse(null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void compare(String key, Map<String, Element> before, Map<String, Element> after,
      List<Change> changes) {
    for (var entry : after.entrySet()) {
      Element now = entry.getValue();
      Element was = before.get(entry.getKey());
      if (was == null) {
        changes.add(new Change(key, entry.getKey(), now.getLocalName(), now.getAttribute("name"), "added", "",
            shown(now)));
      } else if (!canonical(was).equals(canonical(now))) {
        changes.add(new Change(key, entry.getKey(), now.getLocalName(), now.getAttribute("name"), "changed",
            shown(was), shown(now)));
      }
    }
    for (var entry : before.entrySet()) {
      if (!after.containsKey(entry.getKey())) {
        Element was = entry.getValue();
        changes.add(new Change(key, entry.getKey(), was.getLocalName(), was.getAttribute("name"), "removed",
            shown(was), ""));
      }
    }
  }

  /** Every element with an id inside the process or decision, in document order. */
  private static Map<String, Element> elements(Element model) {
    Map<String, Element> elements = new LinkedHashMap<>();
    collect(model, elements);
    return elements;
  }

  private static void collect(Element parent, Map<String, Element> elements) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        if (!element.getAttribute("id").isEmpty()) {
          elements.put(element.getAttribute("id"), element);
        }
        collect(element, elements);
      }
    }
  }

  /** The element's own attributes and the parts of it without an id, in a stable order. */
  private static String canonical(Element element) {
    StringBuilder text = new StringBuilder(element.getLocalName());
    Map<String, String> attributes = new TreeMap<>();
    for (int i = 0; i < element.getAttributes().getLength(); i++) {
      Node attribute = element.getAttributes().item(i);
      if (!attribute.getNodeName().startsWith("xmlns")) {
        attributes.put(Objects.requireNonNullElse(attribute.getLocalName(), attribute.getNodeName()),
            attribute.getNodeValue());
      }
    }
    attributes.forEach((name, value) -> text.append(' ').append(name).append("=\"").append(value).append('"'));
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element part) {
        if (part.getAttribute("id").isEmpty() && !List.of("incoming", "outgoing").contains(part.getLocalName())) {
          text.append(" {").append(canonical(part)).append('}');
        }
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String value = child.getNodeValue().strip();
        if (!value.isEmpty()) {
          text.append(" \"").append(value.replaceAll("\\s+", " ")).append('"');
        }
      }
    }
    return text.toString();
  }

  private static String shown(Element element) {
    String text = canonical(element);
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static Document parse(String name, InputStream xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newDocumentBuilder().parse(xml);
    } catch (Exception e) {
      throw new InvalidInput("The models", new FieldProblem(name, "is not well-formed XML: " + e.getMessage()));
    }
  }
}
