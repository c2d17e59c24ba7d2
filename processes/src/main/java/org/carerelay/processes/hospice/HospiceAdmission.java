package org.carerelay.processes.hospice;

import java.util.List;
import java.util.Map;
import org.carerelay.processes.cases.Case;

/**
 * Hospice admission ({@code processes/hospice-admission/hospice-admission.bpmn}): a GP practice,
 * hospital, community nursing or out-of-hours user refers a patient; the hospice covering the
 * locality triages it through the partner hand-off block (urgent referrals within hours, routine
 * ones within a day: {@code handover-service-levels}); a decline moves to the next hospice. An
 * admission needs a bed and a date (and transport when needed); without a bed the patient waits
 * with a daily review until a bed comes or the waiting time ({@code hospice-waiting-limits})
 * passes, when the hub offers the second hospice or hospice at home.
 */
public final class HospiceAdmission {

  public static final String KEY = "hospice-admission";
  public static final String NAME = "Hospice admission";
  public static final String WAITING_DECISION = "hospice-waiting-limits";

  /** Process variables. */
  public static final class Vars extends Case.Vars {
    // The referral form (patient details as in the rapid discharge).
    public static final String REASON = "reasonForReferral";
    public static final String CURRENT_LOCATION = "currentLocation";
    public static final String PATIENT_WISHES = "patientWishes";
    public static final String MEDICATION_LIST = "medicationList";
    public static final String SUPPORTING_LETTERS = "supportingLetters";

    // Set when the case opens.
    public static final String REFERRED_AT = "referredAt";
    public static final String WAITING_LIMIT = "waitingLimit";
    public static final String REVIEW_EVERY = "reviewEvery";
    public static final String TRIAGE_REQUEST = "triageRequest";

    // From the hand-offs.
    public static final String TRIAGE_OUTCOME = "triageOutcome";
    public static final String TRIAGE_DECISION = "triageDecision";
    public static final String TRIAGE_HISTORY = "triageHistory";
    public static final String HOSPICE = "hospice";
    public static final String HOSPICE_TEAM = "hospiceTeam";
    public static final String HOSPICE_AT_HOME_OUTCOME = "hospiceAtHomeOutcome";
    public static final String TRANSPORT_OUTCOME = "transportOutcome";

    // The pathway's own tasks.
    public static final String BED_DATE = "bedDate";
    public static final String TRANSPORT_NEEDED = "transportNeeded";
    public static final String TRANSPORT_NEXT_STEP = "transportNextStep";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String WAITING_DECISION = "waitingDecision";
    public static final String DECLINED_DECISION = "declinedDecision";
    public static final String ADMITTED_AT = "admittedAt";


    // The outcome, kept with the case.
    public static final String ADMITTED = "admitted";

    private Vars() {}
  }

  /** Values of {@link Vars#CASE_OUTCOME}. */
  public static final class Outcome {
    public static final String ADMITTED = "admitted";
    public static final String HOSPICE_AT_HOME = "hospice-at-home";
    public static final String DECLINED_EVERYWHERE = "declined-everywhere";
    public static final String NO_HOSPICE_CARE = "no-hospice-care";
    public static final String WITHDRAWN = "withdrawn";
    public static final String DIED_WHILE_WAITING = "died-while-waiting";
    public static final String DIED_AFTER_ADMISSION = "died-after-admission";

    private Outcome() {}
  }

  /** Element ids that code and tests name. */
  public static final class Elements {
    public static final String START = "start_hospice_admission";
    public static final String CALL_TRIAGE = "call_triage";
    public static final String DECLINED_EVERYWHERE = "user_declined_everywhere";
    public static final String CONFIRM_BED = "user_confirm_bed";
    public static final String CALL_TRANSPORT = "call_transport";
    public static final String TRANSPORT_FAILED = "user_transport_failed";
    public static final String CONFIRM_ADMISSION = "user_confirm_admission";
    public static final String REVIEW_WAITING = "user_review_waiting";
    public static final String NEXT_REVIEW = "timer_next_review";
    public static final String WAITING_TOO_LONG = "user_waiting_too_long";
    public static final String CALL_SECOND_HOSPICE = "call_second_hospice";
    public static final String CALL_HOSPICE_AT_HOME = "call_hospice_at_home";

    private Elements() {}
  }

  /** What the referral form and each user task must produce: required fields of their forms. */
  public static final Map<String, List<String>> TASK_OUTPUTS = Map.of(
      Elements.START, List.of(Vars.PATIENT_NAME, Vars.DATE_OF_BIRTH, Vars.ADDRESS, Vars.LOCALITY, Vars.GP_PRACTICE,
          Vars.REASON, Vars.URGENCY, Vars.CURRENT_LOCATION, Vars.PATIENT_WISHES, Vars.CONSENT, Vars.CPR_DECISION,
          Vars.MEDICATION_LIST),
      Elements.DECLINED_EVERYWHERE, List.of(Vars.DECLINED_DECISION, Vars.HUB_NOTE),
      Elements.CONFIRM_BED, List.of(Vars.BED_DATE),
      Elements.TRANSPORT_FAILED, List.of(Vars.TRANSPORT_NEXT_STEP, Vars.HUB_NOTE),
      Elements.CONFIRM_ADMISSION, List.of(Vars.ADMITTED_AT),
      Elements.REVIEW_WAITING, List.of(Vars.REVIEW_DECISION),
      Elements.WAITING_TOO_LONG, List.of(Vars.WAITING_DECISION, Vars.HUB_NOTE));

  private HospiceAdmission() {}
}
