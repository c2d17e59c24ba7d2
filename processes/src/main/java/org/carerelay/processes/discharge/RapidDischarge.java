package org.carerelay.processes.discharge;

import org.carerelay.processes.cases.Case;

/**
 * Rapid discharge home to die ({@code processes/rapid-discharge/rapid-discharge.bpmn}): from the
 * ward's or emergency department's decision to the first community nursing visit. The ICB decides
 * on fast-track funding; then the care package, equipment, anticipatory medicines, community
 * nursing, GP and out-of-hours handover and transport are arranged in parallel, each through the
 * partner hand-off block; the ward confirms the discharge and community nursing records the first
 * visit. The overall target (24 h from a ward, 4 h from the emergency department, from the
 * {@code rapid-discharge-targets} table) escalates to the hub and managers when breached.
 */
public final class RapidDischarge {

  public static final String KEY = "rapid-discharge";
  public static final String NAME = "Rapid discharge home to die";
  public static final String TARGET_DECISION = "rapid-discharge-targets";

  /** Messages a running case accepts. */
  public static final class Messages {
    /** The patient died; variables {@code diedAt} and {@code placeOfDeath}. */
    public static final String PATIENT_DIED = "patient-died";
    /** The plan changed (too unwell to travel, changed their mind); {@code planChangeReason}, {@code nextStep}. */
    public static final String PLAN_CHANGED = "plan-changed";

    private Messages() {}
  }

  /** Process variables. */
  public static final class Vars extends Case.Vars {
    // The start form.
    public static final String PREFERRED_PLACE_OF_DEATH = "preferredPlaceOfDeath";
    public static final String MAIN_CARER = "mainCarer";
    public static final String MAIN_CARER_PHONE = "mainCarerPhone";
    public static final String EQUIPMENT_LIST = "equipmentList";
    public static final String DIAGNOSIS = "diagnosis";
    public static final String PROGNOSIS = "prognosis";
    public static final String SETTING = "setting";

    // Set when the case opens.
    public static final String DECISION_AT = "decisionAt";
    public static final String TARGET_AT = "targetAt";
    public static final String DISCHARGE_TARGET = "dischargeTarget";

    // Hand-off outcomes, mapped out of each call.
    public static final String FUNDING_OUTCOME = "fundingOutcome";
    public static final String CARE_OUTCOME = "careOutcome";
    public static final String HOSPICE_AT_HOME_OUTCOME = "hospiceAtHomeOutcome";
    public static final String EQUIPMENT_OUTCOME = "equipmentOutcome";
    public static final String MEDICINES_OUTCOME = "medicinesOutcome";
    public static final String NURSING_OUTCOME = "nursingOutcome";
    public static final String GP_OUTCOME = "gpOutcome";
    public static final String OOH_OUTCOME = "oohOutcome";
    public static final String TRANSPORT_OUTCOME = "transportOutcome";
    public static final String COMMUNITY_NURSING_TEAM = "communityNursingTeam";

    // What each partner is asked for, set when the case opens.
    public static final String FUNDING_REQUEST = "fundingRequest";
    public static final String CARE_REQUEST = "careRequest";
    public static final String EQUIPMENT_REQUEST = "equipmentRequest";
    public static final String MEDICINES_REQUEST = "medicinesRequest";
    public static final String NURSING_REQUEST = "nursingRequest";
    public static final String GP_REQUEST = "gpRequest";
    public static final String OOH_REQUEST = "oohRequest";
    public static final String TRANSPORT_REQUEST = "transportRequest";

    // Whether everything is in place before the ward is asked to discharge.
    public static final String MISSING_ARRANGEMENTS = "missingArrangements";
    public static final String EVERYTHING_ARRANGED = "everythingArranged";
    public static final String ARRANGEMENTS_DECISION = "arrangementsDecision";
    /** Who records the first visit: community nursing when it accepted, else the hub. */
    public static final String FIRST_VISIT_TEAM = "firstVisitTeam";

    // Decisions and records in the pathway's own tasks.
    public static final String FUNDING_NEXT_STEP = "fundingNextStep";
    public static final String TRANSPORT_NEXT_STEP = "transportNextStep";
    public static final String HOLDING_UP = "holdingUp";
    public static final String DISCHARGED_AT = "dischargedAt";
    public static final String CPR_FORM_TRAVELLED = "cprFormTravelled";
    public static final String DISCHARGE_NOTE = "dischargeNote";
    public static final String FIRST_VISIT_AT = "firstVisitAt";
    public static final String FIRST_VISIT_NOTE = "firstVisitNote";

    // Exits.
    public static final String NEXT_STEP = "nextStep";
    /** Values of {@link #NEXT_STEP}. */
    public static final String NEXT_STEP_CLOSE = "close";
    public static final String NEXT_STEP_HOSPICE = "hospice-admission";

    // The outcome, kept with the case for reporting.
    public static final String DISCHARGED = "discharged";
    public static final String DECISION_TO_DISCHARGE_MINUTES = "decisionToDischargeMinutes";
    public static final String TARGET_MET = "targetMet";
    public static final String TARGET_BREACHED = "targetBreached";

    private Vars() {}
  }

  /** Values of {@link Vars#CASE_OUTCOME}. */
  public static final class Outcome {
    public static final String FIRST_VISIT_DONE = "first-visit-done";
    public static final String DIED_BEFORE_DISCHARGE = "died-before-discharge";
    public static final String DIED_AFTER_DISCHARGE = "died-after-discharge";
    public static final String PLAN_CHANGED = "plan-changed";
    public static final String FUNDING_DECLINED = "funding-declined";
    public static final String NOT_ARRANGED = "not-arranged";
    /** The case's own value while it runs. */
    public static final String OPEN = "open";

    private Outcome() {}
  }

  /** Element ids that code and tests name. */
  public static final class Elements {
    public static final String START = "start_rapid_discharge";
    public static final String CALL_FUNDING = "call_chc_funding";
    public static final String FUNDING_DECLINED = "user_funding_declined";
    public static final String CALL_CARE_PACKAGE = "call_care_package";
    public static final String CALL_HOSPICE_AT_HOME = "call_hospice_at_home";
    public static final String CALL_EQUIPMENT = "call_equipment";
    public static final String CALL_MEDICINES = "call_anticipatory_medicines";
    public static final String CALL_COMMUNITY_NURSING = "call_community_nursing";
    public static final String CALL_GP = "call_gp_handover";
    public static final String CALL_OOH = "call_ooh_handover";
    public static final String CALL_TRANSPORT = "call_transport";
    public static final String TRANSPORT_FAILED = "user_transport_failed";
    public static final String ARRANGEMENTS_MISSING = "user_arrangements_missing";
    public static final String CONFIRM_DISCHARGE = "user_confirm_discharge";
    public static final String RECORD_FIRST_VISIT = "user_record_first_visit";
    public static final String TARGET_BREACHED = "user_target_breached";
    public static final String END_FIRST_VISIT_DONE = "end_first_visit_done";
    public static final String END_PATIENT_DIED = "end_patient_died";
    public static final String END_PLAN_CHANGED = "end_plan_changed";
    public static final String END_NOT_DISCHARGED = "end_not_discharged";

    private Elements() {}
  }

  /** What the start form and each user task must produce: required fields of their forms. */
  public static final java.util.Map<String, java.util.List<String>> TASK_OUTPUTS = java.util.Map.of(
      Elements.START, java.util.List.of(Vars.SETTING, Vars.PATIENT_NAME, Vars.DATE_OF_BIRTH, Vars.HOSPITAL_NUMBER,
          Vars.ADDRESS, Vars.LOCALITY, Vars.GP_PRACTICE, Vars.PREFERRED_PLACE_OF_DEATH, Vars.MAIN_CARER,
          Vars.DIAGNOSIS, Vars.PROGNOSIS, Vars.CPR_DECISION, Vars.CONSENT),
      Elements.FUNDING_DECLINED, java.util.List.of(Vars.FUNDING_NEXT_STEP, Vars.HUB_NOTE),
      Elements.TRANSPORT_FAILED, java.util.List.of(Vars.TRANSPORT_NEXT_STEP, Vars.HUB_NOTE),
      Elements.ARRANGEMENTS_MISSING, java.util.List.of(Vars.ARRANGEMENTS_DECISION, Vars.HUB_NOTE),
      Elements.TARGET_BREACHED, java.util.List.of(Vars.HUB_NOTE),
      Elements.CONFIRM_DISCHARGE, java.util.List.of(Vars.DISCHARGED_AT),
      Elements.RECORD_FIRST_VISIT, java.util.List.of(Vars.FIRST_VISIT_AT));

  /**
   * What must be in place before the patient goes home, by the outcome of the hand-off that
   * arranges it, in the words people see. The care package counts as arranged when hospice at home
   * took it on instead. Transport is settled by its own step (re-book, or family or ambulance).
   */
  public static final java.util.Map<String, String> ARRANGEMENTS = orderedArrangements();

  private static java.util.Map<String, String> orderedArrangements() {
    java.util.Map<String, String> arrangements = new java.util.LinkedHashMap<>();
    arrangements.put(Vars.CARE_OUTCOME, "Care package or hospice at home");
    arrangements.put(Vars.EQUIPMENT_OUTCOME, "Equipment (bed, mattress, commode)");
    arrangements.put(Vars.MEDICINES_OUTCOME, "Anticipatory medicines and chart");
    arrangements.put(Vars.NURSING_OUTCOME, "Community nursing and the first visit");
    arrangements.put(Vars.GP_OUTCOME, "GP handover");
    arrangements.put(Vars.OOH_OUTCOME, "Out-of-hours handover");
    return java.util.Collections.unmodifiableMap(arrangements);
  }

  private RapidDischarge() {}
}
