package org.carerelay.processes.cases;

import java.util.List;

/**
 * What every pathway's case holds and names, whichever pathway it is: the shared vocabulary that
 * each pathway's {@code Vars} extends with its own steps, and that every partner hand-off is told.
 */
public final class Case {

  /** The coordination hub's team (a Camunda group); models name it as a candidate group. */
  public static final String HUB_GROUP = "carerelay-hub";

  /** Variables every case has. */
  public static class Vars {
    // The patient, from every start form.
    public static final String PATIENT_NAME = "patientName";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String NHS_NUMBER = "nhsNumber";
    public static final String HOSPITAL_NUMBER = "hospitalNumber";
    public static final String ADDRESS = "address";
    public static final String LOCALITY = "locality";
    public static final String GP_PRACTICE = "gpPractice";
    public static final String CPR_DECISION = "cprDecision";
    public static final String CPR_FORM_LOCATION = "cprFormLocation";
    public static final String CONSENT = "consent";
    public static final String BEST_INTERESTS_BY = "bestInterestsBy";

    // Set when the case opens.
    public static final String CASE_REFERENCE = "caseReference";
    public static final String PATHWAY = "pathway";
    public static final String PATIENT_INITIALS = "patientInitials";
    public static final String PATIENT_AGE = "patientAge";
    /** The date of birth as people read it, day first: "14 Mar 1941". */
    public static final String BORN_ON = "bornOn";
    public static final String URGENCY = "urgency";
    public static final String REQUESTER_TEAM = "requesterTeam";

    // The hub's notes, the exits and the outcome.
    public static final String HUB_NOTE = "hubNote";
    public static final String DIED_AT = "diedAt";
    public static final String PLACE_OF_DEATH = "placeOfDeath";
    public static final String PLAN_CHANGE_REASON = "planChangeReason";
    public static final String CASE_OUTCOME = "caseOutcome";
    public static final String CLOSED_AT = "closedAt";
    /** The other case this one became or came from (a rapid discharge referred to a hospice). */
    public static final String LINKED_CASE = "linkedCase";

    protected Vars() {}
  }

  /**
   * What a pathway tells every partner hand-off about its case, besides the service and the
   * request itself (the {@code handoffCaseInputs} variable mapping of each call activity).
   */
  public static final List<String> HANDOFF_INPUTS = List.of(Vars.CASE_REFERENCE, Vars.URGENCY, Vars.LOCALITY,
      Vars.REQUESTER_TEAM, Vars.PATHWAY, Vars.PATIENT_INITIALS, Vars.PATIENT_AGE, Vars.PATIENT_NAME,
      Vars.DATE_OF_BIRTH, Vars.BORN_ON, Vars.NHS_NUMBER, Vars.HOSPITAL_NUMBER, Vars.ADDRESS);

  private Case() {}
}
