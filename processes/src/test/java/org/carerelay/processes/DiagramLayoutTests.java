package org.carerelay.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every diagram is readable in Cockpit and the modeler, as people see it:
 * <ul>
 *   <li>no shape overlaps another, except a shape inside its sub-process and a boundary event on
 *       its activity;
 *   <li>every named event, gateway and sequence flow has its label placed in the diagram, and no
 *       label overlaps a shape (other than a sub-process around it) or another label, nor leaves
 *       the sub-process its element is in;
 *   <li>no shape or label inside a sub-process hides the sub-process's name, centred at its top;
 *   <li>no sequence flow runs through a shape it does not connect, nor crosses a sub-process's
 *       border unless it connects something inside with something outside.
 * </ul>
 * A designer who moves things in the modeler and leaves them overlapping gets the list here.
 */
class DiagramLayoutTests {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  record Box(double x, double y, double width, double height) {

    boolean overlaps(Box other) {
      return x < other.x + other.width && other.x < x + width && y < other.y + other.height
          && other.y < y + height;
    }

    boolean within(Box other) {
      return x >= other.x && y >= other.y && x + width <= other.x + other.width && y + height <= other.y + other.height;
    }

    boolean containsStrictly(double px, double py) {
      return px > x + 1 && px < x + width - 1 && py > y + 1 && py < y + height - 1;
    }
  }

  record Point(double x, double y) {}

  static Stream<Path> diagrams() throws IOException {
    return Files.walk(Path.of("src/main/resources/processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void isReadable(Path diagram) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(diagram.toFile());

    Map<String, Element> elements = new HashMap<>();
    Map<String, String> subProcessOf = new HashMap<>();
    for (Element process : list(document.getElementsByTagNameNS(BPMN, "process"))) {
      index(process, null, elements, subProcessOf);
    }
    Map<String, Box> shapes = new HashMap<>();
    Map<String, Box> labels = new HashMap<>();
    Map<String, List<Point>> flows = new HashMap<>();
    for (Element shape : list(document.getElementsByTagNameNS(BPMNDI, "BPMNShape"))) {
      String id = shape.getAttribute("bpmnElement");
      shapes.put(id, box(child(shape, DC, "Bounds")));
      label(shape).ifPresent(label -> labels.put(id, label));
    }
    for (Element edge : list(document.getElementsByTagNameNS(BPMNDI, "BPMNEdge"))) {
      String id = edge.getAttribute("bpmnElement");
      List<Point> points = new ArrayList<>();
      for (Element point : list(edge.getElementsByTagNameNS(DI, "waypoint"))) {
        points.add(new Point(Double.parseDouble(point.getAttribute("x")), Double.parseDouble(point.getAttribute("y"))));
      }
      flows.put(id, points);
      label(edge).ifPresent(label -> labels.put(id, label));
    }

    List<String> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>(shapes.keySet());
    ids.sort(null);
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        Box boxA = shapes.get(a);
        Box boxB = shapes.get(b);
        if (boxA.overlaps(boxB) && !boxA.within(boxB) && !boxB.within(boxA) && !attached(elements, a, b)) {
          problems.add("shapes " + a + " and " + b + " overlap");
        }
      }
    }
    for (Map.Entry<String, Element> element : elements.entrySet()) {
      String kind = element.getValue().getLocalName();
      boolean external = kind.endsWith("Event") || kind.endsWith("Gateway") || kind.equals("sequenceFlow");
      if (external && !element.getValue().getAttribute("name").isBlank() && !labels.containsKey(element.getKey())) {
        problems.add(element.getKey() + " has a name but no label position in the diagram");
      }
    }
    List<String> labelled = new ArrayList<>(labels.keySet());
    labelled.sort(null);
    for (int i = 0; i < labelled.size(); i++) {
      String owner = labelled.get(i);
      Box label = labels.get(owner);
      for (Map.Entry<String, Box> shape : shapes.entrySet()) {
        boolean around = isSubProcess(elements.get(shape.getKey())) && label.within(shape.getValue());
        if (label.overlaps(shape.getValue()) && !around) {
          problems.add("the label of " + owner + " overlaps " + shape.getKey());
        }
      }
      String container = subProcessOf.get(owner);
      if (container != null && !label.within(shapes.get(container))) {
        problems.add("the label of " + owner + " leaves its sub-process " + container);
      }
      for (int j = i + 1; j < labelled.size(); j++) {
        if (label.overlaps(labels.get(labelled.get(j)))) {
          problems.add("the labels of " + owner + " and " + labelled.get(j) + " overlap");
        }
      }
    }
    for (Map.Entry<String, Box> container : shapes.entrySet()) {
      Element subProcess = elements.get(container.getKey());
      if (isSubProcess(subProcess) && !subProcess.getAttribute("name").isBlank()) {
        Box heading = heading(container.getValue(), subProcess.getAttribute("name"));
        for (Map.Entry<String, Box> inner : shapes.entrySet()) {
          if (within(subProcessOf, inner.getKey(), container.getKey()) && heading.overlaps(inner.getValue())) {
            problems.add(inner.getKey() + " hides the heading of " + container.getKey());
          }
        }
        for (Map.Entry<String, Box> label : labels.entrySet()) {
          if (within(subProcessOf, label.getKey(), container.getKey()) && heading.overlaps(label.getValue())) {
            problems.add("the label of " + label.getKey() + " hides the heading of " + container.getKey());
          }
        }
      }
    }
    for (Map.Entry<String, List<Point>> flow : flows.entrySet()) {
      Element semantic = elements.get(flow.getKey());
      if (semantic == null || !semantic.getLocalName().equals("sequenceFlow")) {
        continue;
      }
      String source = semantic.getAttribute("sourceRef");
      String target = semantic.getAttribute("targetRef");
      for (Map.Entry<String, Box> shape : shapes.entrySet()) {
        String id = shape.getKey();
        if (id.equals(source) || id.equals(target)) {
          if (isSubProcess(elements.get(id)) && !within(subProcessOf, source, id) && !within(subProcessOf, target, id)
              && runsInside(flow.getValue(), shape.getValue())) {
            problems.add("flow " + flow.getKey() + " runs inside " + id + " to reach its border");
          }
          continue;
        }
        boolean container = isSubProcess(elements.get(id));
        boolean connectsInside = within(subProcessOf, source, id) || within(subProcessOf, target, id);
        if ((!container || !connectsInside) && runsInside(flow.getValue(), shape.getValue())) {
          problems.add("flow " + flow.getKey() + (container ? " crosses the border of " : " runs through ") + id);
        }
      }
    }
    assertThat(problems).as("layout of " + diagram.getFileName()).isEmpty();
  }

  /** Where Cockpit writes a sub-process's name: one line centred at its top (about 6.5 px a character). */
  private static Box heading(Box subProcess, String name) {
    double width = Math.min(subProcess.width() - 10, name.length() * 6.5);
    return new Box(subProcess.x() + (subProcess.width() - width) / 2, subProcess.y() + 5, width, 16);
  }

  private static void index(Element parent, String subProcess, Map<String, Element> elements,
      Map<String, String> subProcessOf) {
    for (Element child : children(parent)) {
      if (!BPMN.equals(child.getNamespaceURI()) || child.getAttribute("id").isEmpty()) {
        continue;
      }
      elements.put(child.getAttribute("id"), child);
      if (subProcess != null) {
        subProcessOf.put(child.getAttribute("id"), subProcess);
      }
      if (isSubProcess(child)) {
        index(child, child.getAttribute("id"), elements, subProcessOf);
      }
    }
  }

  private static boolean isSubProcess(Element element) {
    return element != null && (element.getLocalName().equals("subProcess") || element.getLocalName().equals("transaction"));
  }

  /** Whether {@code id} lies, at any depth, inside the sub-process {@code container}. */
  private static boolean within(Map<String, String> subProcessOf, String id, String container) {
    for (String at = subProcessOf.get(id); at != null; at = subProcessOf.get(at)) {
      if (at.equals(container)) {
        return true;
      }
    }
    return false;
  }

  private static boolean attached(Map<String, Element> elements, String a, String b) {
    return b.equals(attribute(elements.get(a), "attachedToRef")) || a.equals(attribute(elements.get(b), "attachedToRef"));
  }

  private static String attribute(Element element, String name) {
    return element == null ? "" : element.getAttribute(name);
  }

  /** Whether any point along the flow, its ends apart, lies strictly inside the box. */
  private static boolean runsInside(List<Point> points, Box box) {
    for (int i = 0; i + 1 < points.size(); i++) {
      Point from = points.get(i);
      Point to = points.get(i + 1);
      for (int step = 1; step < 40; step++) {
        double t = step / 40.0;
        if (box.containsStrictly(from.x() + (to.x() - from.x()) * t, from.y() + (to.y() - from.y()) * t)) {
          return true;
        }
      }
    }
    return false;
  }

  private static java.util.Optional<Box> label(Element diagramElement) {
    Element label = child(diagramElement, BPMNDI, "BPMNLabel");
    Element bounds = label == null ? null : child(label, DC, "Bounds");
    return bounds == null ? java.util.Optional.empty() : java.util.Optional.of(box(bounds));
  }

  private static Box box(Element bounds) {
    return new Box(Double.parseDouble(bounds.getAttribute("x")), Double.parseDouble(bounds.getAttribute("y")),
        Double.parseDouble(bounds.getAttribute("width")), Double.parseDouble(bounds.getAttribute("height")));
  }

  private static Element child(Element parent, String namespace, String name) {
    for (Element child : children(parent)) {
      if (namespace.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
        return child;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  private static List<Element> list(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}
