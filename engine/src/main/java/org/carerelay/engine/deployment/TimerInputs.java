package org.carerelay.engine.deployment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carerelay.engine.problem.FieldProblem;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A timer may only read variables that something before it sets: its process's start form, a user
 * task's form, a step's output ({@code camunda:out}, {@code camunda:outputParameter},
 * {@code camunda:resultVariable}), or a CareRelay delegate or listener that declares them
 * ({@code @SetsVariables}). "Before" follows the sequence flows back from the timer (from the activity
 * a boundary timer is attached to, whose start listeners count) and out through the sub-processes
 * around it. A timer whose variable nothing sets fails at the moment it should start counting.
 */
final class TimerInputs {

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
  private static final Pattern BEAN = Pattern.compile("\\$\\{([A-Za-z_]\\w*)}");
  private static final Set<String> SCOPES = Set.of("process", "subProcess", "transaction");

  private TimerInputs() {}

  static void problems(String resource, Element definitions, ModelRules.Allowed allowed, List<FieldProblem> problems) {
    Map<String, Element> byId = new HashMap<>();
    Map<String, List<String>> sources = new HashMap<>();
    index(definitions, byId, sources);
    NodeList timers = definitions.getElementsByTagNameNS(BPMN_NS, "timerEventDefinition");
    for (int i = 0; i < timers.getLength(); i++) {
      Element timer = (Element) timers.item(i);
      Set<String> read = read(timer);
      if (read.isEmpty()) {
        continue;
      }
      Element event = (Element) timer.getParentNode();
      Set<String> set = setBefore(event, byId, sources, allowed);
      for (String variable : read) {
        if (!set.contains(variable)) {
          problems.add(ModelRules.problem(resource, event, "the timer reads '" + variable + "', which nothing before it"
              + " sets (a form, a step's output, or a CareRelay delegate that declares it)"));
        }
      }
    }
  }

  private static void index(Element element, Map<String, Element> byId, Map<String, List<String>> sources) {
    if (BPMN_NS.equals(element.getNamespaceURI()) && !element.getAttribute("id").isEmpty()) {
      byId.put(element.getAttribute("id"), element);
    }
    if ("sequenceFlow".equals(element.getLocalName()) && BPMN_NS.equals(element.getNamespaceURI())) {
      sources.computeIfAbsent(element.getAttribute("targetRef"), target -> new ArrayList<>())
          .add(element.getAttribute("sourceRef"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element part) {
        index(part, byId, sources);
      }
    }
  }

  /** The variables a timer's expressions read. */
  private static Set<String> read(Element timer) {
    Set<String> read = new HashSet<>();
    for (Node child = timer.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element definition) {
        Matcher expression = EXPRESSION.matcher(definition.getTextContent());
        while (expression.find()) {
          Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", ""));
          while (identifier.find()) {
            read.add(identifier.group(1));
          }
        }
      }
    }
    return read;
  }

  /** Everything set before the event: back along the flows, out through the scopes around it. */
  private static Set<String> setBefore(Element event, Map<String, Element> byId, Map<String, List<String>> sources,
      ModelRules.Allowed allowed) {
    Set<String> set = new HashSet<>();
    Deque<Element> toVisit = new ArrayDeque<>();
    Set<Element> visited = new HashSet<>();
    Element start = event;
    if ("boundaryEvent".equals(event.getLocalName())) {
      start = byId.get(event.getAttribute("attachedToRef"));
      if (start == null) {
        return set;
      }
      listeners(start, "start", set, allowed);
    }
    previous(start, byId, sources, toVisit);
    while (!toVisit.isEmpty()) {
      Element step = toVisit.pop();
      if (!visited.add(step)) {
        continue;
      }
      setBy(step, set, allowed);
      previous(step, byId, sources, toVisit);
    }
    return set;
  }

  /** The steps just before: the flows' sources, or, for a scope's first step, the scope itself (its listeners) and what came before it. */
  private static void previous(Element step, Map<String, Element> byId, Map<String, List<String>> sources,
      Deque<Element> toVisit) {
    List<String> before = sources.getOrDefault(step.getAttribute("id"), List.of());
    for (String id : before) {
      if (byId.get(id) != null) {
        toVisit.push(byId.get(id));
      }
    }
    if (before.isEmpty() && step.getParentNode() instanceof Element scope && SCOPES.contains(scope.getLocalName())
        && !"process".equals(step.getLocalName())) {
      toVisit.push(scope);
    }
  }

  /** What a step sets: its delegate and listeners, its form's fields, its outputs. */
  private static void setBy(Element step, Set<String> set, ModelRules.Allowed allowed) {
    bean(step.getAttributeNS(CAMUNDA_NS, "delegateExpression"), set, allowed);
    String result = step.getAttributeNS(CAMUNDA_NS, "resultVariable");
    if (!result.isBlank()) {
      set.add(result);
    }
    String form = step.getAttributeNS(CAMUNDA_NS, "formRef");
    if (!form.isBlank()) {
      set.addAll(allowed.known().formFields().apply(form));
    }
    listeners(step, null, set, allowed);
    for (Node child = step.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element extensions && "extensionElements".equals(extensions.getLocalName())) {
        for (Node part = extensions.getFirstChild(); part != null; part = part.getNextSibling()) {
          if (part instanceof Element output && CAMUNDA_NS.equals(output.getNamespaceURI())) {
            if ("out".equals(output.getLocalName()) && !output.getAttribute("target").isBlank()) {
              set.add(output.getAttribute("target"));
            }
            if ("inputOutput".equals(output.getLocalName())) {
              NodeList parameters = output.getElementsByTagNameNS(CAMUNDA_NS, "outputParameter");
              for (int i = 0; i < parameters.getLength(); i++) {
                set.add(((Element) parameters.item(i)).getAttribute("name"));
              }
            }
          }
        }
      }
    }
  }

  /** The variables the step's execution listeners set (of one event, or of all when {@code event} is null). */
  private static void listeners(Element step, String event, Set<String> set, ModelRules.Allowed allowed) {
    for (Node child = step.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element extensions && "extensionElements".equals(extensions.getLocalName())) {
        NodeList listeners = extensions.getElementsByTagNameNS(CAMUNDA_NS, "executionListener");
        for (int i = 0; i < listeners.getLength(); i++) {
          Element listener = (Element) listeners.item(i);
          if (event == null || event.equals(listener.getAttribute("event"))) {
            bean(listener.getAttribute("delegateExpression"), set, allowed);
          }
        }
      }
    }
  }

  private static void bean(String expression, Set<String> set, ModelRules.Allowed allowed) {
    Matcher bean = BEAN.matcher(expression);
    if (bean.matches()) {
      set.addAll(allowed.setBy().apply(bean.group(1)));
    }
  }
}
