package org.carerelay.processes.death;

import java.util.List;
import java.util.Map;
import org.carerelay.processes.cases.Case;

/**
 * After a death ({@code processes/after-death/after-death.bpmn}): started by every death recorded in
 * a pathway, or from Tasklist by GP, community nursing, hospice or hub staff for a patient with no
 * open case. Every team that had a part in the patient's care is told once; then, each through the
 * partner hand-off block, equipment is collected, medicines are dealt with, a care package is
 * stopped (each when the patient had one), the GP practice updates its record, the Medical Examiner
 * is notified, and, at the time the {@code bereavement-contact} table gives, the hospice or the GP
 * contacts the family. The case closes when all are done.
 */
public final class AfterDeath {

  public static final String KEY = "after-death";
  public static final String NAME = "After a death";
  public static final String BEREAVEMENT_DECISION = "bereavement-contact";
  /** What a pathway's partners did decides what the after-death case asks for. */
  public static final String STEPS_DECISION = "after-death-steps";

  /** The partner services it asks, as the partner directory names them. */
  public static final class Services {
    public static final String EQUIPMENT_COLLECTION = "equipment-collection";
    public static final String MEDICINES = "medicines-after-death";
    public static final String CARE_PACKAGE_STOP = "care-package-stop";
    public static final String GP_RECORD = "gp-death-notification";
    public static final String MEDICAL_EXAMINER = "medical-examiner";
    public static final String BEREAVEMENT_HOSPICE = "bereavement-hospice";
    public static final String BEREAVEMENT_GP = "bereavement-gp";

    private Services() {}
  }

  /** Process variables. */
  public static final class Vars extends Case.Vars {
    // The start form (or the pathway whose patient died).
    public static final String MAIN_CARER = org.carerelay.processes.discharge.RapidDischarge.Vars.MAIN_CARER;
    public static final String MAIN_CARER_PHONE = org.carerelay.processes.discharge.RapidDischarge.Vars.MAIN_CARER_PHONE;
    public static final String DEATH_VERIFIED_BY = "deathVerifiedBy";
    /** {@code referred} (the certifying doctor already referred the death) or {@code not-yet}. */
    public static final String MEDICAL_EXAMINER_REFERRAL = "medicalExaminerReferral";
    public static final String EQUIPMENT_AT_HOME = "equipmentAtHome";
    public static final String MEDICINES_AT_HOME = "medicinesAtHome";
    public static final String CARE_PACKAGE_RUNNING = "carePackageRunning";
    public static final String HOSPICE_INVOLVED = "hospiceInvolved";
    /** The reference of the pathway's case whose patient died, when a pathway recorded the death. */
    public static final String LINKED_REFERENCE = "linkedReference";

    // Set when the case opens.
    /** What every partner is asked about, for the hand-offs' request. */
    public static final String DEATH_SUMMARY = "deathSummary";
    /** Partners that already know the patient, asked first (the hand-off's {@code preferredPartner}). */
    public static final String EQUIPMENT_PARTNER = "equipmentPartner";
    public static final String CARE_PACKAGE_PARTNER = "carePackagePartner";
    public static final String BEREAVEMENT_PARTNER = "bereavementPartner";
    /** From the bereavement-contact table: which service contacts the family, and when. */
    public static final String BEREAVEMENT_SERVICE = "bereavementService";
    public static final String BEREAVEMENT_DUE_AT = "bereavementDueAt";
    /** How many teams were told of the death. */
    public static final String TEAMS_TOLD = "teamsTold";

    // From the hand-offs (when each was done is read from the hand-offs themselves).
    public static final String EQUIPMENT_OUTCOME = "equipmentOutcome";
    public static final String MEDICINES_OUTCOME = "medicinesOutcome";
    public static final String CARE_PACKAGE_OUTCOME = "carePackageOutcome";
    public static final String GP_OUTCOME = "gpOutcome";
    public static final String MEDICAL_EXAMINER_OUTCOME = "medicalExaminerOutcome";
    public static final String BEREAVEMENT_OUTCOME = "bereavementOutcome";

    private Vars() {}
  }

  /** Values of {@link Vars#CASE_OUTCOME}. */
  public static final class Outcome {
    public static final String ALL_DONE = "after-death-done";

    private Outcome() {}
  }

  /** Element ids that code and tests name. */
  public static final class Elements {
    public static final String START = "start_after_death";
    public static final String CALL_EQUIPMENT = "call_equipment_collection";
    public static final String CALL_MEDICINES = "call_medicines";
    public static final String CALL_CARE_PACKAGE = "call_stop_care_package";
    public static final String CALL_GP = "call_gp_record";
    public static final String CALL_MEDICAL_EXAMINER = "call_medical_examiner";
    public static final String BEREAVEMENT_DUE = "timer_bereavement_due";
    public static final String CALL_BEREAVEMENT = "call_bereavement_contact";

    private Elements() {}
  }

  /** What the Tasklist start form must produce: its required fields. */
  public static final Map<String, List<String>> TASK_OUTPUTS = Map.of(
      Elements.START, List.of(Vars.PATIENT_NAME, Vars.DATE_OF_BIRTH, Vars.ADDRESS, Vars.LOCALITY, Vars.GP_PRACTICE,
          Vars.DIED_AT, Vars.PLACE_OF_DEATH, Vars.DEATH_VERIFIED_BY, Vars.MEDICAL_EXAMINER_REFERRAL));

  private AfterDeath() {}
}
