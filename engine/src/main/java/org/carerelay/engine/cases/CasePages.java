package org.carerelay.engine.cases;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.carerelay.engine.audit.AuditTrail;
import org.carerelay.engine.escalation.Escalations;
import org.carerelay.engine.handover.CaseHandoffs;
import org.carerelay.engine.handover.HandoverActions;
import org.carerelay.engine.notification.NotificationOutbox;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.security.Roles;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.handover.PartnerHandover;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Cases we referred": the cases a team started, for the referring ward or practice, and every case
 * for the coordination hub, managers and administrators; and one case's page, with its requests to
 * partners, what each answered (a partner's advice to the referrer included) and what happened when.
 * The hub moves a request to another partner, chosen from the partners that offer the service in
 * the case's locality, or withdraws it, from the case's page. Names and dates are shown in words,
 * day first in the partnership's zone.
 */
@Controller
class CasePages {

  private static final int SHOWN = 200;

  /** What the pages read of a case's own variables. */
  private static final String[] SHOWN_VARIABLES = {Case.Vars.CASE_REFERENCE, Case.Vars.PATHWAY,
      Case.Vars.PATIENT_INITIALS, Case.Vars.PATIENT_AGE, Case.Vars.CASE_OUTCOME, Case.Vars.REQUESTER_TEAM,
      Case.Vars.LOCALITY, "targetAt"};

  /** A case as the pages read it once: its instance, its own variables and its requests to partners. */
  private record CaseData(HistoricProcessInstance instance, Map<String, Object> variables,
      List<CaseHandoffs.Request> requests) {}

  /** A row of the list of cases. */
  record CaseRow(String id, String reference, String pathway, String patient, String stage, String started,
      String target, List<String> waitingOn, boolean ended) {}

  /** A request to a partner, as the case's page shows it. */
  record RequestRow(String handoffId, String service, String partner, String status, String advice, String due,
      boolean open) {}

  /**
   * Something that happened on the case, in order: {@code kind} is one of started, asked, accepted,
   * declined, unable, completed, timed-out, reassigned, cancelled, escalated, notified, died,
   * plan-changed, closed; {@code what} says it in words; {@code user} is the name of the person who
   * did it, where a signed-in person did.
   */
  record Event(OffsetDateTime at, String when, String kind, String what, String service, String organisation,
      Integer level, String user) {}

  /** One of the moments an after-death case is measured by, in words. */
  record Moment(String what, String value) {}

  /** A partner the hub can move a request to. */
  record Choice(String organisation, String label, boolean available) {}

  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseHandoffs handoffs;
  private final HandoverActions actions;
  private final Escalations escalations;
  private final PartnerDirectory directory;
  private final PartnershipTime time;
  private final AuditTrail audit;
  private final NotificationOutbox outbox;
  private final AfterDeathRecords afterDeaths;

  CasePages(HistoryService history, RuntimeService runtime, IdentityService identity, CaseHandoffs handoffs,
      HandoverActions actions, Escalations escalations, PartnerDirectory directory, PartnershipTime time,
      AuditTrail audit, NotificationOutbox outbox, AfterDeathRecords afterDeaths) {
    this.outbox = outbox;
    this.afterDeaths = afterDeaths;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.handoffs = handoffs;
    this.actions = actions;
    this.escalations = escalations;
    this.directory = directory;
    this.time = time;
    this.audit = audit;
  }

  @GetMapping("/cases")
  String list(Principal principal, Model model) {
    List<String> groups = groups(principal);
    boolean everyCase = Callers.seesWholePartnership(groups);
    List<HistoricProcessInstance> cases = new ArrayList<>();
    for (String team : everyCase ? java.util.Collections.<String>singletonList(null) : groups) {
      cases.addAll(cases(team).unfinished().orderByProcessInstanceStartTime().desc().listPage(0, SHOWN));
      cases.addAll(cases(team).finished().orderByProcessInstanceStartTime().desc().listPage(0, SHOWN));
    }
    List<CaseRow> rows = cases.stream()
        .sorted(Comparator.comparing((HistoricProcessInstance instance) -> instance.getEndTime() != null)
            .thenComparing(HistoricProcessInstance::getStartTime, Comparator.reverseOrder()))
        .limit(SHOWN).map(instance -> row(load(instance))).toList();
    audit.record(principal.getName(), rows.stream().map(CaseRow::id).toList(), AuditTrail.Operation.READ, "GET",
        "/cases", null, false);
    model.addAttribute("cases", rows);
    model.addAttribute("everyCase", everyCase);
    model.addAttribute("teams", groups.stream().map(directory::teamName).flatMap(java.util.Optional::stream).toList());
    return "cases";
  }

  /**
   * Cases: outermost process instances with a business key (the case reference), all of them or
   * those {@code team} referred.
   */
  private org.camunda.bpm.engine.history.HistoricProcessInstanceQuery cases(String team) {
    var query = history.createHistoricProcessInstanceQuery().rootProcessInstances().processInstanceBusinessKeyLike("%");
    return team == null ? query : query.variableValueEquals(Case.Vars.REQUESTER_TEAM, team);
  }

  @GetMapping("/cases/{caseId}")
  String show(@PathVariable String caseId, Principal principal, Model model) {
    List<String> groups = groups(principal);
    CaseData data = visibleCase(caseId, groups);
    Map<String, Object> variables = data.variables();
    boolean hub = isHub(groups);
    String locality = (String) variables.get(Case.Vars.LOCALITY);
    List<RequestRow> requests = new ArrayList<>();
    Map<String, List<Choice>> choices = new LinkedHashMap<>();
    for (CaseHandoffs.Request request : data.requests()) {
      String partner = directory.organisationName(request.partner()).orElse(request.partner());
      boolean open = request.result() == null;
      boolean partnersWords = !open && List.of("declined", "unable", "completed").contains(request.result());
      requests.add(new RequestRow(request.handoffId(), directory.serviceName(request.service()), partner,
          status(request), partnersWords || hub ? request.reason() : null, open ? due(request) : null, open));
      if (open && hub && locality != null) {
        choices.computeIfAbsent(request.handoffId(), id -> directory.offersIn(request.service(), locality).stream()
            .filter(offer -> !offer.organisation().equals(request.partner()))
            .map(offer -> new Choice(offer.organisation(), offer.organisationName()
                + (offer.available() ? "" : " (unavailable: " + offer.unavailableReason() + ")"), offer.available()))
            .toList());
      }
    }
    List<Event> events = timeline(data, hub);
    audit.record(principal.getName(), List.of(caseId), AuditTrail.Operation.READ, "GET", "/cases/" + caseId, null,
        false);
    model.addAttribute("row", row(data));
    model.addAttribute("requests", requests);
    model.addAttribute("choices", choices);
    model.addAttribute("events", events);
    model.addAttribute("afterDeath", afterDeaths.of(caseId).map(this::moments).orElse(List.of()));
    model.addAttribute("hub", hub);
    return "case";
  }

  @PostMapping("/cases/{caseId}/handoffs/{handoffId}/reassign")
  String reassign(@PathVariable String caseId, @PathVariable String handoffId,
      @RequestParam(required = false) String partner, @RequestParam String reason, Principal principal,
      RedirectAttributes redirect) {
    requireHubAction(caseId, handoffId, groups(principal), reason);
    String to = partner == null || partner.isBlank() ? null : partner;
    HandoverActions.Result result = actions.reassign(handoffId, to, reason.strip());
    redirect.addFlashAttribute("notice", result == HandoverActions.Result.DONE
        ? "The request has moved to " + (to == null ? "the next partner" : directory.organisationName(to).orElse(to)) + "."
        : "The request could not be moved: it is no longer waiting for a partner.");
    return "redirect:/cases/" + caseId;
  }

  @PostMapping("/cases/{caseId}/handoffs/{handoffId}/cancel")
  String cancel(@PathVariable String caseId, @PathVariable String handoffId, @RequestParam String reason,
      Principal principal, RedirectAttributes redirect) {
    requireHubAction(caseId, handoffId, groups(principal), reason);
    HandoverActions.Result result = actions.cancel(handoffId, reason.strip());
    redirect.addFlashAttribute("notice", result == HandoverActions.Result.DONE ? "The request was withdrawn."
        : "The request could not be withdrawn: it is no longer waiting for a partner.");
    return "redirect:/cases/" + caseId;
  }

  /**
   * A case's timeline as JSON, for other tools: the same events as its page, to the same people
   * (the team that referred it, the hub, managers, administrators); 404 to anyone else.
   */
  @GetMapping(path = "/api/cases/{caseId}/timeline", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  List<Event> timelineJson(@PathVariable String caseId, Principal principal) {
    List<String> groups = groups(principal);
    List<Event> events = timeline(visibleCase(caseId, groups), isHub(groups));
    audit.record(principal.getName(), List.of(caseId), AuditTrail.Operation.READ, "GET",
        "/api/cases/" + caseId + "/timeline", null, false);
    return events;
  }

  /**
   * Everything that happened on a case, in order: Camunda's history (start, end, death, plan change)
   * joined with CareRelay's own records of its hand-offs (each partner asked and what it answered),
   * escalations and the notifications sent for the case and its hand-offs. A partner's reason is
   * shown as its words; the hub's own reasons only to the hub.
   */
  private List<Event> timeline(CaseData data, boolean hub) {
    HistoricProcessInstance instance = data.instance();
    String caseId = instance.getId();
    List<Event> events = new ArrayList<>();
    event(events, instance.getStartTime(), "started", "Case started by " + requester(data.variables()), null, null,
        null, name(instance.getStartUserId()));
    List<String> instances = new ArrayList<>(List.of(caseId));
    for (CaseHandoffs.Request request : data.requests()) {
      instances.add(request.handoffId());
      String service = directory.serviceName(request.service());
      String partner = directory.organisationName(request.partner()).orElse(request.partner());
      event(events, request.startedAt(), "asked", service + ": asked " + partner, service, partner, null);
      List<UserOperationLogEntry> completions = history.createUserOperationLogQuery()
          .processInstanceId(request.handoffId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
      event(events, request.acceptedAt(), "accepted", service + ": accepted by " + partner, service, partner, null,
          name(completedBy(completions, request.acceptedAt())));
      if (request.result() != null) {
        boolean partnersWords = List.of("declined", "unable", "completed").contains(request.result());
        boolean reasonShown = (partnersWords || hub) && request.reason() != null && !request.reason().isBlank();
        event(events, request.endedAt(), request.result(), service + ": "
            + status(request).toLowerCase(java.util.Locale.ROOT)
            + (reasonShown ? " (" + (partnersWords ? partner : "the hub") + ": " + request.reason() + ")" : ""),
            service, partner, null, name(completedBy(completions, request.endedAt())));
      }
    }
    for (Escalations.Escalation escalation : escalations.ofCase(caseId, null)) {
      String service = directory.serviceName(escalation.service());
      String partner = directory.organisationName(escalation.partner()).orElse(escalation.partner());
      event(events, escalation.raisedAt(), "escalated", service + ": " + partner + " is late (" + escalation.stage()
          + ", level " + escalation.level() + ")", service, partner, escalation.level());
    }
    for (NotificationOutbox.Sent sent : outbox.sentFor(instances)) {
      String to = sent.organisationId() == null ? null
          : directory.organisationName(sent.organisationId()).orElse(sent.organisationId());
      event(events, sent.sentAt(), "notified", (to == null ? "Told the partnership" : "Told " + to) + " by "
          + sent.channel() + ": " + sent.subject(), null, to, null);
    }
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(caseId)
        .variableNameIn(Case.Vars.DIED_AT, Case.Vars.PLAN_CHANGE_REASON).list()) {
      if (Case.Vars.DIED_AT.equals(variable.getName()) && variable.getValue() instanceof Date died) {
        event(events, died, "died", "The patient died", null, null, null);
      } else if (Case.Vars.PLAN_CHANGE_REASON.equals(variable.getName())) {
        event(events, variable.getCreateTime(), "plan-changed", "The plan changed: " + variable.getValue(), null, null,
            null);
      }
    }
    event(events, instance.getEndTime(), "closed", "Case closed: "
        + Objects.toString(data.variables().get(Case.Vars.CASE_OUTCOME), "ended"), null, null, null);
    events.sort(Comparator.comparing(Event::at));
    return events;
  }

  private void requireHubAction(String caseId, String handoffId, List<String> groups, String reason) {
    if (!isHub(groups)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the coordination hub moves or withdraws requests.");
    }
    if (handoffs.requests(caseId).stream().noneMatch(request -> request.handoffId().equals(handoffId))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This case made no such request.");
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Say why, in at most 2000 characters.");
    }
  }

  /** After a death: when it was, and how long until everyone was told, the equipment went and the family was contacted. */
  private List<Moment> moments(AfterDeathRecords.Moments moments) {
    java.util.function.Function<OffsetDateTime, String> sinceDeath = at -> PartnershipTime.showMinutes(
        java.time.Duration.between(moments.diedAt(), at).toMinutes()) + " after the death (" + time.show(at.toInstant())
        + ")";
    List<Moment> shown = new ArrayList<>();
    shown.add(new Moment("Died", time.show(moments.diedAt().toInstant())));
    shown.add(new Moment("Every team told", moments.teamsTold() == null ? "Not yet"
        : moments.teamsTold() == 0 ? "No team had a part in the patient's care yet"
        : moments.everyoneToldAt() == null ? moments.noticesWaiting() + " of " + moments.teamsTold()
            + " notices still waiting to go out"
        : moments.teamsTold() + (moments.teamsTold() == 1 ? " team, " : " teams, ")
            + sinceDeath.apply(moments.everyoneToldAt())));
    if (moments.equipmentCollectedAt() != null) {
      shown.add(new Moment("Equipment collected", sinceDeath.apply(moments.equipmentCollectedAt())));
    }
    shown.add(new Moment("Bereavement contact", moments.bereavementContactAt() != null
        ? sinceDeath.apply(moments.bereavementContactAt())
        : "Due " + time.show(moments.bereavementDueAt().toInstant())));
    return shown;
  }

  private CaseData visibleCase(String caseId, List<String> groups) {
    HistoricProcessInstance instance = cases(null).processInstanceId(caseId).singleResult();
    CaseData data = instance == null ? null : load(instance);
    if (data == null || !(Callers.seesWholePartnership(groups)
        || groups.contains(Objects.toString(data.variables().get(Case.Vars.REQUESTER_TEAM), "")))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case among the cases your team referred.");
    }
    return data;
  }

  private CaseData load(HistoricProcessInstance instance) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableNameIn(SHOWN_VARIABLES).list()) {
      if (instance.getId().equals(variable.getActivityInstanceId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return new CaseData(instance, variables, handoffs.requests(instance.getId()));
  }

  private CaseRow row(CaseData data) {
    HistoricProcessInstance instance = data.instance();
    Map<String, Object> variables = data.variables();
    List<String> waitingOn = data.requests().stream().filter(request -> request.result() == null)
        .map(request -> directory.serviceName(request.service()) + ": "
            + directory.organisationName(request.partner()).orElse(request.partner()) + ", " + status(request)
            + ", due " + due(request))
        .toList();
    Object target = variables.get("targetAt");
    return new CaseRow(instance.getId(), Objects.toString(variables.get(Case.Vars.CASE_REFERENCE), instance.getBusinessKey()),
        Objects.toString(variables.get(Case.Vars.PATHWAY), instance.getProcessDefinitionName()),
        variables.get(Case.Vars.PATIENT_INITIALS) + ", " + variables.get(Case.Vars.PATIENT_AGE),
        instance.getEndTime() != null ? "Closed: " + Objects.toString(variables.get(Case.Vars.CASE_OUTCOME), "ended")
            : stage(instance.getId()),
        time.show(instance.getStartTime().toInstant()),
        target instanceof Date date ? time.show(date.toInstant()) : "", waitingOn, instance.getEndTime() != null);
  }

  /** What the case waits for now: the names of its open steps. */
  private String stage(String caseId) {
    var tree = runtime.getActivityInstance(caseId);
    if (tree == null) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (var child : tree.getChildActivityInstances()) {
      if (child.getActivityName() != null) {
        names.add(child.getActivityName());
      }
    }
    return String.join("; ", names);
  }

  private static String status(CaseHandoffs.Request request) {
    if (request.result() == null) {
      return request.acceptedAt() == null ? "waiting for an answer" : "accepted, in progress";
    }
    return switch (request.result()) {
      case "completed" -> "Done";
      case "declined" -> "Declined";
      case "unable" -> "Accepted but could not do it";
      case "timed-out" -> "Did not answer in time: moved on";
      case "reassigned" -> "Moved to another partner by the hub";
      case "cancelled" -> "Withdrawn";
      default -> request.result();
    };
  }

  private String due(CaseHandoffs.Request request) {
    try {
      Object due = runtime.getVariable(request.handoffId(), PartnerHandover.Vars.dueAt(
          request.acceptedAt() == null ? PartnerHandover.Stage.RESPOND : PartnerHandover.Stage.COMPLETE));
      return time.show((Date) due, "no due time");
    } catch (org.camunda.bpm.engine.ProcessEngineException ended) {
      return "no due time";
    }
  }

  private String requester(Map<String, Object> variables) {
    Object team = variables.get(Case.Vars.REQUESTER_TEAM);
    return team == null ? "the coordination hub" : directory.teamName(team.toString()).orElse("the coordination hub");
  }

  /** Adds an event that has a time, done by {@code user} (a name) or by no one in particular. */
  private void event(List<Event> events, OffsetDateTime at, String kind, String what, String service,
      String organisation, Integer level, String user) {
    if (at != null) {
      events.add(new Event(at, time.show(at.toInstant()), kind, what, service, organisation, level, user));
    }
  }

  private void event(List<Event> events, OffsetDateTime at, String kind, String what, String service,
      String organisation, Integer level) {
    event(events, at, kind, what, service, organisation, level, null);
  }

  private void event(List<Event> events, Date at, String kind, String what, String service, String organisation,
      Integer level, String user) {
    if (at != null) {
      event(events, at.toInstant().atOffset(java.time.ZoneOffset.UTC), kind, what, service, organisation, level, user);
    }
  }

  private void event(List<Event> events, Date at, String kind, String what, String service, String organisation,
      Integer level) {
    event(events, at, kind, what, service, organisation, level, null);
  }

  /** A person's name in the identity service; null for no one. */
  private String name(String userId) {
    if (userId == null) {
      return null;
    }
    var user = identity.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : (Objects.toString(user.getFirstName(), "") + " "
        + Objects.toString(user.getLastName(), "")).strip();
  }

  /** Who completed a task of the hand-off at this moment (the engine logs completions by signed-in users). */
  private static String completedBy(List<UserOperationLogEntry> completions, OffsetDateTime at) {
    if (at == null) {
      return null;
    }
    return completions.stream()
        .filter(entry -> Math.abs(entry.getTimestamp().getTime() - at.toInstant().toEpochMilli()) < 2000)
        .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private List<String> groups(Principal principal) {
    return identity.createGroupQuery().groupMember(principal.getName()).list().stream().map(Group::getId).toList();
  }

  private static boolean isHub(List<String> groups) {
    return groups.contains(Roles.HUB) || groups.contains(Roles.ADMINISTRATORS);
  }
}
