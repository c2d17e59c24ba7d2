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
 * cases that left it in the period (from the read model {@link ActivityTimes} keeps). Names and
 * types come from the latest version's model.
 */
@Component
class Heatmap {

  record Activity(String activityId, String name, String type, long now, int finished, Long medianMinutes,
      Long p90Minutes, String median, String p90) {}

  record Report(String pathway, String pathwayName, int version, LocalDate from, LocalDate to, long casesNow,
      List<Activity> activities) {}

  private record Spent(int finished, long medianMinutes, long p90Minutes) {}

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
    // Nearest-rank percentiles, computed where the rows are (from the index alone): a pathway's
    // waits over 12 weeks are hundreds of thousands of rows at 10,000 cases.
    Map<String, Spent> spent = new HashMap<>();
    jdbc.sql("""
        select activity_id, count(*), percentile_disc(0.5) within group (order by millis),
          percentile_disc(0.9) within group (order by millis)
        from activity_time where pathway = :pathway and ended_at >= :from and ended_at < :to
        group by activity_id""")
        .param("pathway", latest.getKey())
        .param("from", first.atStartOfDay(zone).toOffsetDateTime())
        .param("to", last.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .query((row, number) -> spent.put(row.getString(1), new Spent(row.getInt(2), row.getLong(3) / 60_000,
            row.getLong(4) / 60_000))).list();
    List<Activity> activities = new ArrayList<>();
    java.util.Set<String> ids = new java.util.LinkedHashSet<>(spent.keySet());
    ids.addAll(now.keySet());
    var model = repository.getBpmnModelInstance(latest.getId());
    for (String id : ids) {
      Spent about = spent.get(id);
      var element = model.getModelElementById(id);
      String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
      String type = element == null ? null : element.getElementType().getTypeName();
      Long median = about == null ? null : about.medianMinutes();
      Long p90 = about == null ? null : about.p90Minutes();
      activities.add(new Activity(id, name, type, now.getOrDefault(id, 0L), about == null ? 0 : about.finished(),
          median, p90, Targets.shown(median), Targets.shown(p90)));
    }
    activities.sort((a, b) -> Long.compare(b.medianMinutes() == null ? -1 : b.medianMinutes(),
        a.medianMinutes() == null ? -1 : a.medianMinutes()));
    return new Report(latest.getKey(), latest.getName(), latest.getVersion(), first, last, casesNow, activities);
  }
}
