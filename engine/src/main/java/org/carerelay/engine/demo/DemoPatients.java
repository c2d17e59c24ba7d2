package org.carerelay.engine.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * Start forms of the demo region's fictional patients, as Tasklist would submit them: for the demo
 * history, and for tests that drive cases.
 */
public final class DemoPatients {

  private DemoPatients() {}

  /** A valid rapid discharge start form. */
  public static Map<String, Object> rapidDischarge(String patientName, String setting, String locality) {
    Map<String, Object> form = new HashMap<>();
    form.put("setting", setting);
    form.put("patientName", patientName);
    form.put("dateOfBirth", "1941-12-10");
    form.put("nhsNumber", "943 476 5919");
    form.put("hospitalNumber", "WD123456");
    form.put("address", "1 Orchard Lane, Crowborough");
    form.put("locality", locality);
    form.put("gpPractice", "The Meadows Surgery");
    form.put("preferredPlaceOfDeath", "home");
    form.put("mainCarer", "Byron Lovelace (son)");
    form.put("mainCarerPhone", "07700 900123");
    form.put("equipmentList", "Profiling bed, pressure-relieving mattress, commode");
    form.put("diagnosis", "Metastatic pancreatic cancer");
    form.put("prognosis", "days");
    form.put("cprDecision", "dnacpr");
    form.put("cprFormLocation", "With the patient");
    form.put("consent", "patient");
    return form;
  }

  /** A valid hospice referral from a GP practice. */
  public static Map<String, Object> hospiceReferral(String patientName, String urgency, String locality) {
    Map<String, Object> form = new HashMap<>();
    form.put("patientName", patientName);
    form.put("dateOfBirth", "1945-11-23");
    form.put("address", "3 Mill Road, Crowborough");
    form.put("locality", locality);
    form.put("gpPractice", "The Meadows Surgery");
    form.put("reasonForReferral", "symptom-control");
    form.put("urgency", urgency);
    form.put("currentLocation", "at-home");
    form.put("patientWishes", "Wants pain controlled, then home");
    form.put("consent", "patient");
    form.put("cprDecision", "dnacpr");
    form.put("cprFormLocation", "At home, kitchen drawer");
    form.put("medicationList", "Oxycodone MR 20 mg bd");
    return form;
  }

  /** A valid "After a death" start form for a patient with no open case (diedAt as the form sends it). */
  public static Map<String, Object> afterDeath(String patientName, String nhsNumber, String locality, String diedAt,
      String placeOfDeath) {
    Map<String, Object> form = new HashMap<>();
    form.put("patientName", patientName);
    form.put("dateOfBirth", "1938-06-02");
    form.put("nhsNumber", nhsNumber);
    form.put("address", "7 Church Street, Uckfield");
    form.put("locality", locality);
    form.put("gpPractice", "The Meadows Surgery");
    form.put("mainCarer", "Joan Hart (wife)");
    form.put("mainCarerPhone", "07700 900456");
    form.put("diedAt", diedAt);
    form.put("placeOfDeath", placeOfDeath);
    form.put("deathVerifiedBy", "Sian Morgan, district nurse");
    form.put("medicalExaminerReferral", "not-yet");
    form.put("equipmentAtHome", true);
    form.put("medicinesAtHome", false);
    form.put("carePackageRunning", false);
    form.put("hospiceInvolved", true);
    return form;
  }
}
