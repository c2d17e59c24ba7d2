package org.carerelay.engine.discharge;

import static org.carerelay.processes.discharge.RapidDischarge.Vars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.cases.Moments;
import org.carerelay.engine.security.Grants;
import org.carerelay.engine.security.PathwayStarters;
import org.carerelay.processes.discharge.RapidDischarge;
import org.springframework.stereotype.Component;

/**
 * Opens a rapid discharge: gives it a reference, the header every task shows (pathway, patient
 * initials and age, urgency), the team that asked (the starter's ward or emergency department
 * team), the time of the decision and the target from the {@code rapid-discharge-targets} table,
 * and what each partner is asked for.
 */
@Component("openDischargeCase")
class OpenDischargeCase implements JavaDelegate {

  private static final DateTimeFormatter REFERENCE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

  private final DecisionService decisions;
  private final PathwayStarters starters;
  private final Grants grants;

  OpenDischargeCase(DecisionService decisions, PathwayStarters starters, Grants grants) {
    this.decisions = decisions;
    this.starters = starters;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String setting = (String) execution.getVariable(Vars.SETTING);
    execution.setVariable(Vars.CASE_REFERENCE, "RD-" + REFERENCE_DATE.format(now.atZone(ZoneId.systemDefault()))
        + "-" + execution.getProcessInstanceId().replace("-", "").substring(0, 6).toUpperCase());
    execution.setVariable(Vars.PATHWAY, RapidDischarge.NAME);
    execution.setVariable(Vars.PATIENT_INITIALS, initials((String) execution.getVariable(Vars.PATIENT_NAME)));
    LocalDate born = Moments.date(execution.getVariable(Vars.DATE_OF_BIRTH));
    execution.setVariable(Vars.PATIENT_AGE, Period.between(born, LocalDate.ofInstant(now, ZoneId.systemDefault())).getYears());
    execution.setVariable(Vars.URGENCY, "urgent");
    String requester = requesterTeam(execution);
    execution.setVariable(Vars.REQUESTER_TEAM, requester);
    // The team that asked follows its own case; other partners see only their tasks.
    grants.grant(requester, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
    execution.setVariable(Vars.DECISION_AT, Date.from(now));
    execution.setVariable(Vars.CASE_OUTCOME, "open");

    String within = Context.getCommandContext().runWithoutAuthorization(() -> decisions
        .evaluateDecisionTableByKey(RapidDischarge.TARGET_DECISION)
        .variables(Map.of("setting", setting)).evaluate().getSingleEntry());
    if (within == null) {
      throw new ProcessEngineException("rapid-discharge-targets has no target for setting " + setting);
    }
    execution.setVariable(Vars.DISCHARGE_TARGET, within);
    execution.setVariable(Vars.TARGET_AT, Date.from(now.plus(Duration.parse(within))));
    requests(execution);
  }

  /** The first letters of the first and last names, e.g. "Ada King Lovelace" gives "AL". */
  static String initials(String name) {
    String[] words = name.strip().split("\\s+");
    String first = words[0];
    String last = words[words.length - 1];
    StringBuilder initials = new StringBuilder();
    for (String word : words.length == 1 ? new String[] {first} : new String[] {first, last}) {
      word.codePoints().filter(Character::isLetter).findFirst()
          .ifPresent(letter -> initials.appendCodePoint(Character.toUpperCase(letter)));
    }
    return initials.toString();
  }

  private String requesterTeam(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return starters.of(RapidDischarge.KEY).stream().filter(groups::contains).findFirst().orElse("carerelay-hub");
  }

  /** What each partner is asked for; clinical detail reaches only partners with secure mail. */
  private static void requests(DelegateExecution execution) {
    String diagnosis = (String) execution.getVariable(Vars.DIAGNOSIS);
    String prognosis = (String) execution.getVariable(Vars.PROGNOSIS);
    String place = (String) execution.getVariable(Vars.PREFERRED_PLACE_OF_DEATH);
    String cpr = execution.getVariable(Vars.CPR_DECISION) + ", form kept: " + execution.getVariable(Vars.CPR_FORM_LOCATION);
    String carer = "Main carer: " + execution.getVariable(Vars.MAIN_CARER);
    String base = "Rapid discharge to " + place + ". Diagnosis: " + diagnosis + ". Prognosis: " + prognosis + ".";
    execution.setVariable("fundingRequest", "Fast Track Pathway Tool. " + base + " GP: "
        + execution.getVariable(Vars.GP_PRACTICE) + ".");
    execution.setVariable("careRequest", "Care package to start on the day of discharge. " + base + " " + carer + ".");
    execution.setVariable("equipmentRequest", "Profiling bed, pressure-relieving mattress and commode, delivered before "
        + "the patient arrives. " + carer + ".");
    execution.setVariable("medicinesRequest", "Anticipatory (just in case) medicines for at least 7 days and the "
        + "community medication administration chart. " + base);
    execution.setVariable("nursingRequest", "Accept the patient and book the first visit on the day of discharge. "
        + base + " CPR decision: " + cpr + ".");
    execution.setVariable("gpRequest", "Handover for the GP: " + base + " CPR decision: " + cpr + ". " + carer + ".");
    execution.setVariable("oohRequest", "Special patient note for out of hours: " + base + " CPR decision: " + cpr + ".");
    execution.setVariable("transportRequest", "Transport home; the DNACPR / ReSPECT form travels with the patient. "
        + "Guidance on death in transit applies.");
  }
}
