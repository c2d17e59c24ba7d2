package org.carerelay.processes.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.carerelay.processes.death.AfterDeath;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.hospice.HospiceAdmission;

/**
 * The facts of a case a partner's request may carry, each with the label partner staff read. The
 * partner directory says which facts each service needs ({@code services[].needs}); every case
 * variable named here is passed to the hand-off when the case has it, and the hand-off shows the
 * needed ones, in this order, as the request's details.
 */
public final class RequestFacts {

  /** Variable name to label, in the order a request shows them. */
  public static final Map<String, String> LABELS;

  static {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(RapidDischarge.Vars.TARGET_AT, "Discharge by");
    labels.put(HospiceAdmission.Vars.BED_DATE, "Admission date");
    labels.put(Case.Vars.ADDRESS, "Home address");
    labels.put(Case.Vars.GP_PRACTICE, "GP practice");
    labels.put(RapidDischarge.Vars.MAIN_CARER, "Main carer or next of kin");
    labels.put(RapidDischarge.Vars.MAIN_CARER_PHONE, "Carer's phone");
    labels.put(RapidDischarge.Vars.PREFERRED_PLACE_OF_DEATH, "Preferred place of death");
    labels.put(RapidDischarge.Vars.DIAGNOSIS, "Diagnosis");
    labels.put(RapidDischarge.Vars.PROGNOSIS, "Prognosis");
    labels.put(Case.Vars.CPR_DECISION, "CPR decision");
    labels.put(Case.Vars.CPR_FORM_LOCATION, "DNACPR / ReSPECT form kept");
    labels.put(RapidDischarge.Vars.EQUIPMENT_LIST, "Equipment needed");
    labels.put(HospiceAdmission.Vars.MEDICATION_LIST, "Current medication");
    labels.put(HospiceAdmission.Vars.PATIENT_WISHES, "What the patient and family know and want");
    labels.put(Case.Vars.DIED_AT, "Date and time of death");
    labels.put(Case.Vars.PLACE_OF_DEATH, "Place of death");
    labels.put(AfterDeath.Vars.DEATH_VERIFIED_BY, "Death verified by");
    labels.put(AfterDeath.Vars.MEDICAL_EXAMINER_REFERRAL, "Medical Examiner referral");
    LABELS = java.util.Collections.unmodifiableMap(labels);
  }

  private RequestFacts() {}
}
