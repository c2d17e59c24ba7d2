package org.carerelay.engine.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a pathway's cases wait: for each activity of its diagram, how many cases are there now
 * (every version of the pathway) and the median and 90th percentile time spent there by the
 * activities that ended in the period (from Camunda's activity history, read by definition and
 * end time, which Camunda indexes).
 */
@Component
class Heatmap {

  record Activity(String activityId, String name, String type, long now, int finished, Long medianMinutes,
      Long p90Minutes, String median, String p90) {}

  record Report(String pathway, String pathwayName, int version, LocalDate from, LocalDate to, long casesNow,
      List<Activity> activities) {}

  private record Spent(String activityId, String name, String type, long millis) {}

  private final RepositoryService repository;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final PartnershipTime time;

  Heatmap(RepositoryService repository, ManagementService management, RuntimeService runtime, JdbcClient jdbc,
      PartnershipTime time) {
    this.repository = repository;
    this.management = management;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.time = time;
  }

  /** The latest version of a pathway (process key), or null when none is deployed. */
  ProcessDefinition latest(String pathway) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(pathway).latestVersion().singleResult();
  }

  String diagram(ProcessDefinition definition) {
    try (var xml = repository.getProcessModel(definition.getId())) {
      return new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Report report(ProcessDefinition latest, LocalDate first, LocalDate last) {
    List<String> versions = repository.createProcessDefinitionQuery().processDefinitionKey(latest.getKey()).list()
        .stream().map(ProcessDefinition::getId).toList();
    Map<String, Long> now = new HashMap<>();
    for (String version : versions) {
      for (ActivityStatistics statistics : management.createActivityStatisticsQuery(version).list()) {
        now.merge(statistics.getId(), (long) statistics.getInstances(), Long::sum);
      }
    }
    long casesNow = runtime.createProcessInstanceQuery().processDefinitionKey(latest.getKey()).count();
    ZoneId zone = time.zone();
    List<Spent> spent = jdbc.sql("""
        select ACT_ID_ as activity_id, ACT_NAME_ as name, ACT_TYPE_ as type, DURATION_ as millis from ACT_HI_ACTINST
        where PROC_DEF_ID_ in (:versions) and END_TIME_ >= :from and END_TIME_ < :to and DURATION_ is not null""")
        .param("versions", versions)
        .param("from", java.sql.Timestamp.from(first.atStartOfDay(zone).toInstant()))
        .param("to", java.sql.Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
        .query(Spent.class).list();
    Map<String, List<Long>> minutes = new LinkedHashMap<>();
    Map<String, Spent> described = new HashMap<>();
    for (Spent one : spent) {
      minutes.computeIfAbsent(one.activityId(), id -> new ArrayList<>()).add(one.millis() / 60_000);
      described.putIfAbsent(one.activityId(), one);
    }
    List<Activity> activities = new ArrayList<>();
    java.util.Set<String> ids = new java.util.LinkedHashSet<>(minutes.keySet());
    ids.addAll(now.keySet());
    var model = repository.getBpmnModelInstance(latest.getId());
    for (String id : ids) {
      List<Long> times = minutes.getOrDefault(id, List.of());
      Spent about = described.get(id);
      String name = about == null ? null : about.name();
      if (name == null && model.getModelElementById(id) instanceof FlowElement element) {
        name = element.getName();
      }
      String type = about == null ? null : about.type();
      if (type == null && model.getModelElementById(id) != null) {
        type = model.getModelElementById(id).getElementType().getTypeName();
      }
      Long median = PartnerEngagement.percentile(times, 50);
      Long p90 = PartnerEngagement.percentile(times, 90);
      activities.add(new Activity(id, name, type, now.getOrDefault(id, 0L), times.size(), median, p90,
          Targets.shown(median), Targets.shown(p90)));
    }
    activities.sort((a, b) -> Long.compare(b.medianMinutes() == null ? -1 : b.medianMinutes(),
        a.medianMinutes() == null ? -1 : a.medianMinutes()));
    return new Report(latest.getKey(), latest.getName(), latest.getVersion(), first, last, casesNow, activities);
  }
}
