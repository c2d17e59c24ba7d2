package org.carerelay.processes.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hand-off model deploys, and code's element ids and names are the model's. */
class PartnerHandoverModelTests {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

  @Test
  @Deployment(resources = {"processes/partner-handover/partner-handover.bpmn",
      "region/handover-routing.dmn", "processes/partner-handover/handover-service-levels.dmn"})
  void deploysWithTheIdsCodeUses(ProcessEngine processEngine) {
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PartnerHandover.KEY).singleResult().getId();
    BpmnModelInstance model = processEngine.getRepositoryService().getBpmnModelInstance(definitionId);

    for (String id : new String[] {PartnerHandover.Elements.ROUTE_PARTNER, PartnerHandover.Elements.RESPOND,
        PartnerHandover.Elements.PROVIDE_INFORMATION, PartnerHandover.Elements.COMPLETE,
        PartnerHandover.Elements.CHASE_RESPOND, PartnerHandover.Elements.CHASE_COMPLETE,
        PartnerHandover.Elements.NO_PARTNER_AVAILABLE, PartnerHandover.Elements.RESPOND_STAGE,
        PartnerHandover.Elements.COMPLETE_STAGE, PartnerHandover.Elements.END_COMPLETED,
        PartnerHandover.Elements.END_NO_PARTNER}) {
      assertThat((BaseElement) model.getModelElementById(id)).as(id).isNotNull();
    }
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    assertThat(userTasks).allSatisfy(task -> {
      assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isNotBlank();
      assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate group").isNotBlank();
    });
    assertThat(model.getDefinitions().getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
        .extracting(message -> message.getName())
        .containsExactlyInAnyOrder(PartnerHandover.Messages.REASSIGN, PartnerHandover.Messages.CANCEL);
    assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery().count()).isEqualTo(2);
  }
}
