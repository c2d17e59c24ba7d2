package org.carerelay.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carerelay.processes.cases.RecordDeath;
import org.carerelay.processes.death.AfterDeath;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.handover.PartnerHandover;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each process's Java class names every variable its model reads: a condition, a candidate group,
 * a timer or a name that reads a variable the class does not declare fails here, so delegates and
 * tests can rely on the class instead of string literals. {@code ${bean}} delegate expressions
 * name Spring beans, not variables, and are left out.
 */
class ModelVocabularyTests {

  private static final Map<String, Class<?>> PROCESS_CLASSES = Map.of(
      "rapid-discharge/rapid-discharge.bpmn", RapidDischarge.class,
      "hospice-admission/hospice-admission.bpmn", HospiceAdmission.class,
      "partner-handover/partner-handover.bpmn", PartnerHandover.class,
      "record-death/record-death.bpmn", RecordDeath.class,
      "after-death/after-death.bpmn", AfterDeath.class);

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_]\\w*)(?![\\w(])");
  private static final Pattern BEAN_ATTRIBUTE = Pattern.compile("(delegateExpression|variableMappingDelegateExpression)=\"\\$\\{\\w+}\"");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  @ParameterizedTest
  @ValueSource(strings = {"rapid-discharge/rapid-discharge.bpmn", "hospice-admission/hospice-admission.bpmn",
      "partner-handover/partner-handover.bpmn", "record-death/record-death.bpmn",
      "after-death/after-death.bpmn"})
  void everyVariableTheModelReadsIsNamedByItsProcessClass(String model) throws Exception {
    String bpmn;
    try (InputStream in = getClass().getResourceAsStream("/processes/" + model)) {
      bpmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'");
    }
    Set<String> declared = declared(PROCESS_CLASSES.get(model));
    Set<String> undeclared = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(BEAN_ATTRIBUTE.matcher(bpmn).replaceAll(""));
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", ""));
      while (identifier.find()) {
        String name = identifier.group(1);
        if (!EL_WORDS.contains(name) && !declared.contains(name)) {
          undeclared.add(name);
        }
      }
    }
    assertThat(undeclared).as("variables %s reads that %s.Vars does not name", model,
        PROCESS_CLASSES.get(model).getSimpleName()).isEmpty();
  }

  /** The class's variable names: its constants, and the names it derives per value of an enum ({@code dueIn(Stage)}). */
  private static Set<String> declared(Class<?> processClass) throws ReflectiveOperationException {
    Set<String> names = new TreeSet<>();
    for (Class<?> nested : processClass.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Vars")) {
        for (Field field : nested.getFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            names.add((String) field.get(null));
          }
        }
        for (Method method : nested.getMethods()) {
          if (Modifier.isStatic(method.getModifiers()) && method.getReturnType() == String.class
              && method.getParameterCount() == 1 && method.getParameterTypes()[0].isEnum()) {
            for (Object value : method.getParameterTypes()[0].getEnumConstants()) {
              names.add((String) method.invoke(null, value));
            }
          }
        }
      }
    }
    return names;
  }
}
