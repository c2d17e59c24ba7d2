package org.carerelay.engine.death;

import static org.carerelay.processes.death.AfterDeath.Vars;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.cases.AfterDeathRecords;
import org.carerelay.engine.cases.CaseOpening;
import org.carerelay.engine.decisions.DecisionTables;
import org.carerelay.engine.forms.FormChoices;
import org.carerelay.engine.forms.StartedByCase;
import org.carerelay.engine.handover.CaseHandoffs;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.death.AfterDeath;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.carerelay.processes.SetsVariables;
import org.springframework.stereotype.Component;

/**
 * Opens an after-death case. When a pathway recorded the death, what must happen next comes from
 * what its partners did (equipment delivered, anticipatory medicines supplied, a care package, a
 * hospice) through the {@code after-death-steps} table; the partner that did each is asked first to
 * undo it. Started from Tasklist, the form says
 * so, and a patient with an open case or a death already recorded is refused with the case named.
 * Who contacts the family and when come from the {@code bereavement-contact} table, counted from the
 * death in the partnership's zone.
 */
@SetsVariables({Vars.BEREAVEMENT_DUE_AT, Vars.BEREAVEMENT_PARTNER, Vars.BEREAVEMENT_SERVICE,
    Vars.CARE_PACKAGE_PARTNER, Vars.CARE_PACKAGE_RUNNING, Vars.DEATH_SUMMARY, Vars.DIED_AT, Vars.EQUIPMENT_AT_HOME,
    Vars.EQUIPMENT_PARTNER, Vars.HOSPICE_INVOLVED, Vars.MEDICINES_AT_HOME, Vars.URGENCY})
@Component("openAfterDeathCase")
class OpenAfterDeathCase implements JavaDelegate {

  private static final List<String> HOSPICE_SERVICES = List.of("hospice-inpatient", "hospice-at-home");

  private final CaseOpening opening;
  private final CaseHandoffs handoffs;
  private final DecisionTables decisions;
  private final AfterDeathRecords records;
  private final FormChoices choices;
  private final PartnershipTime time;

  OpenAfterDeathCase(CaseOpening opening, CaseHandoffs handoffs, DecisionTables decisions, AfterDeathRecords records,
      FormChoices choices, PartnershipTime time) {
    this.opening = opening;
    this.handoffs = handoffs;
    this.decisions = decisions;
    this.records = records;
    this.choices = choices;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant diedAt = time.instant(execution.getVariable(Vars.DIED_AT));
    execution.setVariable(Vars.DIED_AT, Date.from(diedAt));
    String linkedCase = (String) execution.getVariable(Vars.LINKED_CASE);
    if (linkedCase == null) {
      refuseAKnownDeath(execution);
      for (String fact : List.of(Vars.EQUIPMENT_AT_HOME, Vars.MEDICINES_AT_HOME, Vars.CARE_PACKAGE_RUNNING,
          Vars.HOSPICE_INVOLVED)) {
        execution.setVariable(fact, Boolean.TRUE.equals(execution.getVariable(fact)));
      }
    } else if (!StartedByCase.starting()) {
      // Only the case whose patient died links to it; a person cannot tell another case's partners.
      throw new InvalidInput("The death", new FieldProblem(Vars.LINKED_CASE, "Linked case",
          "is set by the case whose patient died, not on this form"));
    } else {
      whatThePartnersDid(execution, linkedCase);
    }
    execution.setVariable(Vars.URGENCY, "routine");
    Instant opened = opening.openQuietly(execution, "AD", AfterDeath.NAME, AfterDeath.KEY);

    String place = (String) execution.getVariable(Vars.PLACE_OF_DEATH);
    Map<String, Object> contact = decisions.firstRow(AfterDeath.BEREAVEMENT_DECISION,
        Map.of(Vars.HOSPICE_INVOLVED, execution.getVariable(Vars.HOSPICE_INVOLVED), Vars.PLACE_OF_DEATH, place));
    String service = (String) contact.get("service");
    Instant due = after(diedAt, String.valueOf(contact.get("contactAfter")));
    execution.setVariable(Vars.BEREAVEMENT_SERVICE, service);
    execution.setVariable(Vars.BEREAVEMENT_DUE_AT, Date.from(due));
    if (!AfterDeath.Services.BEREAVEMENT_HOSPICE.equals(service)) {
      execution.setVariable(Vars.BEREAVEMENT_PARTNER, null);
    }
    execution.setVariable(Vars.DEATH_SUMMARY, "The patient died on " + time.show(diedAt) + " (place of death: "
        + choices.label(Vars.PLACE_OF_DEATH, place) + "). Please do what your service does after a death and"
        + " record it here, so that the family need not phone you.");
    records.opened(execution.getProcessInstanceId(), (String) execution.getVariable(Vars.CASE_REFERENCE), linkedCase,
        (String) execution.getVariable(Vars.LOCALITY), diedAt, opened, due);
  }

  /** A designer's "P21D" counts calendar days in the partnership's zone; "PT12H" counts hours. */
  private Instant after(Instant diedAt, String contactAfter) {
    if (contactAfter.contains("T")) {
      return diedAt.plus(Duration.parse(contactAfter));
    }
    return diedAt.atZone(time.zone()).plus(Period.parse(contactAfter)).toInstant();
  }

  /** From the pathway's requests: what reached the patient, and who did it. */
  private void whatThePartnersDid(DelegateExecution execution, String linkedCase) {
    List<CaseHandoffs.Request> requests = handoffs.requests(linkedCase);
    Optional<CaseHandoffs.Request> equipment = accepted(requests, List.of("equipment"));
    Optional<CaseHandoffs.Request> medicines = accepted(requests, List.of("anticipatory-medicines"));
    Optional<CaseHandoffs.Request> carePackage = accepted(requests, List.of("care-package"));
    Optional<CaseHandoffs.Request> hospice = accepted(requests, HOSPICE_SERVICES);
    // What must be undone is the designers' table's; what the partners did is the facts it reads.
    Map<String, Object> facts = new java.util.HashMap<>();
    facts.put(Vars.PLACE_OF_DEATH, execution.getVariable(Vars.PLACE_OF_DEATH));
    facts.put("equipmentDelivered", equipment.isPresent());
    facts.put("medicinesSupplied", medicines.isPresent());
    facts.put("carePackageArranged", carePackage.isPresent());
    Map<String, Object> steps = decisions.firstRow(AfterDeath.STEPS_DECISION, facts);
    for (String step : List.of(Vars.EQUIPMENT_AT_HOME, Vars.MEDICINES_AT_HOME, Vars.CARE_PACKAGE_RUNNING)) {
      execution.setVariable(step, Boolean.TRUE.equals(steps.get(step)));
    }
    execution.setVariable(Vars.EQUIPMENT_PARTNER, equipment.map(CaseHandoffs.Request::partner).orElse(null));
    execution.setVariable(Vars.CARE_PACKAGE_PARTNER, carePackage.map(CaseHandoffs.Request::partner).orElse(null));
    execution.setVariable(Vars.HOSPICE_INVOLVED, hospice.isPresent());
    execution.setVariable(Vars.BEREAVEMENT_PARTNER, hospice.map(CaseHandoffs.Request::partner).orElse(null));
  }

  private static Optional<CaseHandoffs.Request> accepted(List<CaseHandoffs.Request> requests, List<String> services) {
    return requests.stream().filter(request -> services.contains(request.service()))
        .filter(request -> request.acceptedAt() != null || "completed".equals(request.result()))
        .reduce((first, later) -> later);
  }

  /** Started from Tasklist: not for a patient whose open case should record it, nor twice. */
  private void refuseAKnownDeath(DelegateExecution execution) {
    String nhsNumber = (String) execution.getVariable(Vars.NHS_NUMBER);
    if (nhsNumber == null || nhsNumber.isBlank()) {
      return;
    }
    String digits = nhsNumber.replaceAll("\\D", "");
    List<String> spellings = digits.length() == 10 ? List.of(digits,
        digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6)) : List.of(nhsNumber);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    for (String spelling : spellings) {
      for (ProcessInstance open : runtime.createProcessInstanceQuery()
          .processDefinitionKeyIn(RapidDischarge.KEY, HospiceAdmission.KEY).variableValueEquals(Vars.NHS_NUMBER, spelling)
          .list()) {
        throw refused("the patient has an open case, " + open.getBusinessKey()
            + ": record the death in it (\"Record a death\") and every partner of that case is told");
      }
      for (var earlier : history.createHistoricProcessInstanceQuery().processDefinitionKey(AfterDeath.KEY)
          .variableValueEquals(Vars.NHS_NUMBER, spelling).list()) {
        if (!earlier.getId().equals(execution.getProcessInstanceId())) {
          throw refused("a death was already recorded for this patient: case " + earlier.getBusinessKey());
        }
      }
    }
  }

  private static InvalidInput refused(String why) {
    return new InvalidInput("The death", new FieldProblem(Vars.NHS_NUMBER, "NHS number", why));
  }
}
