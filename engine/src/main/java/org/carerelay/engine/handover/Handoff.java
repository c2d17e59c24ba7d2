package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Typed access to a running hand-off's variables, for the delegates. */
record Handoff(DelegateExecution execution) {

  String id() {
    return execution.getProcessInstanceId();
  }

  /** The case: the outermost process instance, the pathway that called this hand-off. */
  String caseId() {
    return caseInstance().getId();
  }

  /** Whether the case recorded its patient's death (which ends this hand-off and tells the partners once). */
  boolean patientDied() {
    return caseInstance().getVariable(Vars.DIED_AT) != null;
  }

  private DelegateExecution caseInstance() {
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }

  String text(String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  String caseReference() {
    return text(Vars.CASE_REFERENCE);
  }

  String service() {
    return text(Vars.SERVICE);
  }

  /** The service as people name it; its id before routing has named it. */
  String serviceName() {
    String name = text(Vars.SERVICE_NAME);
    return name != null ? name : service();
  }

  String partner() {
    return text(Vars.PARTNER);
  }

  String partnerTeam() {
    return text(Vars.PARTNER_TEAM);
  }

  String partnerName() {
    return text(Vars.PARTNER_NAME);
  }
}
