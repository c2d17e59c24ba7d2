package org.carerelay.engine.cases;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carerelay.engine.security.Grants;
import org.carerelay.engine.security.PathwayStarters;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.discharge.RapidDischarge;
import org.springframework.stereotype.Component;

/**
 * What opening a case means for every pathway: a reference, the header every task form shows
 * (pathway, patient initials and age), and the team that asked, which may follow the case and is
 * mailed the case reference at once;
 * other partners see only the tasks they are offered. The reference's date and the patient's age
 * are the partnership's: in its zone, by the engine's clock.
 */
@Component
public class CaseOpening {

  private static final DateTimeFormatter REFERENCE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

  private final PathwayStarters starters;
  private final Grants grants;
  private final PartnershipTime time;
  private final CaseNotices notices;
  private final CaseOutcomes outcomes;

  CaseOpening(PathwayStarters starters, Grants grants, PartnershipTime time, CaseNotices notices,
      CaseOutcomes outcomes) {
    this.starters = starters;
    this.grants = grants;
    this.time = time;
    this.notices = notices;
    this.outcomes = outcomes;
  }

  /** Opens the case of {@code execution} and mails its reference to the team that asked; returns the instant it opened. */
  public Instant open(DelegateExecution execution, String referencePrefix, String pathway, String processKey) {
    Instant now = openQuietly(execution, referencePrefix, pathway, processKey);
    notices.toTeams(List.of((String) execution.getVariable(Case.Vars.REQUESTER_TEAM)), execution.getProcessInstanceId(),
        "started", (String) execution.getVariable(Case.Vars.CASE_REFERENCE), pathway, "Case started: " + pathway,
        "Your team started this case. Partners are being asked now; you will be told as"
            + " each answers, and can follow the case from the link below.");
    return now;
  }

  /**
   * Opens the case of {@code execution} without mailing anyone, for a pathway whose first step tells
   * every team involved (after a death: one message each is enough); returns the instant it opened.
   */
  public Instant openQuietly(DelegateExecution execution, String referencePrefix, String pathway, String processKey) {
    Instant now = time.now();
    String reference = referencePrefix + "-" + REFERENCE_DATE.format(time.today())
        + "-" + execution.getProcessInstanceId().replace("-", "").substring(0, 6).toUpperCase();
    execution.setVariable(Case.Vars.CASE_REFERENCE, reference);
    // Cockpit, Tasklist and the REST API show and search the business key: it is the reference.
    execution.setProcessBusinessKey(reference);
    execution.setVariable(Case.Vars.PATHWAY, pathway);
    execution.setVariable(Case.Vars.PATIENT_INITIALS, initials((String) execution.getVariable(Case.Vars.PATIENT_NAME)));
    java.time.LocalDate born = time.date(execution.getVariable(Case.Vars.DATE_OF_BIRTH));
    execution.setVariable(Case.Vars.PATIENT_AGE, Period.between(born, time.today()).getYears());
    execution.setVariable(Case.Vars.BORN_ON, time.show(born));
    execution.setVariable(Case.Vars.CASE_OUTCOME, RapidDischarge.Outcome.OPEN);
    String requester = requesterTeam(execution, processKey);
    execution.setVariable(Case.Vars.REQUESTER_TEAM, requester);
    grants.grant(requester, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
    grants.grant(requester, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(),
        org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
    outcomes.opened(execution.getProcessInstanceId(), processKey, reference,
        (String) execution.getVariable(Case.Vars.LOCALITY), now);
    return now;
  }

  /** The first letters of the first and last names, e.g. "Ada King Lovelace" gives "AL". */
  static String initials(String name) {
    String[] words = name.strip().split("\\s+");
    StringBuilder initials = new StringBuilder();
    for (String word : words.length == 1 ? words : new String[] {words[0], words[words.length - 1]}) {
      word.codePoints().filter(Character::isLetter).findFirst()
          .ifPresent(letter -> initials.appendCodePoint(Character.toUpperCase(letter)));
    }
    return initials.toString();
  }

  /** The starter's team among the pathway's starting teams; the hub when started by someone else. */
  private String requesterTeam(DelegateExecution execution, String processKey) {
    Object given = execution.getVariable(Case.Vars.REQUESTER_TEAM);
    if (given != null) {
      return given.toString();
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return starters.of(processKey).stream().filter(groups::contains).findFirst().orElse(Case.HUB_GROUP);
  }
}
