package org.carerelay.engine.fhir;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * A partner system moves its Task on: {@code requested} to {@code accepted} (or {@code in-progress})
 * or {@code rejected} (with {@code statusReason}), then to {@code completed} (with an {@code output}
 * or {@code note}) or {@code failed} (with {@code statusReason}). Each completes the same Tasklist
 * task with the same form validation, as the system's own user, so the case moves on exactly as if
 * the partner had used Tasklist. A stale {@code If-Match} answers 412; a Task already worked (in
 * Tasklist or by another call) 409; a change no form allows, or a form's refusal, 422.
 */
@Component
class TaskUpdates {

  private static final String RESPOND = "user_respond";
  private static final String COMPLETE = "user_complete";

  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;

  TaskUpdates(TaskService tasks, FormService forms, IdentityService identity) {
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
  }

  void apply(Offers.Offer offer, org.hl7.fhir.r4.model.Task changed, String ifMatch, FhirAccess.Caller caller) {
    if (ifMatch != null && !ifMatch.isBlank() && !version(ifMatch).equals(offer.version())) {
      throw new PreconditionFailedException("Task/" + offer.id() + " is at version " + offer.version()
          + ", not " + version(ifMatch) + ": read it again before changing it.");
    }
    if (changed.getStatus() == null) {
      throw new UnprocessableEntityException("Task.status is required.");
    }
    String wanted = changed.getStatus().toCode();
    String now = offer.status();
    if (wanted.equals(now) || ("accepted".equals(wanted) && "in-progress".equals(now))) {
      return;
    }
    if (List.of("completed", "rejected", "failed", "cancelled").contains(now)
        || ("in-progress".equals(now) && "rejected".equals(wanted))) {
      throw new ResourceVersionConflictException("Task/" + offer.id() + " was worked already (it is " + now
          + ", in Tasklist or by another call); it cannot become " + wanted + ".");
    }
    Map<String, Object> answer = new HashMap<>();
    String stage;
    if ("requested".equals(now) && List.of("accepted", "in-progress").contains(wanted)) {
      stage = RESPOND;
      answer.put("response", "accept");
    } else if ("requested".equals(now) && "rejected".equals(wanted)) {
      stage = RESPOND;
      answer.put("response", "decline");
      answer.put("declineReason", reason(changed, "a decline needs Task.statusReason: why the partner cannot take it"));
    } else if ("in-progress".equals(now) && "completed".equals(wanted)) {
      stage = COMPLETE;
      answer.put("completion", "done");
      answer.put("completionNote", result(changed));
    } else if ("in-progress".equals(now) && "failed".equals(wanted)) {
      stage = COMPLETE;
      answer.put("completion", "unable");
      answer.put("unableReason", reason(changed, "Task.statusReason must say why the partner could not do it"));
    } else {
      throw new UnprocessableEntityException("A Task that is " + now + " cannot become " + wanted + ": requested goes"
          + " to accepted or rejected, accepted to completed or failed.");
    }
    Task open = tasks.createTaskQuery().processInstanceId(offer.handoffId()).taskDefinitionKey(stage)
        .taskCandidateGroup(offer.team()).singleResult();
    if (open == null) {
      throw new ResourceVersionConflictException("Task/" + offer.id() + " was worked already (in Tasklist, or by"
          + " another call); read it again.");
    }
    identity.setAuthentication(caller.user(), caller.groups());
    try {
      forms.submitTaskForm(open.getId(), answer);
    } catch (FormFieldValidationException e) {
      throw new UnprocessableEntityException(e.getMessage());
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String version(String ifMatch) {
    return ifMatch.replaceFirst("^W/", "").replace("\"", "").strip();
  }

  private static String reason(org.hl7.fhir.r4.model.Task changed, String missing) {
    String text = changed.hasStatusReason() ? changed.getStatusReason().getText() : null;
    if (text == null || text.isBlank()) {
      throw new UnprocessableEntityException(missing);
    }
    return text;
  }

  private static String result(org.hl7.fhir.r4.model.Task changed) {
    for (var output : changed.getOutput()) {
      if (output.getValue() instanceof StringType text && !text.getValue().isBlank()) {
        return text.getValue();
      }
    }
    return changed.hasNote() ? changed.getNoteFirstRep().getText() : "Done";
  }
}
