package org.carerelay.processes.cases;

/**
 * Recording a death from Tasklist ({@code processes/record-death/record-death.bpmn}): a user
 * involved in a case names it by its reference; the case's {@code patient-died} event does the rest.
 */
public final class RecordDeath {

  public static final String KEY = "record-death";
  /** The message every pathway accepts when its patient dies. */
  public static final String PATIENT_DIED = "patient-died";

  /** Variables of the start form, and of the message. */
  public static final class Vars extends Case.Vars {
    private Vars() {}
  }

  /** What the start form must produce. */
  public static final java.util.Map<String, java.util.List<String>> TASK_OUTPUTS = java.util.Map.of(
      "start_record_death", java.util.List.of(Vars.CASE_REFERENCE, Vars.DIED_AT, Vars.PLACE_OF_DEATH));

  private RecordDeath() {}
}
