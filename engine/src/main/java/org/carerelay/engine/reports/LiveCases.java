package org.carerelay.engine.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.handover.PartnerHandover.Stage;
import org.carerelay.processes.handover.PartnerHandover.Vars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every running case with a request open to a partner: which partner holds it, at which stage
 * (respond or complete), since when, and how long until its service level is due. A request is
 * "at-risk" when it falls due within the hour, "breached" once it is overdue, else "on-time".
 */
@Component
class LiveCases {

  /** How soon before its due time a request counts as at risk. */
  static final Duration AT_RISK = Duration.ofHours(1);

  record Handoff(String handoffId, String service, String serviceName, String partner, String partnerName,
      String stage, OffsetDateTime since, String sinceShown, OffsetDateTime dueAt, String due, Long minutesToDue,
      String status) {}

  /** A case with requests open; {@code target} is its pathway's target time (a rapid discharge's), if it has one. */
  record LiveCase(String caseId, String reference, String pathway, String locality, String urgency, String target,
      Long minutesToTarget, List<Handoff> handoffs) {}

  /** What a manager filters by; null matches everything. */
  record Filter(String pathway, String locality, String partner, String service, String urgency, String status) {

    boolean matches(LiveCase live, Handoff handoff) {
      return (pathway == null || pathway.equals(live.pathway())) && (locality == null || locality.equals(live.locality()))
          && (urgency == null || urgency.equals(live.urgency())) && (partner == null || partner.equals(handoff.partner()))
          && (service == null || service.equals(handoff.service())) && (status == null || status.equals(handoff.status()));
    }
  }

  private record Open(String handoffId, String caseId, String partner, String service, OffsetDateTime startedAt,
      OffsetDateTime acceptedAt) {}

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final PartnerDirectory directory;
  private final PartnershipTime time;

  LiveCases(JdbcClient jdbc, RuntimeService runtime, HistoryService history, PartnerDirectory directory,
      PartnershipTime time) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.history = history;
    this.directory = directory;
    this.time = time;
  }

  List<LiveCase> cases(Filter filter) {
    List<Open> open = jdbc.sql("""
            select handoff_id, case_id, partner, service, started_at, accepted_at from handover_attempt
            where result is null order by started_at""").query(Open.class).list();
    if (open.isEmpty()) {
      return List.of();
    }
    Map<String, Object> dues = new HashMap<>();
    for (VariableInstance due : runtime.createVariableInstanceQuery()
        .processInstanceIdIn(open.stream().map(Open::handoffId).distinct().toArray(String[]::new))
        .variableNameIn(Vars.dueAt(Stage.RESPOND), Vars.dueAt(Stage.COMPLETE)).list()) {
      dues.put(due.getProcessInstanceId() + "/" + due.getName(), due.getValue());
    }
    Map<String, Map<String, Object>> caseValues = new HashMap<>();
    for (HistoricVariableInstance value : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(open.stream().map(Open::caseId).distinct().toArray(String[]::new))
        .variableNameIn(Vars.CASE_REFERENCE, Vars.PATHWAY, Vars.LOCALITY, Vars.URGENCY, RapidDischarge.Vars.TARGET_AT)
        .list()) {
      if (value.getProcessInstanceId().equals(value.getActivityInstanceId())) {
        caseValues.computeIfAbsent(value.getProcessInstanceId(), id -> new HashMap<>())
            .put(value.getName(), value.getValue());
      }
    }
    Instant now = time.now();
    Map<String, List<Handoff>> byCase = new LinkedHashMap<>();
    for (Open request : open) {
      Stage stage = request.acceptedAt() != null ? Stage.COMPLETE : Stage.RESPOND;
      Object due = dues.get(request.handoffId() + "/" + Vars.dueAt(stage));
      Instant dueAt = due instanceof Date date ? date.toInstant() : null;
      Long minutes = dueAt == null ? null : Duration.between(now, dueAt).toMinutes();
      String status = dueAt == null ? "on-time" : dueAt.isBefore(now) ? "breached"
          : dueAt.isBefore(now.plus(AT_RISK)) ? "at-risk" : "on-time";
      byCase.computeIfAbsent(request.caseId(), id -> new ArrayList<>()).add(new Handoff(request.handoffId(),
          request.service(), directory.serviceName(request.service()), request.partner(),
          directory.organisationName(request.partner()).orElse(request.partner()), stage.id,
          stage == Stage.COMPLETE ? request.acceptedAt() : request.startedAt(),
          time.show((stage == Stage.COMPLETE ? request.acceptedAt() : request.startedAt()).toInstant()),
          dueAt == null ? null : dueAt.atOffset(java.time.ZoneOffset.UTC), dueAt == null ? "" : time.show(dueAt),
          minutes, status));
    }
    List<LiveCase> cases = new ArrayList<>();
    byCase.forEach((caseId, handoffs) -> {
      Map<String, Object> values = caseValues.getOrDefault(caseId, Map.of());
      Instant target = values.get(RapidDischarge.Vars.TARGET_AT) instanceof Date date ? date.toInstant() : null;
      LiveCase live = new LiveCase(caseId, Objects.toString(values.get(Vars.CASE_REFERENCE), ""),
          Objects.toString(values.get(Vars.PATHWAY), ""), (String) values.get(Vars.LOCALITY),
          (String) values.get(Vars.URGENCY), target == null ? null : time.show(target),
          target == null ? null : Duration.between(now, target).toMinutes(), handoffs);
      List<Handoff> shown = handoffs.stream().filter(handoff -> filter.matches(live, handoff))
          .sorted(Comparator.comparing(Handoff::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
      if (!shown.isEmpty()) {
        cases.add(new LiveCase(live.caseId(), live.reference(), live.pathway(), live.locality(), live.urgency(),
            live.target(), live.minutesToTarget(), shown));
      }
    });
    cases.sort(Comparator.comparing((LiveCase live) -> live.handoffs().get(0).dueAt(),
        Comparator.nullsLast(Comparator.naturalOrder())));
    return cases;
  }

  /** The statuses a filter may ask for. */
  static final List<String> STATUSES = List.of("on-time", "at-risk", "breached");

  static Map<String, Long> countByStatus(List<LiveCase> cases) {
    return cases.stream().flatMap(live -> live.handoffs().stream())
        .collect(Collectors.groupingBy(Handoff::status, LinkedHashMap::new, Collectors.counting()));
  }
}
