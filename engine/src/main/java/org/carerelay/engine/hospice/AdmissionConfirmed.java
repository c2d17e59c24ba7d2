package org.carerelay.engine.hospice;

import static org.carerelay.processes.hospice.HospiceAdmission.Vars;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.cases.CaseNotices;
import org.carerelay.engine.cases.CaseOutcomes;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.stereotype.Component;

/** The patient is in the hospice: the case records it, and the referrer and the GP are told. */
@Component("admissionConfirmed")
class AdmissionConfirmed implements JavaDelegate {

  private final CaseNotices notices;
  private final PartnerDirectory directory;
  private final PartnershipTime time;
  private final CaseOutcomes outcomes;

  AdmissionConfirmed(CaseNotices notices, PartnerDirectory directory, PartnershipTime time,
      CaseOutcomes outcomes) {
    this.notices = notices;
    this.directory = directory;
    this.time = time;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Vars.ADMITTED, true);
    java.time.Instant admitted = time.instant(execution.getVariable(Vars.ADMITTED_AT));
    execution.setVariable(Vars.ADMITTED_AT, java.util.Date.from(admitted));
    outcomes.achieved(execution.getProcessInstanceId(), admitted, null);
    execution.setVariable(Vars.CASE_OUTCOME, HospiceAdmission.Outcome.ADMITTED);
    Set<String> tell = new LinkedHashSet<>();
    tell.add((String) execution.getVariable(Vars.REQUESTER_TEAM));
    tell.addAll(directory.teamsOffering("gp-handover", (String) execution.getVariable(Vars.LOCALITY)));
    notices.toTeams(tell, execution.getProcessInstanceId(), "admitted",
        (String) execution.getVariable(Vars.CASE_REFERENCE), HospiceAdmission.NAME, "Admitted to the hospice",
        "The patient of this referral has been admitted to the hospice.");
  }
}
