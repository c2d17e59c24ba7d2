package org.carerelay.engine.discharge;

import static org.carerelay.processes.discharge.RapidDischarge.Vars;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.cases.CaseOpening;
import org.carerelay.engine.cases.CaseOutcomes;
import org.carerelay.engine.decisions.DecisionTables;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.SetsVariables;
import org.springframework.stereotype.Component;

/**
 * Opens a rapid discharge: gives it a reference, the header every task shows (pathway, patient
 * initials and age, urgency), the team that asked (the starter's ward or emergency department
 * team), the time of the decision and the target from the {@code rapid-discharge-targets} table,
 * and what each partner is asked for.
 */
@SetsVariables({Vars.CARE_REQUEST, Vars.DECISION_AT, Vars.DISCHARGE_TARGET, Vars.EQUIPMENT_REQUEST,
    Vars.FUNDING_REQUEST, Vars.GP_REQUEST, Vars.MEDICINES_REQUEST, Vars.NURSING_REQUEST, Vars.OOH_REQUEST, Vars.TARGET_AT,
    Vars.TRANSPORT_REQUEST, Vars.URGENCY})
@Component("openDischargeCase")
class OpenDischargeCase implements JavaDelegate {

  private final DecisionTables decisions;
  private final CaseOpening opening;
  private final CaseOutcomes outcomes;

  OpenDischargeCase(DecisionTables decisions, CaseOpening opening, CaseOutcomes outcomes) {
    this.decisions = decisions;
    this.opening = opening;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = opening.open(execution, "RD", RapidDischarge.NAME, RapidDischarge.KEY);
    String setting = (String) execution.getVariable(Vars.SETTING);
    execution.setVariable(Vars.URGENCY, "urgent");
    execution.setVariable(Vars.DECISION_AT, Date.from(now));
    String within = (String) decisions.firstRow(RapidDischarge.TARGET_DECISION, Map.of("setting", setting))
        .get("dischargeWithin");
    execution.setVariable(Vars.DISCHARGE_TARGET, within);
    Instant target = now.plus(Duration.parse(within));
    execution.setVariable(Vars.TARGET_AT, Date.from(target));
    outcomes.target(execution.getProcessInstanceId(), setting, target);
    requests(execution);
  }

  /** What each partner is asked for; clinical detail reaches only partners with secure mail. */
  private static void requests(DelegateExecution execution) {
    String diagnosis = (String) execution.getVariable(Vars.DIAGNOSIS);
    String prognosis = (String) execution.getVariable(Vars.PROGNOSIS);
    String place = (String) execution.getVariable(Vars.PREFERRED_PLACE_OF_DEATH);
    String cpr = execution.getVariable(Vars.CPR_DECISION) + ", form kept: " + execution.getVariable(Vars.CPR_FORM_LOCATION);
    String carer = "Main carer: " + execution.getVariable(Vars.MAIN_CARER);
    String base = "Rapid discharge to " + place + ". Diagnosis: " + diagnosis + ". Prognosis: " + prognosis + ".";
    execution.setVariable(Vars.FUNDING_REQUEST, "Fast Track Pathway Tool. " + base + " GP: "
        + execution.getVariable(Vars.GP_PRACTICE) + ".");
    execution.setVariable(Vars.CARE_REQUEST, "Care package to start on the day of discharge. " + base + " " + carer + ".");
    execution.setVariable(Vars.EQUIPMENT_REQUEST, "Profiling bed, pressure-relieving mattress and commode, delivered before "
        + "the patient arrives. " + carer + ".");
    execution.setVariable(Vars.MEDICINES_REQUEST, "Anticipatory (just in case) medicines for at least 7 days and the "
        + "community medication administration chart. " + base);
    execution.setVariable(Vars.NURSING_REQUEST, "Accept the patient and book the first visit on the day of discharge. "
        + base + " CPR decision: " + cpr + ".");
    execution.setVariable(Vars.GP_REQUEST, "Handover for the GP: " + base + " CPR decision: " + cpr + ". " + carer + ".");
    execution.setVariable(Vars.OOH_REQUEST, "Special patient note for out of hours: " + base + " CPR decision: " + cpr + ".");
    execution.setVariable(Vars.TRANSPORT_REQUEST, "Transport home; the DNACPR / ReSPECT form travels with the patient. "
        + "Guidance on death in transit applies.");
  }
}
