package org.carerelay.engine.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.carerelay.engine.problem.FieldProblem;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployed model may do in CareRelay: read variables, compare them, and name CareRelay's
 * own delegate beans. Deploying a model must never be a way to run code on the server, whoever
 * deploys it and however: no scripts, no {@code camunda:class}, no expression that calls a method
 * or reaches an object's properties ({@code ${execution.getProcessEngineServices()...}}), no
 * expression listeners, no external resources or connectors, no case models, decision tables in
 * FEEL only, and no timer start events except in the models CareRelay ships.
 */
final class ModelRules {

  /**
   * Read by {@link ModelRules#problems}: which beans models may name, and whether a resource is a
   * model CareRelay ships, unchanged (asked only of a model with a timer start event).
   */
  record Allowed(Set<String> delegateBeans, Predicate<String> shippedAsIs, Known known,
      java.util.function.Function<String, Set<String>> setBy) {}

  /** What a model may refer to: processes, decisions and forms deployed already or in the same deployment. */
  record Known(Predicate<String> process, Predicate<String> decision, Predicate<String> form,
      java.util.function.Function<String, Set<String>> formFields) {}

  /** Ids that bpmn-js and Camunda Modeler generate ({@code Activity_0k3x9ab}): no one can tell what they are. */
  private static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_[0-9][0-9a-z]{6}");
  private static final Set<String> FLOW_ELEMENTS = Set.of("process", "startEvent", "endEvent", "task", "userTask",
      "serviceTask", "sendTask", "receiveTask", "businessRuleTask", "manualTask", "callActivity", "subProcess",
      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "intermediateCatchEvent",
      "intermediateThrowEvent", "boundaryEvent", "sequenceFlow");
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** What the hand-off block needs from every pathway that calls it. */
  static final List<String> HANDOFF_NEEDS = List.of("service", "requestSummary", "caseReference", "urgency", "locality");
  /** What {@code ${handoffCaseInputs}} passes from the case to a hand-off. */
  private static final List<String> CASE_INPUTS = List.of("caseReference", "urgency", "locality");

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern BEAN = Pattern.compile("\\$\\{([A-Za-z_]\\w*)}");
  private static final Pattern LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern NUMBER = Pattern.compile("\\d+\\.\\d+");
  /** A name followed by "(": a method or function call (a bare "(" only groups). */
  private static final Pattern CALL = Pattern.compile("[\\w)]\\s*\\(");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w])([A-Za-z_]\\w*)");
  /** Objects an expression could reach the engine's services through. */
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "variableScope", "externalTask",
      "caseExecution", "authenticatedUserId", "processEngine", "processEngineConfiguration");
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/dmn/20180521/feel/");

  private ModelRules() {}

  /**
   * The problems of one deployed resource, each naming the element and the rule; empty when it may
   * be deployed.
   *
   * @param content the resource's bytes, as deployed
   */
  static List<FieldProblem> problems(String resourceName, byte[] content, Allowed allowed) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    List<FieldProblem> problems = new ArrayList<>();
    if (name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml")) {
      problems.add(new FieldProblem(resourceName, "case models (CMMN) are not used in CareRelay"));
    } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      Document model = parse(resourceName, content, problems);
      if (model != null) {
        bpmn(resourceName, model.getDocumentElement(), allowed, problems);
        TimerInputs.problems(resourceName, model.getDocumentElement(), allowed, problems);
      }
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Document model = parse(resourceName, content, problems);
      if (model != null) {
        dmn(resourceName, model.getDocumentElement(), problems);
      }
    }
    return problems;
  }

  private static void bpmn(String resource, Element element, Allowed allowed, List<FieldProblem> problems) {
    String local = element.getLocalName();
    if (BPMN_NS.equals(element.getNamespaceURI())) {
      references(resource, element, local, allowed.known(), problems);
    }
    if ("scriptTask".equals(local) || "script".equals(local)) {
      problems.add(problem(resource, element, "scripts may not run in CareRelay; use a delegate bean (${beanName})"));
    }
    if ("connector".equals(local) && CAMUNDA_NS.equals(element.getNamespaceURI())) {
      problems.add(problem(resource, element, "connectors call other systems; use a delegate bean (${beanName})"));
    }
    if ("startEvent".equals(local) && child(element, "timerEventDefinition")
        && "process".equals(element.getParentNode().getLocalName()) && !allowed.shippedAsIs().test(resource)) {
      problems.add(problem(resource, element, "timer start events run without anyone starting them; only the models"
          + " CareRelay ships may have one"));
    }
    if ("conditionExpression".equals(local) && element.hasAttribute("language")) {
      problems.add(problem(resource, element, "script conditions may not run in CareRelay; compare variables instead"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(resource, element, (Attr) attributes.item(i), allowed, problems);
    }
    if (!hasElementChildren(element)) {
      String text = element.getTextContent();
      if (text != null && !text.isBlank() && !"documentation".equals(local)) {
        expressions(resource, element, text, problems);
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        bpmn(resource, child, allowed, problems);
      }
    }
  }

  private static void attribute(String resource, Element element, Attr attribute, Allowed allowed,
      List<FieldProblem> problems) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI()) || CAMUNDA_NS.equals(element.getNamespaceURI());
    if (!camunda) {
      return;
    }
    switch (name) {
      case "class" -> problems.add(problem(resource, element,
          "camunda:class runs any Java class; name one of CareRelay's delegate beans (${beanName})"));
      case "expression" -> problems.add(problem(resource, element,
          "expression delegates and listeners call methods; name one of CareRelay's delegate beans (${beanName})"));
      case "resource" -> problems.add(problem(resource, element, "external resources may not be loaded by a model"));
      case "scriptFormat" -> problems.add(problem(resource, element, "scripts may not run in CareRelay"));
      case "delegateExpression", "variableMappingDelegateExpression" -> {
        Matcher bean = BEAN.matcher(attribute.getValue().strip());
        if (!bean.matches() || !allowed.delegateBeans().contains(bean.group(1))) {
          problems.add(problem(resource, element, name + " must name one of CareRelay's delegate beans, such as"
              + " ${closeCase}; '" + attribute.getValue() + "' is not one"));
        }
      }
      default -> expressions(resource, element, attribute.getValue(), problems);
    }
  }

  /** What makes a model hard to read or unable to run: generated ids, missing forms, calls and decisions. */
  private static void references(String resource, Element element, String local, Known known,
      List<FieldProblem> problems) {
    if (FLOW_ELEMENTS.contains(local) && GENERATED_ID.matcher(element.getAttribute("id")).matches()) {
      problems.add(problem(resource, element, "'" + element.getAttribute("id") + "' is a generated id; give it one that"
          + " says what it is (e.g. user_confirm_bed), which code, forms and tests can name"));
    }
    if ("process".equals(local) && !element.hasAttributeNS(CAMUNDA_NS, "historyTimeToLive")) {
      problems.add(problem(resource, element, "needs camunda:historyTimeToLive: how long its cases' history is kept"));
    }
    String form = element.getAttributeNS(CAMUNDA_NS, "formRef");
    boolean startedByPeople = "startEvent".equals(local) && "process".equals(element.getParentNode().getLocalName())
        && !hasEventDefinition(element)
        && !"false".equals(((Element) element.getParentNode()).getAttributeNS(CAMUNDA_NS, "isStartableInTasklist"));
    if (("userTask".equals(local) || startedByPeople) && form.isBlank()) {
      problems.add(problem(resource, element, ("userTask".equals(local) ? "a user task" : "a start event people use")
          + " needs a form (camunda:formRef)"));
    }
    if (!form.isBlank() && !known.form().test(form)) {
      problems.add(problem(resource, element, "its form '" + form + "' does not exist"));
    }
    if ("callActivity".equals(local)) {
      String called = element.getAttribute("calledElement");
      if (!known.process().test(called)) {
        problems.add(problem(resource, element, "calls '" + called + "', which is not deployed"));
      } else if ("partner-handover".equals(called)) {
        List<String> missing = handoffInputsMissing(element);
        if (!missing.isEmpty()) {
          problems.add(problem(resource, element, "a hand-off needs " + String.join(", ", missing)
              + " (camunda:in, or ${handoffCaseInputs} for the case's reference, urgency and locality)"));
        }
      }
    }
    String decision = element.getAttributeNS(CAMUNDA_NS, "decisionRef");
    if ("businessRuleTask".equals(local) && !decision.isBlank() && !known.decision().test(decision)) {
      problems.add(problem(resource, element, "its decision table '" + decision + "' does not exist"));
    }
  }

  private static List<String> handoffInputsMissing(Element callActivity) {
    List<String> passed = new ArrayList<>();
    if ("${handoffCaseInputs}".equals(callActivity.getAttributeNS(CAMUNDA_NS, "variableMappingDelegateExpression"))) {
      passed.addAll(CASE_INPUTS);
    }
    NodeList ins = callActivity.getElementsByTagNameNS(CAMUNDA_NS, "in");
    for (int i = 0; i < ins.getLength(); i++) {
      Element in = (Element) ins.item(i);
      if ("all".equals(in.getAttribute("variables"))) {
        return List.of();
      }
      passed.add(in.getAttribute("target"));
    }
    return HANDOFF_NEEDS.stream().filter(need -> !passed.contains(need)).toList();
  }

  private static boolean hasEventDefinition(Element event) {
    NodeList children = event.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getLocalName().endsWith("EventDefinition")) {
        return true;
      }
    }
    return false;
  }

  /** Every expression in {@code text} may only read variables, compare them and combine the results. */
  private static void expressions(String resource, Element element, String text, List<FieldProblem> problems) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String code = NUMBER.matcher(LITERAL.matcher(expression.group(1)).replaceAll("''")).replaceAll("0");
      boolean calls = CALL.matcher(code).find() || code.contains(".") || code.contains("[")
          || code.contains("=") && !comparison(code);
      Matcher identifier = IDENTIFIER.matcher(code);
      while (!calls && identifier.find()) {
        calls = ENGINE_OBJECTS.contains(identifier.group(1));
      }
      if (calls) {
        problems.add(problem(resource, element, "an expression may only read variables and compare them; "
            + expression.group(0) + " does more"));
      }
    }
  }

  /** Whether every '=' in the code belongs to ==, !=, <= or >=, so nothing is assigned. */
  private static boolean comparison(String code) {
    return code.replaceAll("==|!=|<=|>=", "").indexOf('=') < 0;
  }

  private static void dmn(String resource, Element element, List<FieldProblem> problems) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isBlank() && !FEEL.contains(language.strip().toLowerCase(Locale.ROOT))) {
      problems.add(problem(resource, element, "decision tables are written in FEEL; expression language '" + language
          + "' may call code"));
    }
    if (!hasElementChildren(element) && element.getTextContent() != null
        && element.getTextContent().contains("external")) {
      problems.add(problem(resource, element, "FEEL external functions call Java code"));
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        dmn(resource, child, problems);
      }
    }
  }

  /** Names the element, or the nearest one around it with an id (a condition by its flow, a listener by its task). */
  static FieldProblem problem(String resource, Element element, String rule) {
    Element named = element;
    while (named.getAttribute("id").isBlank() && named.getParentNode() instanceof Element parent) {
      named = parent;
    }
    String id = named.getAttribute("id");
    String name = named.getAttribute("name");
    return new FieldProblem(id.isBlank() ? resource : id, resource + (name.isBlank() ? "" : ": " + name), rule);
  }

  private static boolean child(Element element, String localName) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && localName.equals(child.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasElementChildren(Element element) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
        return true;
      }
    }
    return false;
  }

  private static Document parse(String resource, byte[] content, List<FieldProblem> problems) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      problems.add(new FieldProblem(resource, "is not a readable model: " + e.getMessage()));
      return null;
    }
  }
}
