package org.carerelay.engine.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carerelay.processes.cases.RecordDeath;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.handover.PartnerHandover;
import org.carerelay.processes.death.AfterDeath;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The build check that keeps models and forms together. For every BPMN model in {@code processes/}:
 * each user task and each start event a user starts from Tasklist references a form that exists in
 * {@code forms/}; every field of that form is a variable the process knows (its Java class's
 * {@code Vars}); and every variable the task must produce ({@code TASK_OUTPUTS}) is a required,
 * always visible field of its form.
 */
class FormContractTests {

  /** Each process model and the Java class that names its variables and task outputs. */
  private static final Map<String, Class<?>> PROCESSES = Map.of(
      PartnerHandover.KEY, PartnerHandover.class,
      RapidDischarge.KEY, RapidDischarge.class,
      RecordDeath.KEY, RecordDeath.class,
      HospiceAdmission.KEY, HospiceAdmission.class,
      AfterDeath.KEY, AfterDeath.class);

  /** Set for every task by FormHeader. */
  private static final Set<String> ENGINE_VARIABLES = Set.of(FormHeader.TASK_DUE);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyFormOfEveryModelKeepsItsContract() throws Exception {
    Map<String, JsonNode> forms = forms();
    List<DynamicTest> tests = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = resource.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        Class<?> processClass = PROCESSES.get(process.getId());
        tests.add(DynamicTest.dynamicTest(process.getId() + " has a Java class with its variables",
            () -> assertThat(processClass).as("add " + process.getId() + " to FormContractTests.PROCESSES").isNotNull()));
        if (processClass == null) {
          continue;
        }
        Set<String> known = variables(processClass);
        Map<String, List<String>> outputs = outputs(processClass);
        List<String[]> formRefs = new ArrayList<>();
        for (UserTask task : process.getChildElementsByType(UserTask.class)) {
          formRefs.add(new String[] {task.getId(), task.getCamundaFormRef()});
        }
        model.getModelElementsByType(UserTask.class).stream().filter(task -> !isDirectChild(task, process))
            .forEach(task -> formRefs.add(new String[] {task.getId(), task.getCamundaFormRef()}));
        for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
          if (process.isCamundaStartableInTasklist()) {
            formRefs.add(new String[] {start.getId(), start.getCamundaFormRef()});
          }
        }
        for (String[] element : formRefs) {
          String where = process.getId() + "/" + element[0];
          tests.add(DynamicTest.dynamicTest(where + " keeps its form's contract", () -> {
            assertThat(element[1]).as(where + " has camunda:formRef").isNotBlank();
            JsonNode form = forms.get(element[1]);
            assertThat(form).as("form " + element[1] + " of " + where + " exists in forms/").isNotNull();
            Map<String, JsonNode> fields = fields(form);
            assertThat(known).as("every field of " + element[1] + " is a variable of " + process.getId())
                .containsAll(fields.keySet());
            assertThat(outputs).as(where + " declares what it produces in TASK_OUTPUTS").containsKey(element[0]);
            for (String output : outputs.get(element[0])) {
              JsonNode field = fields.get(output);
              assertThat(field).as(where + " must produce " + output + ": a field of " + element[1]).isNotNull();
              assertThat(field.path("validate").path("required").asBoolean()).as(output + " is required").isTrue();
              assertThat(field.has("conditional")).as(output + " is always visible").isFalse();
            }
          }));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyTaskFormStartsWithTheSharedHeader() throws IOException {
    Map<String, JsonNode> forms = forms();
    JsonNode header = forms.get("handover-respond").path("components").get(0);
    return forms.entrySet().stream().filter(form -> !form.getKey().endsWith("-start"))
        .map(form -> DynamicTest.dynamicTest(form.getKey(), () ->
            assertThat(form.getValue().path("components").get(0)).isEqualTo(header)));
  }

  private static boolean isDirectChild(UserTask task, Process process) {
    return task.getParentElement() == process;
  }

  private static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        JsonNode form = JSON.readTree(in);
        assertThat(forms.put(form.path("id").asText(), form)).as("form id " + form.path("id") + " is unique").isNull();
      }
    }
    return forms;
  }

  private static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> fields = new HashMap<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        fields.put(component.get("key").asText(), component);
      }
      collect(component.path("components"), fields);
    }
  }

  private static Set<String> variables(Class<?> processClass) throws IllegalAccessException {
    Set<String> names = new HashSet<>(ENGINE_VARIABLES);
    for (Class<?> nested : processClass.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Vars")) {
        for (Field field : nested.getFields()) { // the shared case vocabulary included
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            names.add((String) field.get(null));
          }
        }
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> outputs(Class<?> processClass) throws ReflectiveOperationException {
    return (Map<String, List<String>>) processClass.getField("TASK_OUTPUTS").get(null);
  }
}
