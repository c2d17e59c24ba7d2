package org.carerelay.engine.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

/**
 * Adds {@link FormValidation} to every user task (on completion) and every process start event
 * that has a Camunda Form ({@code camunda:formRef}), and {@link FormHeader} to every such task, so
 * that no model can forget them; and {@link SubmittedValues}, so that a completion is judged by what
 * it sent.
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final FormValidation validation;
  private final FormHeader header;

  FormValidationPlugin(FormValidation validation, FormHeader header) {
    this.validation = validation;
    this.header = header;
  }

  private static boolean hasForm(Element element) {
    return element.attributeNS(new Namespace(CAMUNDA_NS), "formRef") != null;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new SubmittedValues());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (hasForm(element)) {
          var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
          task.addTaskListener(TaskListener.EVENTNAME_CREATE, header);
          task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, validation);
        }
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ProcessDefinitionEntity && hasForm(element)) {
          activity.addListener(ExecutionListener.EVENTNAME_START, validation);
        }
      }
    });
  }
}
